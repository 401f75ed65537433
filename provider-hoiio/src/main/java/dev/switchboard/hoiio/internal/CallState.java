package dev.switchboard.hoiio.internal;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Verb;
import java.util.List;
import java.util.Objects;

/**
 * Where one call in flight stands: everything the runner needs to react to the next notification,
 * and nothing that grows. The flow is shared with the application; the rest is a few fields.
 *
 * @param key the call's reference in its notify URLs
 * @param session Hoiio's session id, empty until the Dial answer gives it
 * @param flow the flow the call runs
 * @param tag the {@code tag} every block of the call carries, empty for none
 * @param path the list of verbs the cursor is in (see {@link FlowCursor})
 * @param index the next verb to plan in that list
 * @param block the number of the block whose notification is awaited
 * @param awaiting the kind of that block
 * @param verbIndex for a gather or transfer block, the index of its verb in the list, else -1
 * @param dialStatus the {@code dial_status} the call was dialled with, empty until known
 * @param hangingUp true once the application hung the call up: nothing more is sent, and the
 *     hang-up's own notification, to the awaited block's URL, ends the call
 * @param holdRequested true once the application asked to hold the call: the next notification
 *     sends Hold instead of the next block
 */
public record CallState(
    String key,
    String session,
    CallFlow flow,
    String tag,
    String path,
    int index,
    int block,
    BlockKind awaiting,
    int verbIndex,
    String dialStatus,
    boolean hangingUp,
    boolean holdRequested) {
  public CallState {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(awaiting, "awaiting");
    Objects.requireNonNull(dialStatus, "dialStatus");
  }

  /** A call about to start: nothing planned, nothing awaited. */
  static CallState start(String key, String session, CallFlow flow, String tag) {
    return new CallState(key, session, flow, tag, "", 0, 0, BlockKind.DIAL, -1, "", false, false);
  }

  /** The list of verbs the cursor is in. */
  List<Verb> verbs() {
    return FlowCursor.resolve(flow, path);
  }

  CallState withSession(String session) {
    return new CallState(
        key,
        session,
        flow,
        tag,
        path,
        index,
        block,
        awaiting,
        verbIndex,
        dialStatus,
        hangingUp,
        holdRequested);
  }

  CallState withDialStatus(String status) {
    return new CallState(
        key,
        session,
        flow,
        tag,
        path,
        index,
        block,
        awaiting,
        verbIndex,
        status,
        hangingUp,
        holdRequested);
  }

  /** The application hung the call up while this state's block was awaited. */
  CallState hungUp() {
    return new CallState(
        key,
        session,
        flow,
        tag,
        path,
        index,
        block,
        awaiting,
        verbIndex,
        dialStatus,
        true,
        holdRequested);
  }

  /** The application asked to hold the call (or no longer does). */
  CallState holdRequested(boolean requested) {
    return new CallState(
        key,
        session,
        flow,
        tag,
        path,
        index,
        block,
        awaiting,
        verbIndex,
        dialStatus,
        hangingUp,
        requested);
  }

  /**
   * The call after sending {@code kind} (Hold or Unhold) as block {@code nextBlock}; the cursor
   * stays where it is, so the flow goes on from there after Unhold.
   */
  CallState holding(BlockKind kind, int nextBlock) {
    return new CallState(
        key, session, flow, tag, path, index, nextBlock, kind, -1, dialStatus, hangingUp, false);
  }

  /** The cursor moved to the start of another list, e.g. a branch, with nothing awaited yet. */
  CallState at(String newPath, int newIndex) {
    return new CallState(
        key,
        session,
        flow,
        tag,
        newPath,
        newIndex,
        block,
        awaiting,
        -1,
        dialStatus,
        hangingUp,
        holdRequested);
  }

  /** The call once the block planned from this state is sent. */
  CallState advanced(int nextIndex, BlockKind kind, int kindVerbIndex) {
    return new CallState(
        key,
        session,
        flow,
        tag,
        path,
        nextIndex,
        block + 1,
        kind,
        kindVerbIndex,
        dialStatus,
        hangingUp,
        holdRequested);
  }
}
