package dev.switchboard.testkit;

import dev.switchboard.PhoneNumber;
import dev.switchboard.flow.CallFlow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A scripted person on the other end of the line: whether they answer, what they give each
 * successive gather, when they hang up, which transfer targets pick up, and what flows redirect
 * URLs serve. Immutable; build with {@link #builder()}.
 *
 * <p>Inputs are consumed one per gather in the order the gathers run; once the script runs out the
 * callee stays silent. Transfer targets answer unless scripted otherwise.
 */
public final class Callee {
  /** Whether the callee picks up. */
  public enum Pickup {
    ANSWER,
    NO_ANSWER,
    BUSY
  }

  /** What a transfer target does when rung. */
  public enum Target {
    ANSWERS,
    NO_ANSWER,
    BUSY
  }

  private final Pickup pickup;
  private final List<CalleeInput> inputs;
  private final OptionalInt hangUpAfter;
  private final Map<PhoneNumber, Target> targets;
  private final Map<String, CallFlow> redirects;

  private Callee(Builder builder) {
    this.pickup = builder.pickup;
    this.inputs = List.copyOf(builder.inputs);
    this.hangUpAfter = builder.hangUpAfter;
    this.targets = Map.copyOf(builder.targets);
    this.redirects = Map.copyOf(builder.redirects);
  }

  /** A callee who answers and stays silent. */
  public static Callee answering() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Pickup pickup() {
    return pickup;
  }

  /** The inputs for successive gathers. */
  public List<CalleeInput> inputs() {
    return inputs;
  }

  /** The input for the gather with this index (0 for the first), silence past the script. */
  public CalleeInput inputFor(int gatherIndex) {
    return gatherIndex < inputs.size() ? inputs.get(gatherIndex) : CalleeInput.silence();
  }

  /** How many observations the callee waits for before hanging up, if scripted. */
  public OptionalInt hangUpAfter() {
    return hangUpAfter;
  }

  /** What {@code number} does when a transfer rings it. */
  public Target target(PhoneNumber number) {
    return targets.getOrDefault(number, Target.ANSWERS);
  }

  /** Scripted behaviour of transfer targets; unlisted targets answer. */
  public Map<PhoneNumber, Target> targets() {
    return targets;
  }

  /** The flows served at redirect URLs; a URL not listed fails to fetch. */
  public Map<String, CallFlow> redirects() {
    return redirects;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Callee c
        && pickup == c.pickup
        && inputs.equals(c.inputs)
        && hangUpAfter.equals(c.hangUpAfter)
        && targets.equals(c.targets)
        && redirects.equals(c.redirects);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pickup, inputs, hangUpAfter, targets, redirects);
  }

  @Override
  public String toString() {
    return "Callee{pickup="
        + pickup
        + ", inputs="
        + inputs
        + ", hangUpAfter="
        + hangUpAfter
        + ", targets="
        + targets
        + ", redirects="
        + redirects.keySet()
        + "}";
  }

  /** Builds a {@link Callee}: by default one who answers, stays silent and never hangs up. */
  public static final class Builder {
    private Pickup pickup = Pickup.ANSWER;
    private final List<CalleeInput> inputs = new ArrayList<>();
    private OptionalInt hangUpAfter = OptionalInt.empty();
    private final Map<PhoneNumber, Target> targets = new HashMap<>();
    private final Map<String, CallFlow> redirects = new HashMap<>();

    private Builder() {}

    public Builder pickup(Pickup pickup) {
      this.pickup = Objects.requireNonNull(pickup);
      return this;
    }

    /** Presses {@code keys} at the next gather. */
    public Builder presses(String keys) {
      return input(CalleeInput.keys(keys));
    }

    /** Says {@code words} at the next gather. */
    public Builder says(String words) {
      return input(CalleeInput.speech(words));
    }

    /** Stays silent through the next gather. */
    public Builder silent() {
      return input(CalleeInput.silence());
    }

    public Builder input(CalleeInput input) {
      inputs.add(Objects.requireNonNull(input));
      return this;
    }

    /** Hangs up once {@code observations} things have been observed on the line. */
    public Builder hangUpAfter(int observations) {
      if (observations < 1) {
        throw new IllegalArgumentException("observations must be at least 1");
      }
      this.hangUpAfter = OptionalInt.of(observations);
      return this;
    }

    /** Scripts what an E.164 transfer target does. */
    public Builder target(String e164, Target target) {
      targets.put(PhoneNumber.of(e164), Objects.requireNonNull(target));
      return this;
    }

    /** Serves {@code flow} at {@code url} for redirects. */
    public Builder redirect(String url, CallFlow flow) {
      redirects.put(url, Objects.requireNonNull(flow));
      return this;
    }

    public Callee build() {
      return new Callee(this);
    }
  }
}
