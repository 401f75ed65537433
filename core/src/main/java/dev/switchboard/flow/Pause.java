package dev.switchboard.flow;

import dev.switchboard.internal.Checks;

/**
 * Silence for a whole number of seconds. Vendors narrow the range (VoxXML allows 1 to 60); the
 * provider says so before sending rather than clamping.
 *
 * @param seconds how long, 1 to {@value #MAX_SECONDS}
 */
public record Pause(int seconds) implements Prompt {
  public static final int MAX_SECONDS = 3600;

  public Pause {
    Checks.range(seconds, 1, MAX_SECONDS, "pause.seconds");
  }

  public static Pause of(int seconds) {
    return new Pause(seconds);
  }

  @Override
  public String name() {
    return "pause";
  }

  @Override
  public <R> R accept(VerbVisitor<R> visitor) {
    return visitor.pause(this);
  }
}
