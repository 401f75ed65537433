package dev.switchboard.flow;

import java.util.Locale;

/** How a {@link Gather} listens: keypad tones, speech recognition, or both. */
public enum GatherInput {
  DTMF,
  SPEECH;

  /** The name used in flow files: {@code dtmf} or {@code speech}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
