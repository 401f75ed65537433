package dev.switchboard.flow;

import dev.switchboard.InvalidInputException;
import dev.switchboard.internal.Checks;
import java.util.List;

/** Rules for any list of verbs run in order: a flow, a branch, an on-failure flow. */
final class Sequences {
  private Sequences() {}

  /**
   * Copies and checks a sequence. {@code reject} may only open a top-level flow, because once a
   * call is answered it can no longer be rejected; nothing may follow {@code hangup} or {@code
   * reject}, because it would never run.
   */
  static List<Verb> check(List<Verb> verbs, String field, boolean topLevel) {
    List<Verb> copy = Checks.list(verbs, field);
    for (int i = 0; i < copy.size(); i++) {
      Verb verb = copy.get(i);
      if (verb instanceof Reject && !(topLevel && i == 0)) {
        throw new InvalidInputException(
            field + "[" + i + "]", "reject may only be the first verb of a flow");
      }
      if ((verb instanceof Hangup || verb instanceof Reject) && i < copy.size() - 1) {
        throw new InvalidInputException(
            field + "[" + (i + 1) + "]",
            "nothing may follow " + verb.name() + ": it would never run");
      }
    }
    return copy;
  }
}
