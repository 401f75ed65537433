package dev.switchboard.hoiio.internal;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import java.util.List;

/**
 * Names a list of verbs inside a flow in a few characters, so that a call's state stays small and
 * could be kept in a shared store: {@code ""} is the flow itself, {@code "1b0"} the first branch of
 * the gather at index 1, {@code "1b0/3f"} the on-failure flow of the transfer at index 3 of that
 * branch.
 */
final class FlowCursor {
  private FlowCursor() {}

  /** The list of verbs {@code path} names in {@code flow}. */
  static List<Verb> resolve(CallFlow flow, String path) {
    List<Verb> verbs = flow.verbs();
    if (path.isEmpty()) {
      return verbs;
    }
    for (String step : path.split("/")) {
      int split = step.indexOf('b') >= 0 ? step.indexOf('b') : step.indexOf('f');
      Verb verb = verbs.get(Integer.parseInt(step.substring(0, split)));
      verbs =
          step.charAt(split) == 'b'
              ? ((Gather) verb).branches().get(Integer.parseInt(step.substring(split + 1))).verbs()
              : ((Transfer) verb).onFailure();
    }
    return verbs;
  }

  /**
   * The path of branch {@code branch} of the gather at {@code index} of the list at {@code path}.
   */
  static String branch(String path, int index, int branch) {
    return join(path, index + "b" + branch);
  }

  /**
   * The path of the on-failure flow of the transfer at {@code index} of the list at {@code path}.
   */
  static String onFailure(String path, int index) {
    return join(path, index + "f");
  }

  private static String join(String path, String step) {
    return path.isEmpty() ? step : path + "/" + step;
  }
}
