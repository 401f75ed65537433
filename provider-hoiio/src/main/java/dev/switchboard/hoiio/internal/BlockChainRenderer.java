package dev.switchboard.hoiio.internal;

import dev.switchboard.PhoneNumber;
import dev.switchboard.flow.Branch;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chain of blocks the runner would send for a flow, as text: one line a block, with each
 * gather's branches and each transfer's on-failure flow indented below it.
 */
public final class BlockChainRenderer {
  private static final PhoneNumber PLACEHOLDER = PhoneNumber.of("+10000000000");

  private BlockChainRenderer() {}

  public static String render(CallFlow flow) {
    StringBuilder out = new StringBuilder();
    CallState start = CallState.start("k", "", flow, "");
    Block dial = BlockPlanner.dial(start, PLACEHOLDER, Optional.empty());
    line(out, 0, dial);
    chain(out, 0, dial.next());
    return out.toString();
  }

  private static void chain(StringBuilder out, int depth, CallState state) {
    Block block = BlockPlanner.next(state);
    line(out, depth, block);
    if (block.kind() == BlockKind.HANGUP) {
      return;
    }
    if (block.kind() == BlockKind.TRANSFER) {
      Verb verb = block.next().verbs().get(block.next().verbIndex());
      if (verb instanceof Transfer transfer && !transfer.onFailure().isEmpty()) {
        indent(out, depth + 1).append("if nobody answers:\n");
        chain(
            out,
            depth + 2,
            block
                .next()
                .at(FlowCursor.onFailure(block.next().path(), block.next().verbIndex()), 0));
      }
      return;
    }
    if (block.kind() == BlockKind.GATHER) {
      CallState after = block.next();
      List<Branch> branches = ((Gather) after.verbs().get(after.verbIndex())).branches();
      for (int b = 0; b < branches.size(); b++) {
        indent(out, depth + 1).append("when digits = ").append(branches.get(b).key()).append(":\n");
        chain(out, depth + 2, after.at(FlowCursor.branch(after.path(), after.verbIndex(), b), 0));
      }
      if (!branches.isEmpty()) {
        indent(out, depth + 1).append("otherwise:\n");
        chain(out, depth + 2, after);
        return;
      }
    }
    chain(out, depth, block.next());
  }

  private static void line(StringBuilder out, int depth, Block block) {
    indent(out, depth).append("POST ").append(block.kind().path());
    for (Map.Entry<String, String> param : block.params().entrySet()) {
      String value =
          block.kind() == BlockKind.DIAL && param.getKey().equals("dest")
              ? "<callee>"
              : param.getValue();
      out.append(' ').append(param.getKey()).append('=').append(value);
    }
    out.append('\n');
  }

  private static StringBuilder indent(StringBuilder out, int depth) {
    return out.append("  ".repeat(depth));
  }
}
