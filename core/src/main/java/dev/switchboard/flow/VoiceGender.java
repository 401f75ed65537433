package dev.switchboard.flow;

import java.util.Locale;

/** The gender of the text-to-speech voice. */
public enum VoiceGender {
  FEMALE,
  MALE;

  /** The name used in flow files and by vendors: {@code female} or {@code male}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
