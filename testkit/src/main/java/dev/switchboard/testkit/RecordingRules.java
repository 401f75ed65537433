package dev.switchboard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.Capability;
import dev.switchboard.event.RecordingReady;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.RecordCall;
import dev.switchboard.flow.Say;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's rules for recording; see {@link ProviderConformanceKit} and {@code
 * docs/conformance.md}.
 */
interface RecordingRules {
  /** The kit's state and helpers for the rule running. */
  KitContext kit();

  @Test
  @DisplayName("[RECORD-01] The caller is recorded after the prompts and the flow goes on")
  default void record() {
    kit().requires(Capability.RECORD, Capability.SAY, Capability.SEQUENCE);
    kit()
        .assertSameAsReference(
            CallFlow.of(Record.after(Say.of("Speak after the tone.")), Say.of("Thanks.")),
            Callee.answering());
  }

  @Test
  @DisplayName("[RECORD-02] Whole-call recording starts after its prompts and the flow goes on")
  default void recordCall() {
    kit().requires(Capability.RECORD_CALL, Capability.SAY, Capability.SEQUENCE);
    kit()
        .assertSameAsReference(
            CallFlow.of(RecordCall.after(Say.of("This call is recorded.")), Say.of("Go ahead.")),
            Callee.answering());
  }

  @Test
  @DisplayName("[RECORD-03] A recording is reported to the application once, with its URL")
  default void recordingEvent() {
    kit().requires(Capability.RECORD);
    ObservedCall call = kit().assertSameAsReference(CallFlow.of(Record.of(30)), Callee.answering());
    long recordings =
        kit().eventsOf(call.callId()).stream().filter(e -> e instanceof RecordingReady).count();
    assertEquals(1, recordings, () -> "events: " + kit().eventsOf(call.callId()));
  }
}
