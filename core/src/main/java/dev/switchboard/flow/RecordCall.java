package dev.switchboard.flow;

import dev.switchboard.internal.Checks;
import java.util.List;

/**
 * Records the whole call from here on, both parties, until it ends (Hoiio's Monitor block). The
 * recording is reported as a {@code RecordingReady} event after the call ends.
 *
 * @param prompts what plays before recording starts, e.g. a notice that the call is recorded
 */
public record RecordCall(List<Prompt> prompts) implements Verb {
  public RecordCall {
    prompts = Checks.list(prompts, "recordCall.prompts");
  }

  public static RecordCall after(Prompt... prompts) {
    return new RecordCall(List.of(prompts));
  }

  @Override
  public String name() {
    return "recordCall";
  }

  @Override
  public <R> R accept(VerbVisitor<R> visitor) {
    return visitor.recordCall(this);
  }
}
