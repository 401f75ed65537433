package dev.switchboard.hoiio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PhoneNumber;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.RecordCall;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.VoiceGender;
import dev.switchboard.testkit.SeedFlows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BlockPlannerTest {
  private static CallState start(CallFlow flow) {
    return CallState.start("k", "S-1", flow, "");
  }

  /** The chain of blocks when every notification just says "go on". */
  private static List<String> chain(CallFlow flow) {
    List<String> out = new ArrayList<>();
    Block block = BlockPlanner.dial(start(flow), PhoneNumber.of("+6561234567"), Optional.empty());
    out.add(describe(block));
    while (block.kind() != BlockKind.HANGUP && block.kind() != BlockKind.TRANSFER) {
      block = BlockPlanner.next(block.next());
      out.add(describe(block));
    }
    return out;
  }

  private static String describe(Block block) {
    return block.kind() + " " + block.params();
  }

  @Nested
  @DisplayName("Round trips")
  class RoundTrips {
    @Test
    @DisplayName("Leading prompts ride in the Dial, and trailing ones in the final hangup")
    void dialAndHangupCarryPrompts() {
      assertThat(
              chain(
                  CallFlow.of(
                      Say.of("Hello"),
                      Play.of("https://a.example/x.mp3"),
                      Gather.builder().build(),
                      Say.of("Bye"))))
          .containsExactly(
              "DIAL {dest=+6561234567, msg=Hello<url>https://a.example/x.mp3</url>}",
              "GATHER {max_digits=1, timeout=5, attempts=1}",
              "HANGUP {msg=Bye}");
    }

    @Test
    @DisplayName("Prompts before a gather play on their own, since a gather repeats its message")
    void promptsBeforeGather() {
      Gather gather = Gather.builder().say("Press 1.").attempts(3).build();
      CallFlow flow = CallFlow.of(Record.of(30), Say.of("Menu."), gather);
      assertThat(chain(flow))
          .containsExactly(
              "DIAL {dest=+6561234567}",
              "RECORD {max_duration=30}",
              "PLAY {msg=Menu.}",
              "GATHER {msg=Press 1., max_digits=1, timeout=5, attempts=3}",
              "HANGUP {}");
    }

    @Test
    @DisplayName("Prompts before a record, monitor, transfer or hangup join that block's message")
    void promptsJoinTheBlock() {
      CallFlow flow =
          CallFlow.of(
              RecordCall.after(Say.of("This call is recorded.")),
              Say.of("Leave a message."),
              Record.after(Say.of("After the tone.")),
              Say.of("Transferring."),
              Transfer.builder()
                  .to("+6562222222")
                  .callerId("+6560000000")
                  .onFailure(Hangup.now())
                  .build());
      assertThat(chain(flow))
          .containsExactly(
              "DIAL {dest=+6561234567}",
              "MONITOR {msg=This call is recorded.}",
              "RECORD {msg=Leave a message.<speech gender=\"female\">After the tone.</speech>, max_duration=120}",
              "TRANSFER {msg=Transferring., dest=+6562222222, caller_id=+6560000000, on_failure=continue}");
    }

    @Test
    @DisplayName("The voicemail example takes two blocks after the Dial")
    void voicemail() {
      assertThat(chain(SeedFlows.voicemail()))
          .containsExactly(
              "DIAL {dest=+6561234567}",
              "RECORD {msg=Please leave a message after the tone. Press hash when done., max_duration=120}",
              "HANGUP {msg=Thank you. Goodbye.}");
    }

    @Test
    @DisplayName("Prompts that do not fit one message are split at their edges into play blocks")
    void split() {
      String long1 = "a".repeat(600);
      String long2 = "b".repeat(600);
      assertThat(chain(CallFlow.of(Say.of(long1), Say.of(long2), Say.of("c"))))
          .containsExactly(
              "DIAL {dest=+6561234567, msg=" + long1 + "}",
              "HANGUP {msg=" + long2 + "<speech gender=\"female\">c</speech>}");
    }
  }

  @Test
  @DisplayName("A conference is a transfer to its room; an explicit hangup carries its prompts")
  void conferenceAndHangup() {
    assertThat(chain(CallFlow.of(Say.of("Joining."), Conference.room("sales1"))))
        .containsExactly("DIAL {dest=+6561234567, msg=Joining.}", "TRANSFER {dest=room:sales1}");
    assertThat(chain(CallFlow.of(Gather.builder().build(), Hangup.after(Say.of("Bye.")))))
        .endsWith("HANGUP {msg=Bye.}");
  }

  @Test
  @DisplayName(
      "The default voice is plain text, kept apart from plain text before it by a speech element;"
          + " other voices are speech elements, repeated per loop, with their text escaped")
  void markup() {
    Say say =
        Say.builder("Tom & <Jerry>").language("zh-HK").gender(VoiceGender.MALE).loop(2).build();
    String segment = "<speech language=\"zh-HK\" gender=\"male\">Tom &amp; &lt;Jerry&gt;</speech>";
    assertThat(Markup.of(say)).isEqualTo(segment + segment);
    assertThat(Markup.of(Say.of("5 < 6 & \"x\""))).isEqualTo("5 &lt; 6 &amp; &quot;x&quot;");
    assertThat(Markup.of(Say.builder("Again").loop(3).build()))
        .isEqualTo("Again<speech gender=\"female\">Again</speech>Again");
    assertThat(Markup.of(List.of(Say.of("A"), Play.of("https://a.example/x.mp3"), Say.of("B"))))
        .isEqualTo("A<url>https://a.example/x.mp3</url>B");
    assertThat(Markup.of(Say.builder("Hi").gender(VoiceGender.MALE).build()))
        .isEqualTo("<speech gender=\"male\">Hi</speech>");
  }

  @Test
  @DisplayName("A call's tag rides every block, not only the Dial")
  void tagEverywhere() {
    CallFlow flow = CallFlow.of(Gather.builder().build(), Record.of(30), Say.of("Bye"));
    Block block =
        BlockPlanner.dial(
            CallState.start("k", "S-1", flow, "vip,gold"),
            PhoneNumber.of("+6561234567"),
            Optional.empty());
    List<Map<String, String>> params = new ArrayList<>(List.of(block.params()));
    while (block.kind() != BlockKind.HANGUP) {
      block = BlockPlanner.next(block.next());
      params.add(block.params());
    }
    assertThat(params).hasSize(4).allSatisfy(p -> assertThat(p).containsEntry("tag", "vip,gold"));
  }

  @Test
  @DisplayName(
      "The cursor names branches and on-failure flows in a few characters and finds them again")
  void cursor() {
    Gather inner = Gather.builder().numDigits(4).branch("1111", Say.of("in")).build();
    CallFlow flow =
        CallFlow.of(
            Say.of("x"),
            Gather.builder()
                .branch("1", Say.of("one"))
                .branch(
                    "2",
                    inner,
                    Transfer.builder().to("+6562222222").onFailure(Say.of("fail")).build())
                .build());
    String branch = FlowCursor.branch("", 1, 1);
    assertThat(branch).isEqualTo("1b1");
    assertThat(FlowCursor.resolve(flow, branch)).hasSize(2);
    assertThat(FlowCursor.resolve(flow, FlowCursor.branch(branch, 0, 0)))
        .containsExactly(Say.of("in"));
    assertThat(FlowCursor.resolve(flow, FlowCursor.onFailure(branch, 1)))
        .containsExactly(Say.of("fail"));
    assertThat(Map.of("path", FlowCursor.onFailure(branch, 1))).containsEntry("path", "1b1/1f");
  }
}
