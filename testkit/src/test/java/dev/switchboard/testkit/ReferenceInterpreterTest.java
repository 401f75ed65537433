package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.switchboard.flow.VoiceGender;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReferenceInterpreterTest {
  private static Said said(String text) {
    return new Said(text, "en-US", "female");
  }

  private static final HungUp END = new HungUp("flow");

  private static List<Observation> run(CallFlow flow, Callee callee) {
    return ReferenceInterpreter.run(flow, callee).observations();
  }

  private static final Gather MENU =
      Gather.builder()
          .say("Press 1 or 2.")
          .attempts(3)
          .branch("1", Say.of("One."))
          .branch("2", Say.of("Two."), Hangup.now())
          .build();

  @Test
  @DisplayName("[SEM-01] At the end of the flow the call hangs up")
  void endHangsUp() {
    assertThat(run(CallFlow.of(Say.of("Hi")), Callee.answering())).containsExactly(said("Hi"), END);
  }

  @Nested
  @DisplayName("Gather")
  class Gathers {
    @Test
    @DisplayName("[SEM-02] The callee answers after one full pass of the prompts")
    void inputAfterOnePass() {
      CallFlow flow = CallFlow.of(Gather.builder().say("A").say("B").attempts(3).build());
      assertThat(run(flow, Callee.builder().presses("7").build()))
          .containsExactly(said("A"), said("B"), new Gathered("7", ""), END);
    }

    @Test
    @DisplayName(
        "[SEM-03] Silence replays the prompts for every attempt, then the gather ends empty")
    void silenceReplays() {
      CallFlow flow = CallFlow.of(MENU, Say.of("Bye."));
      assertThat(run(flow, Callee.answering()))
          .containsExactly(
              said("Press 1 or 2."),
              said("Press 1 or 2."),
              said("Press 1 or 2."),
              new Gathered("", ""),
              said("Bye."),
              END);
    }

    @Test
    @DisplayName("[SEM-04] A matched branch replaces the rest of the flow, then the call hangs up")
    void branchReplacesRest() {
      CallFlow flow = CallFlow.of(MENU, Say.of("Never said."));
      assertThat(run(flow, Callee.builder().presses("1").build()))
          .containsExactly(said("Press 1 or 2."), new Gathered("1", ""), said("One."), END);
    }

    @Test
    @DisplayName("[SEM-04] A gather nested in a branch decides on its own input, not the outer one")
    void nestedGather() {
      Gather inner =
          Gather.builder().numDigits(4).say("PIN?").branch("1111", Say.of("Welcome.")).build();
      Gather outer = Gather.builder().say("Menu").branch("2", inner, Say.of("Bad PIN.")).build();
      CallFlow flow = CallFlow.of(outer, Say.of("No choice."));
      assertThat(run(flow, Callee.builder().presses("2").presses("1111").build()))
          .containsExactly(
              said("Menu"),
              new Gathered("2", ""),
              said("PIN?"),
              new Gathered("1111", ""),
              said("Welcome."),
              END);
      assertThat(run(flow, Callee.builder().presses("2").presses("2").build()))
          .containsExactly(
              said("Menu"),
              new Gathered("2", ""),
              said("PIN?"),
              new Gathered("2", ""),
              said("Bad PIN."),
              END);
    }

    @Test
    @DisplayName("[SEM-05] Input that no branch matches lets the verbs after the gather run")
    void noMatchFallsThrough() {
      CallFlow flow = CallFlow.of(MENU, Say.of("Next."));
      assertThat(run(flow, Callee.builder().presses("9").build()))
          .containsExactly(said("Press 1 or 2."), new Gathered("9", ""), said("Next."), END);
    }

    @Test
    @DisplayName("[SEM-06] A finish key ends input and is not part of it; extra keys are dropped")
    void keyHandling() {
      Gather four = Gather.builder().numDigits(4).finishOnKey("#").build();
      assertThat(run(CallFlow.of(four), Callee.builder().presses("12#3").build()))
          .startsWith(new Gathered("12", ""));
      assertThat(run(CallFlow.of(four), Callee.builder().presses("123456").build()))
          .startsWith(new Gathered("1234", ""));
      assertThat(run(CallFlow.of(four), Callee.builder().presses("12").build()))
          .startsWith(new Gathered("12", ""));
    }

    @Test
    @DisplayName("[SEM-06] A finish key pressed first is one pass with empty input")
    void finishKeyFirst() {
      Gather gather = Gather.builder().say("P").attempts(3).build();
      assertThat(run(CallFlow.of(gather), Callee.builder().presses("#").build()))
          .containsExactly(said("P"), new Gathered("", ""), END);
    }

    @Test
    @DisplayName("[SEM-06] Words are ignored by a DTMF gather, keys by a speech gather")
    void modality() {
      Gather dtmf = Gather.builder().say("P").build();
      assertThat(run(CallFlow.of(dtmf), Callee.builder().says("yes").build()))
          .containsExactly(said("P"), new Gathered("", ""), END);
      Gather speech =
          Gather.builder().input(GatherInput.SPEECH).branch("yes", Say.of("Great.")).build();
      assertThat(run(CallFlow.of(speech), Callee.builder().says("yes").build()))
          .containsExactly(new Gathered("", "yes"), said("Great."), END);
      assertThat(run(CallFlow.of(speech), Callee.builder().presses("1").build()))
          .containsExactly(new Gathered("", ""), END);
    }

    @Test
    @DisplayName(
        "[SEM-15] Each gather takes the next scripted input; past the script the callee is silent")
    void successiveInputs() {
      Gather g = Gather.builder().build();
      assertThat(run(CallFlow.of(g, g, g), Callee.builder().presses("1").presses("2").build()))
          .containsExactly(new Gathered("1", ""), new Gathered("2", ""), new Gathered("", ""), END);
    }
  }

  @Nested
  @DisplayName("Transfer and conference")
  class Bridges {
    private final Transfer both =
        Transfer.builder()
            .to("+15556667777", "+15556668888")
            .onFailure(Say.of("Nobody answered."))
            .build();

    @Test
    @DisplayName(
        "[SEM-07] The first target that answers takes the call and the flow goes on after the bridge")
    void answered() {
      Callee callee = Callee.builder().target("+15556667777", Callee.Target.NO_ANSWER).build();
      assertThat(run(CallFlow.of(both, Say.of("After.")), callee))
          .containsExactly(
              new Transferred(List.of("+15556667777", "+15556668888"), "answered", "+15556668888"),
              said("After."),
              END);
    }

    @Test
    @DisplayName("[SEM-07] When nobody answers, the on-failure flow replaces the rest")
    void onFailure() {
      Callee callee =
          Callee.builder()
              .target("+15556667777", Callee.Target.BUSY)
              .target("+15556668888", Callee.Target.NO_ANSWER)
              .build();
      assertThat(run(CallFlow.of(both, Say.of("After.")), callee))
          .containsExactly(
              new Transferred(List.of("+15556667777", "+15556668888"), "unanswered", ""),
              said("Nobody answered."),
              END);
    }

    @Test
    @DisplayName("[SEM-07] When nobody answers and there is no on-failure flow, the flow goes on")
    void noOnFailure() {
      Callee callee = Callee.builder().target("+15556667777", Callee.Target.NO_ANSWER).build();
      assertThat(run(CallFlow.of(Transfer.to("+15556667777"), Say.of("After.")), callee))
          .containsExactly(
              new Transferred(List.of("+15556667777"), "unanswered", ""), said("After."), END);
    }

    @Test
    @DisplayName("[SEM-08] A conference is joined and the flow goes on when the caller leaves")
    void conference() {
      assertThat(run(CallFlow.of(Conference.room("r1"), Say.of("Bye.")), Callee.answering()))
          .containsExactly(new JoinedConference("r1"), said("Bye."), END);
    }
  }

  @Test
  @DisplayName("[SEM-09] A redirect's flow replaces the rest; a failed fetch lets the flow go on")
  void redirect() {
    String url = "https://a.example/next";
    CallFlow flow = CallFlow.of(Redirect.to(url), Say.of("Fallback."));
    assertThat(run(flow, Callee.builder().redirect(url, CallFlow.of(Say.of("Next."))).build()))
        .containsExactly(new Redirected(url), said("Next."), END);
    assertThat(run(flow, Callee.answering()))
        .containsExactly(new Redirected(url), said("Fallback."), END);
  }

  @Test
  @DisplayName("[SEM-10] A callee who hangs up after N observations ends the call at once")
  void calleeHangsUp() {
    CallFlow flow = CallFlow.of(Say.of("a"), Say.of("b"), Say.of("c"));
    assertThat(run(flow, Callee.builder().hangUpAfter(2).build()))
        .containsExactly(said("a"), said("b"), new HungUp("callee"));
  }

  @Test
  @DisplayName("[SEM-11] Text is literal, loops repeat, and voice defaults are en-US female")
  void sayRules() {
    String markup = "<Say>& \"quoted\"</Say>";
    CallFlow flow =
        CallFlow.of(
            Say.builder(markup).loop(2).build(),
            Say.builder("Hola").language("es-US").gender(VoiceGender.MALE).build(),
            Play.of("https://a.example/a.mp3", 2),
            Pause.of(3));
    assertThat(run(flow, Callee.answering()))
        .containsExactly(
            said(markup),
            said(markup),
            new Said("Hola", "es-US", "male"),
            new Played("https://a.example/a.mp3"),
            new Played("https://a.example/a.mp3"),
            new Paused(3),
            END);
  }

  @Test
  @DisplayName("[SEM-12] A callee who does not answer or is busy observes nothing of the flow")
  void unanswered() {
    CallFlow flow = CallFlow.of(Say.of("Hi"));
    assertThat(run(flow, Callee.builder().pickup(Callee.Pickup.NO_ANSWER).build()))
        .containsExactly(new Unanswered("no-answer"));
    assertThat(run(flow, Callee.builder().pickup(Callee.Pickup.BUSY).build()))
        .containsExactly(new Unanswered("busy"));
  }

  @Test
  @DisplayName("[SEM-13] Hangup plays its prompts then ends; reject ends unanswered")
  void hangupAndReject() {
    assertThat(run(CallFlow.of(Hangup.after(Say.of("Bye."))), Callee.answering()))
        .containsExactly(said("Bye."), END);
    assertThat(run(CallFlow.of(new Reject()), Callee.answering())).containsExactly(new Rejected());
  }

  @Test
  @DisplayName("[SEM-14] Record and whole-call recording play their prompts and the flow goes on")
  void recordings() {
    CallFlow flow =
        CallFlow.of(
            RecordCall.after(Say.of("This call is recorded.")),
            Record.after(Say.of("Leave a message.")),
            Record.of(30),
            Say.of("Thanks."));
    assertThat(run(flow, Callee.answering()))
        .containsExactly(
            said("This call is recorded."),
            new RecordingCall(),
            said("Leave a message."),
            new Recorded("recording-1"),
            new Recorded("recording-2"),
            said("Thanks."),
            END);
  }
}
