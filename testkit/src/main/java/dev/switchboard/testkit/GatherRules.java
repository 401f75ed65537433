package dev.switchboard.testkit;

import dev.switchboard.Capability;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.GatherInput;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's rules for gather; see {@link ProviderConformanceKit} and {@code docs/conformance.md}.
 */
interface GatherRules {
  /** The kit's state and helpers for the rule running. */
  KitContext kit();

  private static Gather menu() {
    return Gather.builder().numDigits(2).attempts(2).say("Enter two digits.").build();
  }

  @Test
  @DisplayName("[GATHER-01] Keys entered after one pass of the prompts are collected")
  default void keys() {
    kit().requires(Capability.GATHER_DTMF, Capability.SAY);
    kit().assertSameAsReference(CallFlow.of(menu()), Callee.builder().presses("42").build());
  }

  @Test
  @DisplayName("[GATHER-02] Silence replays the prompts for every attempt, then gives empty input")
  default void silence() {
    kit().requires(Capability.GATHER_DTMF, Capability.SAY);
    kit().assertSameAsReference(CallFlow.of(menu()), Callee.answering());
  }

  @Test
  @DisplayName("[GATHER-03] A finish key ends input early and is not part of it")
  default void finishKey() {
    kit().requires(Capability.GATHER_DTMF, Capability.SAY);
    Gather gather = Gather.builder().numDigits(4).say("PIN, then hash.").build();
    kit().assertSameAsReference(CallFlow.of(gather), Callee.builder().presses("12#").build());
  }

  @Test
  @DisplayName("[GATHER-04] Keys beyond numDigits are dropped")
  default void numDigits() {
    kit().requires(Capability.GATHER_DTMF, Capability.SAY);
    kit().assertSameAsReference(CallFlow.of(menu()), Callee.builder().presses("1234").build());
  }

  @Test
  @DisplayName("[GATHER-05] Speech is recognised where speech input is declared")
  default void speech() {
    kit().requires(Capability.GATHER_SPEECH, Capability.SAY);
    Gather gather = Gather.builder().input(GatherInput.SPEECH).say("Say yes or no.").build();
    kit().assertSameAsReference(CallFlow.of(gather), Callee.builder().says("yes").build());
  }
}
