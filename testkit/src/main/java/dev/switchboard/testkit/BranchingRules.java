package dev.switchboard.testkit;

import dev.switchboard.Capability;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Say;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's rules for branching; see {@link ProviderConformanceKit} and {@code
 * docs/conformance.md}.
 */
interface BranchingRules {
  /** The kit's state and helpers for the rule running. */
  KitContext kit();

  private static Gather menu() {
    return Gather.builder()
        .say("Press 1 or 2.")
        .branch("1", Say.of("You chose one."))
        .branch("2", Say.of("You chose two."), Hangup.after(Say.of("Bye.")))
        .build();
  }

  @Test
  @DisplayName("[BRANCH-01] A matched branch replaces the rest of the flow")
  default void replaces() {
    kit()
        .requires(
            Capability.GATHER_DTMF, Capability.BRANCHING, Capability.SAY, Capability.SEQUENCE);
    CallFlow flow = CallFlow.of(menu(), Say.of("Not reached after a match."));
    kit().assertSameAsReference(flow, Callee.builder().presses("1").build());
    kit().assertSameAsReference(flow, Callee.builder().presses("2").build());
  }

  @Test
  @DisplayName("[BRANCH-02] Input no branch matches, or no input, runs the verbs after the gather")
  default void fallsThrough() {
    kit()
        .requires(
            Capability.GATHER_DTMF, Capability.BRANCHING, Capability.SAY, Capability.SEQUENCE);
    CallFlow flow = CallFlow.of(menu(), Say.of("No match."));
    kit().assertSameAsReference(flow, Callee.builder().presses("9").build());
    kit().assertSameAsReference(flow, Callee.answering());
  }

  @Test
  @DisplayName("[BRANCH-03] A gather nested in a branch decides on its own input")
  default void nested() {
    kit()
        .requires(
            Capability.GATHER_DTMF, Capability.BRANCHING, Capability.SAY, Capability.SEQUENCE);
    Gather pin =
        Gather.builder().numDigits(4).say("PIN?").branch("1111", Say.of("Welcome.")).build();
    Gather outer = Gather.builder().say("Menu.").branch("2", pin, Say.of("Bad PIN.")).build();
    CallFlow flow = CallFlow.of(outer, Say.of("No choice."));
    kit().assertSameAsReference(flow, Callee.builder().presses("2").presses("1111").build());
    kit().assertSameAsReference(flow, Callee.builder().presses("2").presses("2").build());
    kit().assertSameAsReference(flow, Callee.builder().presses("2").build());
  }

  @Test
  @DisplayName("[BRANCH-04] A branch with several inputs matches any of them")
  default void severalInputs() {
    kit()
        .requires(
            Capability.GATHER_DTMF, Capability.BRANCHING, Capability.SAY, Capability.SEQUENCE);
    Gather gather = Gather.builder().say("Press 1 or 3.").branch("1|3", Say.of("Odd.")).build();
    CallFlow flow = CallFlow.of(gather, Say.of("Even."));
    kit().assertSameAsReference(flow, Callee.builder().presses("3").build());
    kit().assertSameAsReference(flow, Callee.builder().presses("1").build());
  }
}
