package dev.switchboard.testkit.simulator;

import dev.switchboard.testkit.Transcript;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Hoiio call session: where it is in the block order, the blocks accepted and not yet run, and
 * what its notifications say about it. Request threads {@link #accept} blocks; the call's own
 * thread takes them with {@link #next} and {@link #settle}s each one before notifying.
 */
final class HoiioSession {
  /** Where a session is in the block order. */
  enum State {
    /** A block is running (or the Dial is ringing); only a forced Hangup is accepted. */
    BUSY,
    /** The last notification was sent (or is being sent): the next block is accepted. */
    READY,
    /** On hold: only Unhold (or a forced Hangup) is accepted. */
    ON_HOLD,
    /** Over: every request answers {@code error_session_ended}. */
    ENDED
  }

  /** What the call is charged a minute (incoming and outgoing together), in SGD. */
  static final BigDecimal RATE = new BigDecimal("0.025");

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));

  private final String id;
  private final String txnRef;
  private final String dest;
  private final String from;
  private final String to;
  private final Deque<HoiioBlock> queue = new ArrayDeque<>();
  private final List<String> answers = new ArrayList<>();
  private State state;
  private boolean monitored;
  private volatile boolean forced;
  private Transcript observed = Transcript.of();
  private Instant answeredAt;
  private String dialStatus;
  private Instant endedAt;

  /**
   * @param dest the number a Dial called, or null for an incoming call
   * @param from the caller of an incoming call, or null
   * @param to the Hoiio number an incoming call reached, or null
   * @param state {@link State#BUSY} for a Dial, {@link State#READY} for an incoming call
   */
  HoiioSession(String id, String txnRef, String dest, String from, String to, State state) {
    this.id = id;
    this.txnRef = txnRef;
    this.dest = dest;
    this.from = from;
    this.to = to;
    this.state = state;
  }

  String id() {
    return id;
  }

  String txnRef() {
    return txnRef;
  }

  boolean incoming() {
    return dest == null;
  }

  /** Records the status answered to a request for this session. */
  synchronized void record(String status) {
    answers.add(status);
  }

  /** The statuses answered to this session's requests, in order. */
  synchronized List<String> answers() {
    return List.copyOf(answers);
  }

  /**
   * Takes a block for running if the session's state allows it, and records the answer.
   *
   * @return null when accepted, else the {@code error_*} status to answer
   */
  synchronized String accept(HoiioBlock block) {
    if (block.name().equals("hangup") && (state == State.BUSY || state == State.ON_HOLD)) {
      block = block.interrupting();
    }
    String refusal = refusal(block);
    if (refusal != null) {
      answers.add(refusal);
      return refusal;
    }
    answers.add("success_ok");
    if (block.isForcedHangup()) {
      // Ends the call at once: it jumps ahead and the session takes nothing more.
      forced = true;
      state = State.ENDED;
      queue.addFirst(block);
    } else {
      if (block.name().equals("monitor")) {
        monitored = true;
      }
      state = block.name().equals("hold") ? State.ON_HOLD : State.BUSY;
      queue.addLast(block);
    }
    notifyAll();
    return null;
  }

  private String refusal(HoiioBlock block) {
    if (state == State.ENDED) {
      return "error_session_ended";
    }
    if (block.isForcedHangup()) {
      return null;
    }
    if (block.name().equals("unhold")) {
      return state == State.ON_HOLD ? null : "error_session_not_on_hold";
    }
    if (state != State.READY) {
      return "error_session_not_ready";
    }
    if (block.name().equals("monitor") && monitored) {
      return "error_monitor_in_progress";
    }
    return null;
  }

  /**
   * Lets {@code time} pass while a block plays, or less when a forced Hangup stops it: the clock
   * that keeps an application that does not wait for notifications from passing unnoticed.
   */
  synchronized void play(Duration time) throws InterruptedException {
    long deadline = System.nanoTime() + time.toNanos();
    while (!forced) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Waits until a Hold was accepted and no Unhold yet; false when that did not happen in time. */
  synchronized boolean awaitOnHold(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (state != State.ON_HOLD) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /** True once a forced Hangup was accepted: the block running stops where it is. */
  boolean forcePending() {
    return forced;
  }

  /**
   * The next block to run, waiting up to {@code idle} for the application to send it.
   *
   * @return the block, or null when none came in time; the session is then over
   */
  synchronized HoiioBlock next(Duration idle) throws InterruptedException {
    long deadline = System.nanoTime() + idle.toNanos();
    while (queue.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        end();
        return null;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return queue.pollFirst();
  }

  /**
   * Settles the block that just ran before its notification goes out: the session becomes ready
   * ({@code ready}), stays as it is (a Hold, neither), or is over ({@code ended}).
   *
   * @return false when a forced Hangup came meanwhile: the block's outcome is dropped
   */
  synchronized boolean settle(boolean ready, boolean ended) {
    if (forced) {
      return false;
    }
    if (ended) {
      end();
    } else if (ready) {
      state = State.READY;
    }
    return true;
  }

  /** The session is over: later requests answer {@code error_session_ended}. */
  synchronized void end() {
    state = State.ENDED;
    queue.clear();
    if (endedAt == null) {
      endedAt = Instant.now();
    }
  }

  /** Publishes what the callee has observed so far, for {@link #awaitObserved}. */
  synchronized void observed(Transcript transcript) {
    observed = transcript;
    notifyAll();
  }

  /**
   * What the callee has observed once it is at least {@code count} observations, or null when that
   * did not happen within {@code timeout}.
   */
  synchronized Transcript awaitObserved(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (observed.observations().size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return observed;
  }

  /** The call was answered (a Dial picked up, or an incoming call's first block ran). */
  synchronized void answer() {
    if (answeredAt == null) {
      answeredAt = Instant.now();
    }
  }

  synchronized boolean answered() {
    return answeredAt != null;
  }

  /** Records how a Dial that was not answered ended: {@code unanswered} or {@code busy}. */
  synchronized void dialed(String status) {
    dialStatus = status;
  }

  /**
   * What {@code voice/query_status} says of the call: {@code call_status_dest1} ({@code answered},
   * {@code unanswered} or {@code busy}; absent while it rings), and the billing once it ended.
   */
  synchronized Map<String, String> status() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("txn_ref", txnRef);
    if (answeredAt != null) {
      fields.put("call_status_dest1", "answered");
    } else if (dialStatus != null) {
      fields.put("call_status_dest1", dialStatus);
    }
    if (state == State.ENDED) {
      fields.putAll(billing());
    }
    return fields;
  }

  /**
   * The fields every notification of this session starts with: {@code ivr_block}, {@code session},
   * {@code txn_ref}, {@code dest} or {@code from} and {@code to}, {@code tag} when given, then
   * {@code call_state}.
   */
  Map<String, String> fields(String ivrBlock, String tag, String callState) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("ivr_block", ivrBlock);
    fields.put("session", id);
    fields.put("txn_ref", txnRef);
    if (dest != null) {
      fields.put("dest", dest);
    } else {
      fields.put("from", from);
      fields.put("to", to);
    }
    if (tag != null) {
      fields.put("tag", tag);
    }
    fields.put("call_state", callState);
    return fields;
  }

  /**
   * What a notification with {@code call_state=ended} adds: {@code date} (GMT+8), {@code duration}
   * in whole minutes (at least 1 once answered, 0 otherwise), {@code currency}, {@code rate} and
   * {@code debit}.
   */
  synchronized Map<String, String> billing() {
    Instant end = endedAt == null ? Instant.now() : endedAt;
    long minutes = 0;
    if (answeredAt != null) {
      long millis = Math.max(0, Duration.between(answeredAt, end).toMillis());
      minutes = Math.max(1, (millis + 59_999) / 60_000);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("date", DATE.format(end));
    fields.put("duration", Long.toString(minutes));
    fields.put("currency", "SGD");
    fields.put("rate", RATE.toPlainString());
    fields.put(
        "debit",
        RATE.multiply(BigDecimal.valueOf(minutes))
            .setScale(3, RoundingMode.HALF_UP)
            .toPlainString());
    return fields;
  }
}
