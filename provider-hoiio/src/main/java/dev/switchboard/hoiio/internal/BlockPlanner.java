package dev.switchboard.hoiio.internal;

import dev.switchboard.PhoneNumber;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Prompt;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.RecordCall;
import dev.switchboard.flow.Redirect;
import dev.switchboard.flow.Reject;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import dev.switchboard.flow.VerbVisitor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans the next block from a call's cursor, with as few round trips as the blocks allow: prompts
 * ride in the {@code msg} of the block that follows them when they fit, and the end of a list is a
 * {@code hangup} carrying whatever prompts are left.
 */
final class BlockPlanner {
  private BlockPlanner() {}

  /** The Dial that starts an outbound call, carrying the flow's leading prompts when they fit. */
  static Block dial(CallState state, PhoneNumber to, Optional<PhoneNumber> from) {
    List<Verb> verbs = state.verbs();
    Markup msg = new Markup();
    int end = prompts(verbs, 0, msg);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("dest", to.e164());
    from.ifPresent(number -> params.put("caller_id", number.e164()));
    putTag(params, state);
    putMsg(params, msg.toString());
    return new Block(BlockKind.DIAL, params, state.advanced(end, BlockKind.DIAL, -1));
  }

  /** The block after the one whose notification just arrived, from {@code state}'s cursor. */
  static Block next(CallState state) {
    List<Verb> verbs = state.verbs();
    int index = state.index();
    if (index < verbs.size() && verbs.get(index) instanceof Reject) {
      // A hangup before answering refuses an incoming call.
      return block(state, BlockKind.HANGUP, "", index + 1, -1, Map.of());
    }
    Markup msg = new Markup();
    int end = prompts(verbs, index, msg);
    String pending = msg.toString();
    if (end == verbs.size()) {
      return block(state, BlockKind.HANGUP, pending, end, -1, Map.of());
    }
    Verb verb = verbs.get(end);
    List<Prompt> ownPrompts = HoiioRules.ownPrompts(verb);
    String own = Markup.of(ownPrompts);
    // What the verb plays after the pending prompts, written to follow them.
    Markup withOwn = msg.copy().appendAll(ownPrompts);
    int at = end;
    // Prompts that do not fit with what the verb at the cursor plays, or that must not repeat with
    // a gather's attempts, play on their own first.
    Block playPending = block(state, BlockKind.PLAY, pending, at, -1, Map.of());
    if (!pending.isEmpty() && withOwn.length() > Markup.MAX_MSG) {
      return playPending;
    }
    String combined = withOwn.toString();
    return verb.accept(
        new VerbVisitor<Block>() {
          @Override
          public Block say(Say say) {
            return playPending;
          }

          @Override
          public Block play(Play play) {
            return playPending;
          }

          @Override
          public Block pause(Pause pause) {
            return noBlock(pause);
          }

          @Override
          public Block gather(Gather gather) {
            if (!pending.isEmpty()) {
              return playPending;
            }
            return block(
                state,
                BlockKind.GATHER,
                own,
                at + 1,
                at,
                ordered(
                    "max_digits", String.valueOf(gather.numDigits()),
                    "timeout", String.valueOf(gather.timeout()),
                    "attempts", String.valueOf(gather.attempts())));
          }

          @Override
          public Block record(Record record) {
            return block(
                state,
                BlockKind.RECORD,
                combined,
                at + 1,
                -1,
                Map.of("max_duration", String.valueOf(record.maxDuration())));
          }

          @Override
          public Block recordCall(RecordCall recordCall) {
            return block(state, BlockKind.MONITOR, combined, at + 1, -1, Map.of());
          }

          @Override
          public Block transfer(Transfer transfer) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("dest", transfer.to().get(0).e164());
            transfer.callerId().ifPresent(id -> params.put("caller_id", id.e164()));
            if (!transfer.onFailure().isEmpty()) {
              params.put("on_failure", "continue");
            }
            return block(state, BlockKind.TRANSFER, combined, at + 1, at, params);
          }

          @Override
          public Block conference(Conference conference) {
            return block(
                state,
                BlockKind.TRANSFER,
                combined,
                at + 1,
                at,
                Map.of("dest", "room:" + conference.room()));
          }

          @Override
          public Block hangup(Hangup hangup) {
            return block(state, BlockKind.HANGUP, combined, at + 1, -1, Map.of());
          }

          @Override
          public Block reject(Reject reject) {
            return noBlock(reject);
          }

          @Override
          public Block redirect(Redirect redirect) {
            return noBlock(redirect);
          }
        });
  }

  /**
   * A reject only opens a flow and was planned above; a pause or a redirect has no Hoiio block and
   * should have been refused before the call.
   */
  private static Block noBlock(Verb verb) {
    throw new IllegalStateException(
        verb.name() + " has no Hoiio block here; it should have been refused");
  }

  private static Block block(
      CallState state,
      BlockKind kind,
      String msg,
      int nextIndex,
      int verbIndex,
      Map<String, String> extra) {
    Map<String, String> params = new LinkedHashMap<>();
    putMsg(params, msg);
    params.putAll(extra);
    putTag(params, state);
    return new Block(kind, params, state.advanced(nextIndex, kind, verbIndex));
  }

  /** Parameters in the order given, so requests read the same every time. */
  private static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      params.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return params;
  }

  /** Every block of a call carries its tag, so Hoiio's records name the call at each step. */
  static void putTag(Map<String, String> params, CallState state) {
    if (!state.tag().isEmpty()) {
      params.put("tag", state.tag());
    }
  }

  private static void putMsg(Map<String, String> params, String msg) {
    if (!msg.isEmpty()) {
      params.put("msg", msg);
    }
  }

  /** Appends the prompts from {@code from} that fit one msg; returns the index after them. */
  private static int prompts(List<Verb> verbs, int from, Markup msg) {
    int i = from;
    while (i < verbs.size() && isPrompt(verbs.get(i))) {
      if (msg.copy().append((Prompt) verbs.get(i)).length() > Markup.MAX_MSG) {
        break;
      }
      msg.append((Prompt) verbs.get(i));
      i++;
    }
    return i;
  }

  private static boolean isPrompt(Verb verb) {
    return verb instanceof Say || verb instanceof Play;
  }
}
