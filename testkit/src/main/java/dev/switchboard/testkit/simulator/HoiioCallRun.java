package dev.switchboard.testkit.simulator;

import dev.switchboard.PhoneNumber;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.CalleeInput;
import dev.switchboard.testkit.Observation;
import dev.switchboard.testkit.Observation.Gathered;
import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.JoinedConference;
import dev.switchboard.testkit.Observation.Recorded;
import dev.switchboard.testkit.Observation.RecordingCall;
import dev.switchboard.testkit.Observation.Rejected;
import dev.switchboard.testkit.Observation.Transferred;
import dev.switchboard.testkit.Observation.Unanswered;
import dev.switchboard.testkit.SimulatedCall;
import dev.switchboard.testkit.Transcript;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Hoiio call on its own thread: the Dial (or the incoming call's answer notification), then
 * each block the application sends, in order, each ending with its one notification, until the call
 * is over.
 */
final class HoiioCallRun {
  private static final HungUp BY_FLOW = new HungUp("flow");

  /** What the session does after a block. */
  private enum Next {
    /** The call goes on: the session is ready for the next block. */
    READY,
    /** The call is on hold: only Unhold may follow; nothing is notified. */
    HOLD,
    /** The call is over. */
    ENDED
  }

  /**
   * A block's outcome.
   *
   * @param next what the session does next
   * @param url where the block's notification goes, or null for none
   * @param fields the block's own notification fields
   */
  private record Step(Next next, URI url, Map<String, String> fields) {}

  private final HoiioWorld world;
  private final HoiioNotifier notifier;
  private final HoiioSession session;
  private final Duration idleTimeout;
  private final Duration blockTime;
  private SimulatedCall call;
  private HoiioBlock monitor;
  private boolean cut;

  /**
   * @param world numbers the recordings
   * @param notifier sends the notifications
   * @param idleTimeout how long to wait for the application's next block
   * @param blockTime how long each block plays at least
   * @param call the caller of an incoming call; null for a Dial, whose callee {@link #dial} gets
   */
  HoiioCallRun(
      HoiioWorld world,
      HoiioNotifier notifier,
      HoiioSession session,
      Duration idleTimeout,
      Duration blockTime,
      SimulatedCall call) {
    this.world = world;
    this.notifier = notifier;
    this.session = session;
    this.idleTimeout = idleTimeout;
    this.blockTime = blockTime;
    this.call = call;
  }

  /** Runs a Dial-initiated call to {@code callee} to its end and returns what they observed. */
  Transcript dial(HoiioBlock dial, Callee callee) {
    call = new SimulatedCall(callee);
    Step step;
    Callee.Pickup pickup = session.forcePending() ? Callee.Pickup.NO_ANSWER : callee.pickup();
    switch (pickup) {
      case NO_ANSWER:
        session.dialed("unanswered");
        end(new Unanswered("no-answer"));
        step = ended(dial.notifyUrl(), Map.of("dial_status", "unanswered"));
        break;
      case BUSY:
        session.dialed("busy");
        end(new Unanswered("busy"));
        step = ended(dial.notifyUrl(), Map.of("dial_status", "busy"));
        break;
      default:
        session.answer();
        Map<String, String> answered = Map.of("dial_status", "answered");
        if (!play(dial.msg())) {
          step = ended(dial.notifyUrl(), answered);
        } else if (dial.notifyUrl() == null) {
          end(BY_FLOW);
          step = ended(null, answered);
        } else {
          step = new Step(Next.READY, dial.notifyUrl(), answered);
        }
        break;
    }
    return loop(dial, step);
  }

  /** Runs an incoming call: the answer notification, then the application's blocks. */
  Transcript incoming(URI notifyUrl) {
    notifier.notify(notifyUrl, session.fields("answer", null, "ringing"));
    return loop(null, null);
  }

  private Transcript loop(HoiioBlock first, Step firstStep) {
    HoiioBlock block = first;
    Step step = firstStep;
    try {
      while (true) {
        if (step != null) {
          session.play(blockTime);
        }
        if (step != null && session.settle(step.next() == Next.READY, step.next() == Next.ENDED)) {
          notify(block, step);
          if (step.next() == Next.ENDED) {
            break;
          }
        }
        // Otherwise a forced Hangup came while the block ran: it is next in the queue.
        block = session.next(idleTimeout);
        if (block == null) {
          end(session.incoming() && !session.answered() ? new Unanswered("no-answer") : BY_FLOW);
          break;
        }
        if (block.isForcedHangup()) {
          forcedHangup(block);
          break;
        }
        step = run(block);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      session.end();
      end(BY_FLOW);
    }
    if (monitor != null && monitor.notifyUrl() != null) {
      Map<String, String> file = session.fields("monitor", monitor.tag(), "ended");
      file.put("monitor_status", "success");
      file.put("monitor_url", world.nextRecordingUrl());
      notifier.notify(monitor.notifyUrl(), file);
    }
    return call.transcript();
  }

  private void notify(HoiioBlock block, Step step) {
    if (step.url() == null) {
      return;
    }
    boolean ended = step.next() == Next.ENDED;
    Map<String, String> fields =
        session.fields(block.name(), block.tag(), ended ? "ended" : "ongoing");
    fields.putAll(step.fields());
    if (ended) {
      fields.putAll(session.billing());
    }
    notifier.notify(step.url(), fields);
  }

  /** {@code force=enabled}: the call ends where it is; a ringing incoming call is refused. */
  private void forcedHangup(HoiioBlock hangup) {
    end(session.incoming() && !session.answered() ? new Rejected() : BY_FLOW);
    session.end();
    notify(hangup, ended(hangup.notifyUrl(), Map.of()));
  }

  private Step run(HoiioBlock block) {
    cut = false;
    switch (block.name()) {
      case "play":
        return playBlock(block);
      case "gather":
        return gather(block);
      case "record":
        return record(block);
      case "monitor":
        return monitor(block);
      case "hold":
        return hold(block);
      case "unhold":
        return unhold(block);
      case "transfer":
        return transfer(block);
      case "hangup":
        return hangup(block);
      default:
        throw new IllegalStateException("not a block the simulator runs: " + block.name());
    }
  }

  private Step playBlock(HoiioBlock block) {
    session.answer();
    if (block.notifyUrl() == null) {
      return hangUpAfterMsg(block);
    }
    if (!play(block.msg())) {
      return ended(block.notifyUrl(), Map.of());
    }
    return new Step(Next.READY, block.notifyUrl(), Map.of());
  }

  /**
   * The callee's input after one pass of the prompts; silence repeats them {@code attempts} times.
   * Keys only: {@code #} ends the input and is not part of it, keys past {@code max_digits} are
   * dropped, and a {@code #} pressed first is an (empty) answer.
   */
  private Step gather(HoiioBlock block) {
    session.answer();
    URI url = block.notifyUrl();
    if (url == null) {
      return hangUpAfterMsg(block);
    }
    CalleeInput input = call.nextGatherInput();
    String keys = input.keys();
    StringBuilder digits = new StringBuilder();
    for (char key : keys.toCharArray()) {
      if (key == '#' || (block.maxDigits() > 0 && digits.length() == block.maxDigits())) {
        break;
      }
      digits.append(key);
    }
    boolean answered = digits.length() > 0 || keys.startsWith("#");
    int passes = answered ? 1 : block.attempts();
    for (int i = 0; i < passes; i++) {
      if (!play(block.msg())) {
        return ended(url, Map.of());
      }
    }
    Map<String, String> fields = Map.of("digits", digits.toString());
    if (!see(new Gathered(digits.toString(), ""))) {
      return ended(url, fields);
    }
    return new Step(Next.READY, url, fields);
  }

  private Step record(HoiioBlock block) {
    session.answer();
    URI url = block.notifyUrl();
    if (url == null) {
      return hangUpAfterMsg(block);
    }
    if (!play(block.msg())) {
      return ended(url, Map.of("record_status", "failed"));
    }
    String recording = world.nextRecordingUrl();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("record_status", "success");
    fields.put("record_url", recording);
    if (!see(new Recorded(recording))) {
      // A caller who hangs up while being recorded still leaves a recording.
      return ended(url, fields);
    }
    return new Step(Next.READY, url, fields);
  }

  private Step monitor(HoiioBlock block) {
    session.answer();
    URI url = block.monitorNotifyUrl() != null ? block.monitorNotifyUrl() : block.notifyUrl();
    if (url == null) {
      return hangUpAfterMsg(block);
    }
    if (!play(block.msg())) {
      return ended(url, Map.of());
    }
    boolean up = see(new RecordingCall());
    if (!cut) {
      monitor = block;
    }
    return up ? new Step(Next.READY, url, Map.of()) : ended(url, Map.of());
  }

  /** Plays {@code msg} once and waits for Unhold; a call that ends on hold tells notify_url. */
  private Step hold(HoiioBlock block) {
    session.answer();
    if (!play(block.msg())) {
      return ended(block.notifyUrl(), Map.of());
    }
    return new Step(Next.HOLD, null, Map.of());
  }

  private Step unhold(HoiioBlock block) {
    if (block.notifyUrl() == null) {
      end(BY_FLOW);
      return ended(null, Map.of());
    }
    return new Step(Next.READY, block.notifyUrl(), Map.of());
  }

  private Step transfer(HoiioBlock block) {
    session.answer();
    URI url = block.notifyUrl();
    if (!play(block.msg())) {
      return ended(url, Map.of());
    }
    Map<String, String> answered = Map.of("transfer_status", "answered");
    if (block.room() != null) {
      // The caller stays in the room until leaving it, and then the call is over.
      see(new JoinedConference(block.room()));
      end(BY_FLOW);
      return ended(url, answered);
    }
    String dest = block.dest();
    Callee.Target target = call.callee().target(PhoneNumber.of(dest));
    if (target == Callee.Target.ANSWERS) {
      // Transfer is an End block: when the bridge ends, so does the call.
      see(new Transferred(List.of(dest), "answered", dest));
      end(BY_FLOW);
      return ended(url, answered);
    }
    Map<String, String> failed =
        Map.of("transfer_status", target == Callee.Target.BUSY ? "busy" : "unanswered");
    if (!see(new Transferred(List.of(dest), "unanswered", ""))) {
      return ended(url, failed);
    }
    if (block.continueOnFailure() && url != null) {
      return new Step(Next.READY, url, failed);
    }
    end(BY_FLOW);
    return ended(url, failed);
  }

  private Step hangup(HoiioBlock block) {
    if (session.incoming() && !session.answered() && block.msg().isEmpty()) {
      end(new Rejected());
      return ended(block.notifyUrl(), Map.of());
    }
    session.answer();
    if (play(block.msg())) {
      end(BY_FLOW);
    }
    return ended(block.notifyUrl(), Map.of());
  }

  /** A block without notify_url: its msg plays, then the call hangs up, and nobody is told. */
  private Step hangUpAfterMsg(HoiioBlock block) {
    if (play(block.msg())) {
      end(BY_FLOW);
    }
    return ended(null, Map.of());
  }

  private static Step ended(URI url, Map<String, String> fields) {
    return new Step(Next.ENDED, url, fields);
  }

  /** Plays a message segment by segment; false once the call is over or being hung up. */
  private boolean play(List<Observation> msg) {
    for (Observation segment : msg) {
      if (!see(segment)) {
        return false;
      }
    }
    return true;
  }

  /** One observation; false when the callee hung up on it or a forced Hangup stops the block. */
  private boolean see(Observation observation) {
    if (session.forcePending()) {
      cut = true;
      return false;
    }
    boolean up = call.observe(observation);
    session.observed(call.transcript());
    return up;
  }

  /** Ends the call with its last observation (no-op once over). */
  private void end(Observation last) {
    call.end(last);
    session.observed(call.transcript());
  }
}
