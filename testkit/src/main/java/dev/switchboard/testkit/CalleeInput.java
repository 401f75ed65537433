package dev.switchboard.testkit;

import java.util.Objects;

/**
 * What a scripted callee gives one gather: keys, words, or silence.
 *
 * @param keys DTMF keys pressed, in order, possibly including a finish key; empty for none
 * @param speech words spoken; empty for none
 */
public record CalleeInput(String keys, String speech) {
  public CalleeInput {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(speech, "speech");
    if (!keys.matches("[0-9*#]*")) {
      throw new IllegalArgumentException("keys must be among 0-9, * and #, was '" + keys + "'");
    }
  }

  public static CalleeInput keys(String keys) {
    return new CalleeInput(keys, "");
  }

  public static CalleeInput speech(String words) {
    return new CalleeInput("", words);
  }

  public static CalleeInput silence() {
    return new CalleeInput("", "");
  }

  public boolean isSilence() {
    return keys.isEmpty() && speech.isEmpty();
  }
}
