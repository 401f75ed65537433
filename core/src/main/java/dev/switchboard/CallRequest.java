package dev.switchboard;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An outbound call to place: who to call, from which number, and what happens when they answer.
 *
 * @param to the number to call
 * @param from the caller id to present; empty for the vendor's default (needs {@link
 *     Capability#CALLER_ID} when given)
 * @param flow what happens once the callee answers
 * @param tags the application's own labels for the call (needs {@link Capability#TAGS} when given)
 * @param maxDuration how long the call may last once answered before the vendor hangs it up; empty
 *     for the vendor's own limit (needs {@link Capability#CALL_DURATION_LIMIT} when given)
 */
public record CallRequest(
    PhoneNumber to,
    Optional<PhoneNumber> from,
    CallFlow flow,
    List<String> tags,
    Optional<Duration> maxDuration) {
  public CallRequest {
    Checks.notNull(to, "call.to");
    Checks.notNull(from, "call.from");
    Checks.notNull(flow, "call.flow");
    tags = Checks.list(tags, "call.tags");
    for (int i = 0; i < tags.size(); i++) {
      Checks.notBlank(tags.get(i), "call.tags[" + i + "]");
    }
    Checks.notNull(maxDuration, "call.maxDuration");
    if (maxDuration.isPresent()
        && (maxDuration.get().isNegative()
            || maxDuration.get().isZero()
            || maxDuration.get().getNano() != 0)) {
      throw new InvalidInputException(
          "call.maxDuration", "must be a positive whole number of seconds");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CallRequest}. */
  public static final class Builder {
    private PhoneNumber to;
    private PhoneNumber from;
    private CallFlow flow;
    private final List<String> tags = new ArrayList<>();
    private Duration maxDuration;

    private Builder() {}

    /** The E.164 number to call, e.g. {@code +15556667777}. */
    public Builder to(String e164) {
      this.to = PhoneNumber.of(e164, "call.to");
      return this;
    }

    /** The E.164 caller id to present. */
    public Builder from(String e164) {
      this.from = PhoneNumber.of(e164, "call.from");
      return this;
    }

    public Builder flow(CallFlow flow) {
      this.flow = flow;
      return this;
    }

    public Builder tag(String tag) {
      tags.add(tag);
      return this;
    }

    /** How long the call may last once answered, in whole seconds. */
    public Builder maxDuration(Duration maxDuration) {
      this.maxDuration = maxDuration;
      return this;
    }

    public CallRequest build() {
      return new CallRequest(
          to, Optional.ofNullable(from), flow, tags, Optional.ofNullable(maxDuration));
    }
  }
}
