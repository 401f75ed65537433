package dev.switchboard.testkit.simulator;

import dev.switchboard.PhoneNumber;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.CalleeInput;
import dev.switchboard.testkit.Observation;
import dev.switchboard.testkit.Observation.Gathered;
import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.JoinedConference;
import dev.switchboard.testkit.Observation.Paused;
import dev.switchboard.testkit.Observation.Played;
import dev.switchboard.testkit.Observation.Redirected;
import dev.switchboard.testkit.Observation.Said;
import dev.switchboard.testkit.Observation.Transferred;
import dev.switchboard.testkit.SimulatedCall;
import dev.switchboard.testkit.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Runs the VoxXML of one answered call against its scripted callee, as the Voxtelesys document
 * describes each verb, sending the callbacks the verbs ask for. Written from the vendor document,
 * not from the reference interpreter: the two must agree on the VoxXML the provider writes.
 *
 * <p>Between two observations the run looks whether a REST request replaced the document (modify:
 * the new one starts from its first verb, {@code $GATHER} is kept) or hung the call up (delete).
 */
final class VoxCallRun {
  /** How often a {@code loop='0'} ("indefinitely") repeats before the simulator moves on. */
  static final int LOOP_FOREVER_CAP = 100;

  /** How many redirects one call may follow; past this a redirect fails like a bad fetch. */
  static final int MAX_REDIRECTS = 10;

  private final VoxWorld world;
  private final VoxCallbackSender sender;
  private final VoxCall call;
  private final SimulatedCall line;
  private String gather = "";
  private int redirects;

  /** Thrown to unwind when the call is over; the transcript already says how it ended. */
  private static final class Over extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Over() {
      super(null, null, false, false);
    }
  }

  /** Thrown to unwind when a modify replaced the document. */
  private static final class Replaced extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<VoxXml.Verb> document;

    Replaced(List<VoxXml.Verb> document) {
      super(null, null, false, false);
      this.document = document;
    }
  }

  VoxCallRun(VoxWorld world, VoxCallbackSender sender, VoxCall call, Callee callee) {
    this.world = world;
    this.sender = sender;
    this.call = call;
    this.line = new SimulatedCall(callee);
  }

  /**
   * Runs {@code document} until the call ends: by the callee hanging up, a {@code Hangup}, a
   * delete, or the end of the document (which hangs up).
   */
  Transcript run(List<VoxXml.Verb> document) {
    List<VoxXml.Verb> current = document;
    while (true) {
      try {
        checkpoint();
        sequence(current);
        line.end(new HungUp("flow"));
        break;
      } catch (Replaced replaced) {
        current = replaced.document;
      } catch (Over over) {
        break;
      }
    }
    return line.transcript();
  }

  /** Ends a call that was never answered, e.g. an incoming call rejected by its first verb. */
  Transcript end(Observation last) {
    line.end(last);
    return line.transcript();
  }

  private void checkpoint() {
    if (call.hangUpRequested()) {
      line.end(new HungUp("flow"));
      throw new Over();
    }
    List<VoxXml.Verb> next = call.takeReplacement();
    if (next != null) {
      throw new Replaced(next);
    }
  }

  /** Records what the callee observes; unwinds when the callee hangs up on it. */
  private void observe(Observation observation) {
    if (!line.observe(observation)) {
      throw new Over();
    }
  }

  private void sequence(List<VoxXml.Verb> verbs) {
    for (VoxXml.Verb verb : verbs) {
      checkpoint();
      verb(verb);
    }
  }

  private void verb(VoxXml.Verb verb) {
    switch (verb.name()) {
      case "Say":
        say(verb);
        break;
      case "Play":
        for (int i = 0; i < times(verb.integer("loop", 1)); i++) {
          checkpoint();
          observe(new Played(verb.text()));
        }
        break;
      case "Pause":
        observe(new Paused(verb.integer("length", 1)));
        break;
      case "Gather":
        gather(verb);
        break;
      case "If":
        if (test(verb)) {
          sequence(verb.children());
        }
        break;
      case "Number":
        dial(List.of(verb.text()), VoxCallbacks.of(verb));
        break;
      case "Dial":
        dial(verb);
        break;
      case "Conference":
        conference(verb);
        break;
      case "Hangup":
        line.end(new HungUp("flow"));
        throw new Over();
      case "Redirect":
        redirect(verb);
        break;
      case "Reject":
      case "SetMute":
      default:
        // Reject only acts as the first verb of an incoming call, which the simulator handles
        // before answering; on an answered call it has no effect. SetMute is not a call verb.
        break;
    }
  }

  /** {@code loop} as a count: 0 means "until the callee hangs up", capped. */
  private static int times(int loop) {
    return loop == 0 ? LOOP_FOREVER_CAP : loop;
  }

  private void say(VoxXml.Verb verb) {
    VoxXml.Voice voice = VoxXml.VOICES.get(verb.attribute("voice", VoxXml.DEFAULT_VOICE));
    String language = verb.attribute("language", voice.language());
    String text = verb.text().replace("$GATHER", gather);
    for (int i = 0; i < times(verb.integer("loop", 1)); i++) {
      checkpoint();
      observe(new Said(text, language, voice.gender()));
    }
  }

  /**
   * The callee's input arrives after one pass of the prompts; silence (or input of a kind the
   * gather does not take) plays them {@code loop} times and gives empty input.
   */
  private void gather(VoxXml.Verb verb) {
    CalleeInput input = line.nextGatherInput();
    Set<String> methods = Set.of(verb.attribute("input", "dtmf").split(" "));
    boolean dtmf = methods.contains("dtmf");
    boolean speech = methods.contains("speech");
    if (speech) {
      // The document's defaults and its 60-second cap; the language only names what the
      // recogniser expects, which a scripted callee's words do not depend on.
      call.listened(
          new VoxtelesysSimulator.SpeechGather(
              verb.attribute("language", VoxXml.DEFAULT_GATHER_LANGUAGE),
              Math.min(
                  verb.integer("speechTimeout", VoxXml.DEFAULT_SPEECH_TIMEOUT),
                  VoxXml.MAX_GATHER_TIMEOUT)));
    }
    int numDigits = verb.integer("numDigits", 1);
    String finishOnKey = verb.attribute("finishOnKey", "#");

    StringBuilder digits = new StringBuilder();
    String words = "";
    boolean finishedFirst = false;
    List<String> partials = new ArrayList<>();
    if (dtmf && !input.keys().isEmpty()) {
      for (char key : input.keys().toCharArray()) {
        if (finishOnKey.indexOf(key) >= 0) {
          finishedFirst = digits.length() == 0;
          break;
        }
        if (digits.length() == numDigits) {
          break;
        }
        digits.append(key);
        partials.add(digits.toString());
      }
    } else if (speech && !input.speech().isEmpty()) {
      words = input.speech();
      partials.add(words);
    }
    boolean heard = digits.length() > 0 || !words.isEmpty() || finishedFirst;
    int passes = heard ? 1 : times(verb.integer("loop", 1));
    for (int pass = 0; pass < passes; pass++) {
      for (VoxXml.Verb prompt : verb.children()) {
        checkpoint();
        verb(prompt);
      }
    }

    String method = !words.isEmpty() || (!dtmf && digits.length() == 0) ? "speech" : "dtmf";
    VoxCallbacks callbacks = VoxCallbacks.of(verb);
    if (callbacks.wants("partialResult")) {
      for (String partial : partials) {
        sender.callback(
            callbacks,
            sender
                .payload("gather", "partial_input")
                .put("call_id", call.id())
                .put("time", sender.callbackTime())
                .put("partial_input", partial)
                .put("input_method", method));
      }
    }
    gather = digits.length() > 0 ? digits.toString() : words;
    boolean stillThere = line.observe(new Gathered(digits.toString(), words));
    if (callbacks.wants("fullResult")) {
      sender.callback(
          callbacks,
          sender
              .payload("gather", "complete_input")
              .put("call_id", call.id())
              .put("time", sender.callbackTime())
              .put("complete_input", gather)
              .put("input_method", method));
    }
    if (!stillThere) {
      throw new Over();
    }
  }

  /** {@code If}: EQUAL when the variable equals any of the {@code |}-separated values. */
  private boolean test(VoxXml.Verb verb) {
    boolean equal = Arrays.asList(verb.attribute("value", "").split("\\|")).contains(gather);
    return verb.attribute("test", "EQUAL").equals("EQUAL") == equal;
  }

  private void dial(VoxXml.Verb dial) {
    if (dial.children().isEmpty()) {
      dial(List.of(dial.text()), VoxCallbacks.of(dial));
    } else if (dial.children().get(0).name().equals("Conference")) {
      conference(dial.children().get(0));
    } else {
      List<String> numbers = new ArrayList<>();
      for (VoxXml.Verb number : dial.children()) {
        numbers.add(number.text());
      }
      // Numbers inside a Dial have their own callback attributes ignored: the Dial's hold.
      dial(numbers, VoxCallbacks.of(dial));
    }
  }

  /**
   * Rings every number at once; the first in order whose callee answers is bridged, the others are
   * cancelled. When the bridge ends (or nobody answered) the caller goes on with the next verb.
   */
  private void dial(List<String> numbers, VoxCallbacks callbacks) {
    for (String number : numbers) {
      numberEvent(callbacks, "queued", "queued", number);
    }
    for (String number : numbers) {
      numberEvent(callbacks, "ringing", "ringing", number);
    }
    String winner = null;
    for (String number : numbers) {
      if (line.callee().target(PhoneNumber.fromDigits(number)) == Callee.Target.ANSWERS) {
        winner = number;
        break;
      }
    }
    if (winner != null) {
      numberEvent(callbacks, "answered", "answered", winner);
    }
    for (String number : numbers) {
      if (!number.equals(winner)) {
        numberEvent(callbacks, "noConnect", "no_connect", number);
      }
    }
    List<String> to = numbers.stream().map(n -> "+" + n).toList();
    boolean stillThere =
        line.observe(
            winner == null
                ? new Transferred(to, "unanswered", "")
                : new Transferred(to, "answered", "+" + winner));
    if (winner != null) {
      numberEvent(callbacks, "complete", "complete", winner);
    }
    if (!stillThere) {
      throw new Over();
    }
  }

  private void numberEvent(VoxCallbacks callbacks, String keyword, String event, String number) {
    if (callbacks.wants(keyword)) {
      sender.callback(
          callbacks,
          sender
              .payload("number", event)
              .put("call_id", call.id())
              .put("destination_number", number)
              .put("time", sender.callbackTime()));
    }
  }

  /** Joins the room, and leaves it at once: the simulated caller does nothing in a conference. */
  private void conference(VoxXml.Verb verb) {
    VoxWorld.Membership membership = world.join(call, verb);
    boolean stillThere = line.observe(new JoinedConference(verb.text()));
    world.leave(membership);
    if (!stillThere) {
      throw new Over();
    }
  }

  /**
   * Fetches VoxXML and runs it instead of the rest of the document; when the fetch fails, records
   * the error on the call and goes on with the next verb.
   */
  private void redirect(VoxXml.Verb verb) {
    String url = verb.text();
    observe(new Redirected(url));
    if (++redirects > MAX_REDIRECTS) {
      call.fail(VoxCallbackSender.COULD_NOT_REACH_URL, "too many redirects, at " + url);
      return;
    }
    List<VoxXml.Verb> fetched = sender.fetchVoxXml(call, verb.attribute("method", "POST"), url);
    if (fetched == null) {
      return;
    }
    sequence(fetched);
    line.end(new HungUp("flow"));
    throw new Over();
  }
}
