package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Capabilities;
import dev.switchboard.Capability;
import dev.switchboard.flow.Branch;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Prompt;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.RecordCall;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RandomFlowsTest {
  private static final int CASES = 200;

  private static void walk(List<? extends Verb> verbs, int depth, Set<String> seen) {
    for (Verb verb : verbs) {
      seen.add(verb.name());
      if (verb instanceof Gather g) {
        walk(g.prompts(), depth, seen);
        for (Branch b : g.branches()) {
          walk(b.verbs(), depth + 1, seen);
          if (b.verbs().stream().anyMatch(v -> v instanceof Gather)) {
            seen.add("gather nested in a branch");
          }
        }
      } else if (verb instanceof Transfer t) {
        walk(t.onFailure(), depth + 1, seen);
      } else if (verb instanceof Record r) {
        walk(r.prompts(), depth, seen);
      } else if (verb instanceof RecordCall r) {
        walk(r.prompts(), depth, seen);
      } else if (verb instanceof Hangup h) {
        walk(h.prompts(), depth, seen);
      }
    }
  }

  @Nested
  @DisplayName("With every capability")
  class Everything {
    private final SandboxProvider provider = new SandboxProvider();

    @Test
    @DisplayName(
        "[DIFF-02] 200 cases cover every verb an outbound call runs, and gathers nested in branches")
    void coversEveryVerb() {
      RandomFlows random = new RandomFlows(1, provider);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < CASES; i++) {
        CallFlow flow = random.nextFlow();
        random.nextCallee(flow);
        walk(flow.verbs(), 0, seen);
      }
      assertThat(seen)
          .contains(
              "say",
              "play",
              "pause",
              "gather",
              "record",
              "recordCall",
              "transfer",
              "conference",
              "hangup",
              "redirect",
              "gather nested in a branch");
    }

    @Test
    @DisplayName("[DIFF-02] 200 cases cover every callee behaviour")
    void coversEveryCallee() {
      RandomFlows random = new RandomFlows(2, provider);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < CASES; i++) {
        Callee callee = random.nextCallee(random.nextFlow());
        seen.add("pickup " + callee.pickup());
        callee.hangUpAfter().ifPresent(n -> seen.add("hangs up"));
        callee.targets().values().forEach(t -> seen.add("target " + t));
        if (!callee.redirects().isEmpty()) {
          seen.add("serves a redirect");
        }
        for (CalleeInput input : callee.inputs()) {
          seen.add(input.isSilence() ? "silent" : input.keys().isEmpty() ? "speaks" : "presses");
          if (input.keys().endsWith("#")) {
            seen.add("presses a finish key");
          }
        }
      }
      assertThat(seen)
          .contains(
              "pickup ANSWER",
              "pickup NO_ANSWER",
              "pickup BUSY",
              "hangs up",
              "target ANSWERS",
              "target NO_ANSWER",
              "target BUSY",
              "serves a redirect",
              "silent",
              "speaks",
              "presses",
              "presses a finish key");
    }

    @Test
    @DisplayName("[DIFF-02] The same seed gives the same flows and callees, so failures replay")
    void replayable() {
      RandomFlows a = new RandomFlows(42, provider);
      RandomFlows b = new RandomFlows(42, provider);
      for (int i = 0; i < 20; i++) {
        CallFlow flow = a.nextFlow();
        assertThat(b.nextFlow()).isEqualTo(flow);
        assertThat(b.nextCallee(flow)).isEqualTo(a.nextCallee(flow));
      }
    }
  }

  @Test
  @DisplayName("[CAP-01] Flows use only what the provider declares")
  void respectsCapabilities() {
    SandboxProvider oneMessage =
        new SandboxProvider(
            Capabilities.of(Capability.OUTBOUND_CALL, Capability.SAY, Capability.PLAY));
    RandomFlows random = new RandomFlows(3, oneMessage);
    for (int i = 0; i < CASES; i++) {
      CallFlow flow = random.nextFlow();
      assertThat(oneMessage.verdict(flow).gaps()).isEmpty();
      assertThat(flow.verbs().get(0)).isInstanceOf(Prompt.class);
    }
    EnumSet<Capability> noBridgeContinuation = EnumSet.allOf(Capability.class);
    noBridgeContinuation.remove(Capability.CONTINUE_AFTER_BRIDGE);
    SandboxProvider hoiioLike = new SandboxProvider(Capabilities.of(noBridgeContinuation));
    RandomFlows bridges = new RandomFlows(4, hoiioLike);
    for (int i = 0; i < CASES; i++) {
      assertThat(hoiioLike.verdict(bridges.nextFlow()).gaps()).isEmpty();
    }
  }
}
