package dev.switchboard.flow;

import dev.switchboard.InvalidInputException;
import dev.switchboard.PhoneNumber;
import dev.switchboard.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Connects the caller to one number, or rings several in parallel where the first to answer wins.
 *
 * <p>When the bridge ends with the caller still on the line, the verbs after the transfer run
 * (capability {@code CONTINUE_AFTER_BRIDGE}). When no target answers and {@code onFailure} is not
 * empty, it replaces the rest of the flow (capability {@code TRANSFER_ON_FAILURE}).
 *
 * @param to the numbers to ring; at least one, distinct
 * @param callerId the caller id to present, or empty for the vendor's default
 * @param timeout seconds to ring before giving up, or empty for the vendor's default
 * @param onFailure what runs when no target answered; empty when the flow simply goes on
 */
public record Transfer(
    List<PhoneNumber> to, Optional<PhoneNumber> callerId, OptionalInt timeout, List<Verb> onFailure)
    implements Verb {
  public static final int MAX_TIMEOUT = 600;

  public Transfer {
    to = Checks.list(to, "transfer.to");
    if (to.isEmpty()) {
      throw new InvalidInputException("transfer.to", "needs at least one number");
    }
    if (new HashSet<>(to).size() != to.size()) {
      throw new InvalidInputException("transfer.to", "numbers must be distinct");
    }
    Checks.notNull(callerId, "transfer.callerId");
    Checks.notNull(timeout, "transfer.timeout");
    timeout.ifPresent(t -> Checks.range(t, 1, MAX_TIMEOUT, "transfer.timeout"));
    onFailure = Sequences.check(onFailure, "transfer.onFailure", false);
  }

  /** Transfers to the given E.164 numbers, ringing them in parallel when there are several. */
  public static Transfer to(String... numbers) {
    return builder().to(numbers).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when more than one number rings at once. */
  public boolean isParallel() {
    return to.size() > 1;
  }

  @Override
  public String name() {
    return "transfer";
  }

  /** Builds a {@link Transfer}. */
  public static final class Builder {
    private final List<PhoneNumber> to = new ArrayList<>();
    private PhoneNumber callerId;
    private Integer timeout;
    private List<Verb> onFailure = List.of();

    private Builder() {}

    /** Adds E.164 numbers to ring. */
    public Builder to(String... numbers) {
      for (String number : numbers) {
        to.add(PhoneNumber.of(number, "transfer.to[" + to.size() + "]"));
      }
      return this;
    }

    public Builder to(PhoneNumber number) {
      to.add(number);
      return this;
    }

    public Builder callerId(String e164) {
      this.callerId = PhoneNumber.of(e164, "transfer.callerId");
      return this;
    }

    public Builder timeout(int seconds) {
      this.timeout = seconds;
      return this;
    }

    public Builder onFailure(Verb... verbs) {
      this.onFailure = List.of(verbs);
      return this;
    }

    public Builder onFailure(List<Verb> verbs) {
      this.onFailure = verbs;
      return this;
    }

    public Transfer build() {
      return new Transfer(
          to,
          Optional.ofNullable(callerId),
          timeout == null ? OptionalInt.empty() : OptionalInt.of(timeout),
          onFailure);
    }
  }

  @Override
  public <R> R accept(VerbVisitor<R> visitor) {
    return visitor.transfer(this);
  }
}
