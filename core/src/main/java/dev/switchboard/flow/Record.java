package dev.switchboard.flow;

import dev.switchboard.internal.Checks;
import java.util.List;

/**
 * Records the caller, as for voicemail, after playing its prompts. Ends on a finish key, at {@code
 * maxDuration}, or when the caller hangs up (the partial recording is kept). Reports a {@code
 * RecordingReady} event with the recording's URL.
 *
 * @param prompts what plays before recording starts
 * @param maxDuration the longest recording in seconds, 1 to {@value #MAX_DURATION}
 * @param finishOnKey keys that end the recording (among 0-9, * and #); empty for none
 */
public record Record(List<Prompt> prompts, int maxDuration, String finishOnKey) implements Verb {
  public static final int DEFAULT_MAX_DURATION = 120;
  public static final int MAX_DURATION = 86_400;
  public static final String DEFAULT_FINISH_ON_KEY = "#";

  public Record {
    prompts = Checks.list(prompts, "record.prompts");
    Checks.range(maxDuration, 1, MAX_DURATION, "record.maxDuration");
    Checks.finishKeys(Checks.notNull(finishOnKey, "record.finishOnKey"), "record.finishOnKey");
  }

  /** Records for up to {@code maxDuration} seconds, ended early by {@code #}, with no prompt. */
  public static Record of(int maxDuration) {
    return new Record(List.of(), maxDuration, DEFAULT_FINISH_ON_KEY);
  }

  /** Plays {@code prompts}, then records with the defaults. */
  public static Record after(Prompt... prompts) {
    return new Record(List.of(prompts), DEFAULT_MAX_DURATION, DEFAULT_FINISH_ON_KEY);
  }

  @Override
  public String name() {
    return "record";
  }

  @Override
  public <R> R accept(VerbVisitor<R> visitor) {
    return visitor.record(this);
  }
}
