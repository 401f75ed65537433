package dev.switchboard.testkit;

import dev.switchboard.PhoneNumber;
import dev.switchboard.flow.Branch;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.GatherInput;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.RecordCall;
import dev.switchboard.flow.Redirect;
import dev.switchboard.flow.Reject;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import dev.switchboard.flow.VerbVisitor;
import dev.switchboard.testkit.Observation.Gathered;
import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.JoinedConference;
import dev.switchboard.testkit.Observation.Paused;
import dev.switchboard.testkit.Observation.Played;
import dev.switchboard.testkit.Observation.Recorded;
import dev.switchboard.testkit.Observation.RecordingCall;
import dev.switchboard.testkit.Observation.Redirected;
import dev.switchboard.testkit.Observation.Rejected;
import dev.switchboard.testkit.Observation.Said;
import dev.switchboard.testkit.Observation.Transferred;
import dev.switchboard.testkit.Observation.Unanswered;
import java.util.List;
import java.util.Optional;

/**
 * The executable definition of what a {@link CallFlow} means: runs a flow against a scripted {@link
 * Callee} and returns what a person on the line observes. Every provider must produce the same
 * transcript for the same flow and callee; the rules are written out, each with its id, in {@code
 * docs/semantics.md}.
 */
public final class ReferenceInterpreter {
  private ReferenceInterpreter() {}

  /** Runs {@code flow} as an outbound call to {@code callee}. */
  public static Transcript run(CallFlow flow, Callee callee) {
    switch (callee.pickup()) {
      case NO_ANSWER:
        return Transcript.of(new Unanswered("no-answer"));
      case BUSY:
        return Transcript.of(new Unanswered("busy"));
      default:
        break;
    }
    Run run = new Run(callee);
    try {
      run.sequence(flow.verbs());
      // SEM-01: at the end of the flow the call hangs up.
      run.end(new HungUp("flow"));
    } catch (CallOver over) {
      // The call ended inside the flow; the transcript already says how.
    }
    return run.call.transcript();
  }

  /** Thrown to unwind when the call is over; carries no stack trace. */
  private static final class CallOver extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CallOver() {
      super(null, null, false, false);
    }
  }

  private static final class Run {
    private final Callee callee;
    private final SimulatedCall call;
    private int recordings;

    Run(Callee callee) {
      this.callee = callee;
      this.call = new SimulatedCall(callee);
    }

    /** Records an observation; the callee may hang up after it (SEM-10). */
    void observe(Observation observation) {
      if (!call.observe(observation)) {
        throw new CallOver();
      }
    }

    /** Ends the call with a final observation. */
    void end(Observation last) {
      call.end(last);
      throw new CallOver();
    }

    void sequence(List<? extends Verb> verbs) {
      for (Verb verb : verbs) {
        verb(verb);
      }
    }

    /** Runs verbs that replace the rest of the flow, then hangs up (SEM-04, SEM-07). */
    void replaceRest(List<Verb> verbs) {
      sequence(verbs);
      end(new HungUp("flow"));
    }

    void verb(Verb verb) {
      verb.accept(
          new VerbVisitor<Void>() {
            @Override
            public Void say(Say say) {
              for (int i = 0; i < say.loop(); i++) {
                observe(new Said(say.text(), say.language(), say.gender().wireName()));
              }
              return null;
            }

            @Override
            public Void play(Play play) {
              for (int i = 0; i < play.loop(); i++) {
                observe(new Played(play.url().toString()));
              }
              return null;
            }

            @Override
            public Void pause(Pause pause) {
              observe(new Paused(pause.seconds()));
              return null;
            }

            @Override
            public Void gather(Gather gather) {
              Run.this.gather(gather);
              return null;
            }

            @Override
            public Void record(Record record) {
              sequence(record.prompts());
              observe(new Recorded("recording-" + ++recordings));
              return null;
            }

            @Override
            public Void recordCall(RecordCall recordCall) {
              sequence(recordCall.prompts());
              observe(new RecordingCall());
              return null;
            }

            @Override
            public Void transfer(Transfer transfer) {
              Run.this.transfer(transfer);
              return null;
            }

            @Override
            public Void conference(Conference conference) {
              // SEM-08: when the caller leaves the conference, the flow goes on.
              observe(new JoinedConference(conference.room()));
              return null;
            }

            @Override
            public Void hangup(Hangup hangup) {
              sequence(hangup.prompts());
              end(new HungUp("flow"));
              return null;
            }

            @Override
            public Void reject(Reject reject) {
              end(new Rejected());
              return null;
            }

            @Override
            public Void redirect(Redirect redirect) {
              Run.this.redirect(redirect);
              return null;
            }
          });
    }

    /**
     * SEM-02, SEM-03: the callee gives its input after one full pass of the prompts; silence plays
     * them again until every attempt is used, then the gather ends with empty input.
     */
    void gather(Gather gather) {
      CalleeInput input = call.nextGatherInput();
      Gathered result = collect(gather, input);
      boolean heard =
          !(result.digits().isEmpty() && result.speech().isEmpty()) || endedByKey(gather, input);
      int passes = heard ? 1 : gather.attempts();
      for (int i = 0; i < passes; i++) {
        sequence(gather.prompts());
      }
      observe(result);
      String value = result.digits().isEmpty() ? result.speech() : result.digits();
      Optional<Branch> branch = value.isEmpty() ? Optional.empty() : gather.branchFor(value);
      if (branch.isPresent()) {
        replaceRest(branch.get().verbs());
      }
      // SEM-05: no match or no input: the verbs after the gather run.
    }

    /**
     * SEM-06: keys stop at a finish key, which is not part of the input; keys beyond numDigits are
     * dropped; fewer keys when the timeout passes are the input. Keys are ignored by a speech-only
     * gather and words by a DTMF-only one.
     */
    static Gathered collect(Gather gather, CalleeInput input) {
      if (!input.keys().isEmpty() && gather.input().contains(GatherInput.DTMF)) {
        StringBuilder digits = new StringBuilder();
        for (char key : input.keys().toCharArray()) {
          if (gather.finishOnKey().indexOf(key) >= 0 || digits.length() == gather.numDigits()) {
            break;
          }
          digits.append(key);
        }
        return new Gathered(digits.toString(), "");
      }
      if (!input.speech().isEmpty() && gather.input().contains(GatherInput.SPEECH)) {
        return new Gathered("", input.speech());
      }
      return new Gathered("", "");
    }

    /** A finish key pressed first is an answer, though an empty one. */
    private static boolean endedByKey(Gather gather, CalleeInput input) {
      return gather.input().contains(GatherInput.DTMF)
          && !input.keys().isEmpty()
          && gather.finishOnKey().indexOf(input.keys().charAt(0)) >= 0;
    }

    /**
     * SEM-07: the first target in order that answers takes the call; when the bridge ends the
     * caller is still on the line and the flow goes on. When no target answers, a non-empty
     * on-failure flow replaces the rest; otherwise the flow goes on.
     */
    void transfer(Transfer transfer) {
      List<String> to = transfer.to().stream().map(PhoneNumber::e164).toList();
      Optional<PhoneNumber> answered =
          transfer.to().stream().filter(n -> callee.target(n) == Callee.Target.ANSWERS).findFirst();
      if (answered.isPresent()) {
        observe(new Transferred(to, "answered", answered.get().e164()));
        return;
      }
      observe(new Transferred(to, "unanswered", ""));
      if (!transfer.onFailure().isEmpty()) {
        replaceRest(transfer.onFailure());
      }
    }

    /** SEM-09: a fetched flow replaces the rest; a failed fetch lets the flow go on. */
    void redirect(Redirect redirect) {
      String url = redirect.url().toString();
      observe(new Redirected(url));
      CallFlow next = callee.redirects().get(url);
      if (next != null) {
        replaceRest(next.verbs());
      }
    }
  }
}
