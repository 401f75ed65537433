package dev.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.SeedIvr;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallFlowWalkTest {
  @Test
  @DisplayName(
      "Walking a flow lists every verb with its position, depth first, and whether more follow")
  void walk() {
    assertThat(SeedIvr.FLOW.walk())
        .extracting(VerbAt::path, at -> at.verb().name(), VerbAt::followed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("verbs[0]", "say", true),
            org.assertj.core.groups.Tuple.tuple("verbs[1]", "gather", true),
            org.assertj.core.groups.Tuple.tuple("verbs[1].prompts[0]", "say", true),
            org.assertj.core.groups.Tuple.tuple("verbs[1].prompts[1]", "say", false),
            org.assertj.core.groups.Tuple.tuple("verbs[1].branches[\"2\"][0]", "say", true),
            org.assertj.core.groups.Tuple.tuple("verbs[1].branches[\"2\"][1]", "transfer", true),
            org.assertj.core.groups.Tuple.tuple("verbs[1].branches[\"2\"][2]", "say", true),
            org.assertj.core.groups.Tuple.tuple("verbs[1].branches[\"2\"][3]", "hangup", false),
            org.assertj.core.groups.Tuple.tuple("verbs[2]", "say", true),
            org.assertj.core.groups.Tuple.tuple("verbs[3]", "transfer", true),
            org.assertj.core.groups.Tuple.tuple("verbs[4]", "say", true),
            org.assertj.core.groups.Tuple.tuple("verbs[5]", "hangup", false));
  }

  @Test
  @DisplayName("A verb's attribute is named after its position, verb and attribute")
  void field() {
    VerbAt at = CallFlow.of(Pause.of(2)).walk().get(0);
    assertThat(at.field("seconds")).isEqualTo("verbs[0].pause.seconds");
  }

  @Test
  @DisplayName(
      "Prompts of records, whole-call recordings and hang-ups, and on-failure flows are walked")
  void nestedLists() {
    CallFlow flow =
        CallFlow.of(
            RecordCall.after(Say.of("a")),
            Record.after(Say.of("b")),
            Transfer.builder().to("+15556667777").onFailure(Say.of("c")).build(),
            Hangup.after(Say.of("d")));
    assertThat(flow.walk())
        .extracting(VerbAt::path)
        .containsExactly(
            "verbs[0]",
            "verbs[0].prompts[0]",
            "verbs[1]",
            "verbs[1].prompts[0]",
            "verbs[2]",
            "verbs[2].onFailure[0]",
            "verbs[3]",
            "verbs[3].prompts[0]");
  }
}
