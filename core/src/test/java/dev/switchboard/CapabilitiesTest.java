package dev.switchboard;

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
import dev.switchboard.testing.SeedIvr;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

  private static Capabilities allBut(Capability... missing) {
    EnumSet<Capability> set = EnumSet.allOf(Capability.class);
    List.of(missing).forEach(set::remove);
    return Capabilities.of(set);
  }

  @Nested
  @DisplayName("Gaps are reported with their position in the flow")
  class Positions {
    @Test
    @DisplayName(
        "A transfer followed by verbs, inside a branch and at top level, needs continue-after-bridge at both places")
    void continueAfterBridge() {
      List<CapabilityGap> gaps = allBut(Capability.CONTINUE_AFTER_BRIDGE).missingFor(SeedIvr.FLOW);
      assertThat(gaps)
          .extracting(CapabilityGap::toString)
          .containsExactly(
              "verbs[1].branches[\"2\"][1] transfer: continue after bridge",
              "verbs[3] transfer: continue after bridge");
    }

    @Test
    @DisplayName("A provider with every capability has no gap")
    void noGaps() {
      assertThat(Capabilities.of(Capability.values()).missingFor(SeedIvr.FLOW)).isEmpty();
    }

    @Test
    @DisplayName("Prompts and on-failure flows are searched, and every gap is listed in flow order")
    void nested() {
      CallFlow flow =
          CallFlow.of(
              Gather.builder().prompt(Pause.of(2)).build(),
              Transfer.builder()
                  .to("+15556667777")
                  .onFailure(Hangup.after(Play.of("https://a.example/sorry.mp3")))
                  .build());
      assertThat(
              allBut(Capability.PAUSE, Capability.PLAY, Capability.TRANSFER_ON_FAILURE)
                  .missingFor(flow))
          .extracting(CapabilityGap::path, CapabilityGap::verb, CapabilityGap::capability)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("verbs[0].prompts[0]", "pause", Capability.PAUSE),
              org.assertj.core.groups.Tuple.tuple(
                  "verbs[1]", "transfer", Capability.TRANSFER_ON_FAILURE),
              org.assertj.core.groups.Tuple.tuple(
                  "verbs[1].onFailure[0].prompts[0]", "play", Capability.PLAY));
    }
  }

  @Nested
  @DisplayName("Each attribute that needs a capability is detected")
  class Attributes {
    private List<Capability> missing(Capabilities caps, CallFlow flow) {
      return caps.missingFor(flow).stream().map(CapabilityGap::capability).toList();
    }

    @Test
    @DisplayName("Language, gender and loop of a say")
    void sayOptions() {
      Capabilities bare = allBut(Capability.SAY_LANGUAGE, Capability.SAY_GENDER, Capability.LOOP);
      assertThat(missing(bare, CallFlow.of(Say.of("hi")))).isEmpty();
      assertThat(missing(bare, CallFlow.of(Say.builder("hola").language("es-US").build())))
          .containsExactly(Capability.SAY_LANGUAGE);
      assertThat(missing(bare, CallFlow.of(Say.builder("hi").gender(VoiceGender.MALE).build())))
          .containsExactly(Capability.SAY_GENDER);
      assertThat(missing(bare, CallFlow.of(Say.builder("hi").loop(2).build())))
          .containsExactly(Capability.LOOP);
      assertThat(missing(bare, CallFlow.of(Play.of("https://a.example/x.mp3", 3))))
          .containsExactly(Capability.LOOP);
    }

    @Test
    @DisplayName("DTMF, speech and branching of a gather")
    void gatherOptions() {
      Capabilities none =
          allBut(Capability.GATHER_DTMF, Capability.GATHER_SPEECH, Capability.BRANCHING);
      Gather speech =
          Gather.builder()
              .input(GatherInput.DTMF, GatherInput.SPEECH)
              .branch("yes", Hangup.now())
              .build();
      assertThat(missing(none, CallFlow.of(speech)))
          .containsExactly(Capability.GATHER_DTMF, Capability.GATHER_SPEECH, Capability.BRANCHING);
    }

    @Test
    @DisplayName("Parallel targets, caller id, timeout and on-failure of a transfer")
    void transferOptions() {
      Capabilities none =
          allBut(
              Capability.PARALLEL_TRANSFER,
              Capability.CALLER_ID,
              Capability.TRANSFER_TIMEOUT,
              Capability.TRANSFER_ON_FAILURE);
      Transfer all =
          Transfer.builder()
              .to("+15556667777", "+15556668888")
              .callerId("+15550000000")
              .timeout(20)
              .onFailure(Hangup.now())
              .build();
      assertThat(missing(none, CallFlow.of(all)))
          .containsExactly(
              Capability.PARALLEL_TRANSFER,
              Capability.CALLER_ID,
              Capability.TRANSFER_TIMEOUT,
              Capability.TRANSFER_ON_FAILURE);
      assertThat(missing(none, CallFlow.of(Transfer.to("+15556667777")))).isEmpty();
    }

    @Test
    @DisplayName("Conference options and verbs after a conference")
    void conferenceOptions() {
      Capabilities none = allBut(Capability.CONFERENCE_OPTIONS, Capability.CONTINUE_AFTER_BRIDGE);
      assertThat(missing(none, CallFlow.of(Conference.room("r1")))).isEmpty();
      assertThat(
              missing(
                  none,
                  CallFlow.of(Conference.builder("r1").endOnExit(true).build(), Say.of("bye"))))
          .containsExactly(Capability.CONFERENCE_OPTIONS, Capability.CONTINUE_AFTER_BRIDGE);
    }

    @Test
    @DisplayName("Record, whole-call recording, reject and redirect")
    void otherVerbs() {
      Capabilities none =
          allBut(Capability.RECORD, Capability.RECORD_CALL, Capability.REJECT, Capability.REDIRECT);
      assertThat(missing(none, CallFlow.of(Record.of(30)))).containsExactly(Capability.RECORD);
      assertThat(missing(none, CallFlow.of(RecordCall.after())))
          .containsExactly(Capability.RECORD_CALL);
      assertThat(missing(none, CallFlow.of(new Reject()))).containsExactly(Capability.REJECT);
      assertThat(missing(none, CallFlow.of(Redirect.to("https://a.example/next"))))
          .containsExactly(Capability.REDIRECT);
    }
  }

  @Nested
  @DisplayName("A provider without SEQUENCE runs one message only")
  class OneMessage {
    private final Capabilities oneMessage = allBut(Capability.SEQUENCE);

    @Test
    @DisplayName("A single say or play, with or without a bare hangup, is one message")
    void oneMessageFlows() {
      assertThat(oneMessage.missingFor(CallFlow.of(Say.of("hi")))).isEmpty();
      assertThat(oneMessage.missingFor(CallFlow.of(Say.of("hi"), Hangup.now()))).isEmpty();
      assertThat(
              oneMessage.missingFor(CallFlow.of(Play.of("http://a.example/x.mp3"), Hangup.now())))
          .isEmpty();
      assertThat(oneMessage.missingFor(CallFlow.of(Hangup.after(Say.of("bye"))))).isEmpty();
    }

    @Test
    @DisplayName("A second message is the gap, at its position")
    void secondMessage() {
      assertThat(oneMessage.missingFor(CallFlow.of(Say.of("a"), Say.of("b"))))
          .extracting(CapabilityGap::toString)
          .containsExactly("verbs[1] say: more than one message in a call");
      assertThat(oneMessage.missingFor(CallFlow.of(Say.of("a"), Hangup.after(Say.of("b")))))
          .extracting(CapabilityGap::path)
          .containsExactly("verbs[1]");
    }
  }

  @Test
  @DisplayName("Capabilities compare by content and print their names")
  void valueSemantics() {
    assertThat(Capabilities.of(Capability.SAY, Capability.PLAY))
        .isEqualTo(Capabilities.of(List.of(Capability.PLAY, Capability.SAY)))
        .hasToString("[SAY, PLAY]");
    assertThat(Capabilities.of(List.of()).asSet()).isEmpty();
  }
}
