package dev.switchboard.testkit;

import dev.switchboard.Capability;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's rules for transfer and conference; see {@link ProviderConformanceKit} and {@code
 * docs/conformance.md}.
 */
interface BridgeRules {
  /** The kit's state and helpers for the rule running. */
  KitContext kit();

  @Test
  @DisplayName("[TRANSFER-01] The caller is connected to an answering target")
  default void answered() {
    kit().requires(Capability.TRANSFER);
    kit().assertSameAsReference(CallFlow.of(Transfer.to("+15556667777")), Callee.answering());
  }

  @Test
  @DisplayName(
      "[TRANSFER-02] Several targets ring at once and the first in order that answers wins")
  default void parallel() {
    kit().requires(Capability.TRANSFER, Capability.PARALLEL_TRANSFER);
    CallFlow flow = CallFlow.of(Transfer.to("+15556667777", "+15556668888"));
    kit()
        .assertSameAsReference(
            flow, Callee.builder().target("+15556667777", Callee.Target.NO_ANSWER).build());
    kit().assertSameAsReference(flow, Callee.answering());
  }

  @Test
  @DisplayName("[TRANSFER-03] When nobody answers, the on-failure flow replaces the rest")
  default void onFailure() {
    kit().requires(Capability.TRANSFER, Capability.TRANSFER_ON_FAILURE, Capability.SAY);
    CallFlow flow =
        CallFlow.of(
            Transfer.builder()
                .to("+15556667777")
                .onFailure(Say.of("Nobody is available."))
                .build());
    kit()
        .assertSameAsReference(
            flow, Callee.builder().target("+15556667777", Callee.Target.BUSY).build());
  }

  @Test
  @DisplayName("[TRANSFER-04] After the bridge ends, the verbs after the transfer run")
  default void continueAfterBridge() {
    kit().requires(Capability.TRANSFER, Capability.CONTINUE_AFTER_BRIDGE, Capability.SAY);
    CallFlow flow = CallFlow.of(Transfer.to("+15556667777"), Say.of("Call has ended."));
    kit().assertSameAsReference(flow, Callee.answering());
    kit()
        .assertSameAsReference(
            flow, Callee.builder().target("+15556667777", Callee.Target.NO_ANSWER).build());
  }

  @Test
  @DisplayName("[CONF-01] The caller joins the conference room")
  default void conference() {
    kit().requires(Capability.CONFERENCE);
    kit().assertSameAsReference(CallFlow.of(Conference.room("room1")), Callee.answering());
  }

  @Test
  @DisplayName("[CONF-02] Conference options are honoured and the flow goes on after leaving")
  default void conferenceOptions() {
    kit()
        .requires(
            Capability.CONFERENCE,
            Capability.CONFERENCE_OPTIONS,
            Capability.CONTINUE_AFTER_BRIDGE,
            Capability.SAY);
    Conference moderator =
        Conference.builder("room2").startOnEnter(true).endOnExit(true).muted(false).build();
    kit().assertSameAsReference(CallFlow.of(moderator, Say.of("Ended.")), Callee.answering());
  }
}
