package dev.switchboard.flow;

import dev.switchboard.internal.Checks;
import java.util.List;

/**
 * Ends the call after playing its prompts. Nothing may follow it in the same list of verbs.
 *
 * @param prompts what plays before hanging up
 */
public record Hangup(List<Prompt> prompts) implements Verb {
  public Hangup {
    prompts = Checks.list(prompts, "hangup.prompts");
  }

  /** Hangs up at once. */
  public static Hangup now() {
    return new Hangup(List.of());
  }

  /** Plays {@code prompts}, then hangs up. */
  public static Hangup after(Prompt... prompts) {
    return new Hangup(List.of(prompts));
  }

  @Override
  public String name() {
    return "hangup";
  }

  @Override
  public <R> R accept(VerbVisitor<R> visitor) {
    return visitor.hangup(this);
  }
}
