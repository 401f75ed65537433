package dev.switchboard.voxtelesys.internal;

import dev.switchboard.PhoneNumber;
import dev.switchboard.flow.Branch;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.GatherInput;
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
import dev.switchboard.voxtelesys.internal.voxxml.Callbacks;
import dev.switchboard.voxtelesys.internal.voxxml.VoxConference;
import dev.switchboard.voxtelesys.internal.voxxml.VoxDial;
import dev.switchboard.voxtelesys.internal.voxxml.VoxGather;
import dev.switchboard.voxtelesys.internal.voxxml.VoxHangup;
import dev.switchboard.voxtelesys.internal.voxxml.VoxIf;
import dev.switchboard.voxtelesys.internal.voxxml.VoxNumber;
import dev.switchboard.voxtelesys.internal.voxxml.VoxPause;
import dev.switchboard.voxtelesys.internal.voxxml.VoxPlay;
import dev.switchboard.voxtelesys.internal.voxxml.VoxReject;
import dev.switchboard.voxtelesys.internal.voxxml.VoxResponse;
import dev.switchboard.voxtelesys.internal.voxxml.VoxSay;
import dev.switchboard.voxtelesys.internal.voxxml.VoxXml;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a neutral flow into a VoxXML document. Expects a flow the provider accepted: no gaps and
 * within the vendor's limits (see {@link VoxtelesysRules}).
 *
 * <p>Branches become {@code If} blocks on {@code $GATHER} after their {@code Gather}; each block
 * ends with {@code Hangup}, which is what makes a taken branch replace the rest of the flow, and
 * keeps the {@code If}s after it from testing a {@code $GATHER} that a gather nested in the branch
 * has overwritten.
 */
public final class VoxXmlCompiler {
  static final String GATHER_EVENTS = "fullResult";
  static final String DIAL_EVENTS = "ringing answered complete noConnect";
  static final String CONFERENCE_EVENTS = "start end join leave dtmf mute unmute muteAll unmuteAll";

  private final Optional<URI> callback;
  private final Function<String, Optional<URI>> conferenceCallback;

  /**
   * @param callback the signed URL all the document's callbacks go to, or empty to ask for none
   */
  public VoxXmlCompiler(Optional<URI> callback) {
    this(callback, room -> callback);
  }

  /**
   * @param callback the signed URL the call's own callbacks go to, or empty to ask for none
   * @param conferenceCallback the signed URL for the callbacks of the conference in a room, which
   *     outlive the call when it is the room's first participant
   */
  public VoxXmlCompiler(
      Optional<URI> callback, Function<String, Optional<URI>> conferenceCallback) {
    this.callback = callback;
    this.conferenceCallback = conferenceCallback;
  }

  /** The flow as a VoxXML document. */
  public String compile(CallFlow flow) {
    return VoxXml.write(document(flow));
  }

  /** The flow as a VoxXML model, for tests that inspect it. */
  public VoxResponse document(CallFlow flow) {
    VoxResponse response = new VoxResponse();
    addAll(response.commands(), flow.verbs());
    return response;
  }

  private void addAll(List<Object> out, List<? extends Verb> verbs) {
    for (Verb verb : verbs) {
      add(out, verb);
    }
  }

  private void add(List<Object> out, Verb verb) {
    verb.accept(
        new VerbVisitor<Void>() {
          @Override
          public Void say(Say say) {
            out.add(prompt(say));
            return null;
          }

          @Override
          public Void play(Play play) {
            out.add(prompt(play));
            return null;
          }

          @Override
          public Void pause(Pause pause) {
            out.add(prompt(pause));
            return null;
          }

          @Override
          public Void gather(Gather gather) {
            out.add(VoxXmlCompiler.this.gather(gather));
            for (Branch branch : gather.branches()) {
              out.add(branch(branch));
            }
            return null;
          }

          @Override
          public Void record(Record record) {
            return unsupported(record);
          }

          @Override
          public Void recordCall(RecordCall recordCall) {
            return unsupported(recordCall);
          }

          @Override
          public Void transfer(Transfer transfer) {
            out.add(dial(transfer));
            return null;
          }

          @Override
          public Void conference(Conference conference) {
            out.add(VoxXmlCompiler.this.conference(conference));
            return null;
          }

          @Override
          public Void hangup(Hangup hangup) {
            addAll(out, hangup.prompts());
            out.add(new VoxHangup());
            return null;
          }

          @Override
          public Void reject(Reject reject) {
            out.add(new VoxReject());
            return null;
          }

          @Override
          public Void redirect(Redirect redirect) {
            return unsupported(redirect);
          }
        });
  }

  /** Refused as capability gaps before compiling; reaching here is a bug in the provider. */
  private static Void unsupported(Verb verb) {
    throw new IllegalStateException(verb.name() + " has no VoxXML v1 equivalent");
  }

  /** Say, Play or Pause; Pause is only valid outside a Gather, which the rules ensure. */
  private Object prompt(Prompt prompt) {
    if (prompt instanceof Say say) {
      VoxSay vox = new VoxSay();
      vox.voice = Voices.voice(say.language(), say.gender()).orElseThrow();
      vox.language = say.language();
      vox.loop = say.loop();
      vox.text = say.text();
      return vox;
    } else if (prompt instanceof Play play) {
      VoxPlay vox = new VoxPlay();
      vox.loop = play.loop();
      vox.url = play.url().toString();
      return vox;
    }
    VoxPause vox = new VoxPause();
    vox.length = ((Pause) prompt).seconds();
    return vox;
  }

  private VoxGather gather(Gather gather) {
    VoxGather vox = new VoxGather();
    boolean dtmf = gather.input().contains(GatherInput.DTMF);
    boolean speech = gather.input().contains(GatherInput.SPEECH);
    vox.input = dtmf && speech ? "dtmf speech" : dtmf ? "dtmf" : "speech";
    vox.loop = gather.attempts();
    vox.numDigits = gather.numDigits();
    vox.timeout = gather.timeout();
    vox.finishOnKey = gather.finishOnKey();
    if (speech) {
      vox.language = gather.language();
      vox.speechTimeout = gather.speechTimeout();
    }
    callbacks(vox, GATHER_EVENTS);
    for (Prompt prompt : gather.prompts()) {
      vox.prompts().add(prompt(prompt));
    }
    return vox;
  }

  private VoxIf branch(Branch branch) {
    VoxIf vox = new VoxIf();
    vox.variable = "$GATHER";
    vox.test = "EQUAL";
    vox.value = branch.key();
    addAll(vox.commands(), branch.verbs());
    boolean endsWithHangup =
        !branch.verbs().isEmpty()
            && branch.verbs().get(branch.verbs().size() - 1) instanceof Hangup;
    if (!endsWithHangup) {
      vox.commands().add(new VoxHangup());
    }
    return vox;
  }

  private VoxDial dial(Transfer transfer) {
    VoxDial vox = new VoxDial();
    vox.callerId = transfer.callerId().map(PhoneNumber::digits).orElse(null);
    callbacks(vox, DIAL_EVENTS);
    for (PhoneNumber to : transfer.to()) {
      VoxNumber number = new VoxNumber();
      number.number = to.digits();
      vox.content().add(number);
    }
    return vox;
  }

  private VoxConference conference(Conference conference) {
    VoxConference vox = new VoxConference();
    vox.muted = conference.muted();
    vox.beep = conference.beep().wireName();
    vox.startConferenceOnEnter = conference.startOnEnter();
    vox.endConferenceOnExit = conference.endOnExit();
    vox.participantLabel = conference.label().isEmpty() ? null : conference.label();
    vox.name = conference.room();
    callbacks(vox, conferenceCallback.apply(conference.room()), CONFERENCE_EVENTS);
    return vox;
  }

  private void callbacks(Callbacks vox, String events) {
    callbacks(vox, callback, events);
  }

  private static void callbacks(Callbacks vox, Optional<URI> signed, String events) {
    signed.ifPresent(
        url -> {
          vox.statusCallback = url.toString();
          vox.statusCallbackEvent = events;
          vox.statusCallbackMethod = "POST";
        });
  }
}
