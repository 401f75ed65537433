package dev.switchboard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.Capability;
import dev.switchboard.InvalidInputException;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Redirect;
import dev.switchboard.flow.Reject;
import dev.switchboard.flow.Say;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's rules for ending calls; see {@link ProviderConformanceKit} and {@code
 * docs/conformance.md}.
 */
interface EndingRules {
  /** The kit's state and helpers for the rule running. */
  KitContext kit();

  @Test
  @DisplayName("[HANGUP-01] Hangup plays its prompts and ends the call")
  default void hangup() {
    kit().requires(Capability.SAY);
    kit().assertSameAsReference(CallFlow.of(Hangup.after(Say.of("Goodbye."))), Callee.answering());
  }

  @Test
  @DisplayName("[REJECT-01] An outbound call that would reject is refused before any request")
  default void reject() {
    kit().requires(Capability.REJECT);
    int before = kit().target().vendorRequests();
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> kit().client().placeCall(kit().target().requestFor(CallFlow.of(new Reject()))));
    assertEquals("verbs[0]", e.field());
    assertEquals(before, kit().target().vendorRequests());
  }

  @Test
  @DisplayName(
      "[REDIRECT-01] A redirect's flow replaces the rest; a failed fetch lets the flow go on")
  default void redirect() {
    kit().requires(Capability.REDIRECT, Capability.SAY, Capability.SEQUENCE);
    String url = "https://flows.example/next";
    CallFlow flow = CallFlow.of(Redirect.to(url), Say.of("Fallback."));
    kit()
        .assertSameAsReference(
            flow, Callee.builder().redirect(url, CallFlow.of(Say.of("Next."))).build());
    kit().assertSameAsReference(flow, Callee.answering());
  }

  @Test
  @DisplayName("[CALL-01] A callee who does not answer or is busy hears nothing")
  default void unanswered() {
    kit().requires(Capability.SAY);
    CallFlow flow = CallFlow.of(Say.of("Hi"));
    kit().assertSameAsReference(flow, Callee.builder().pickup(Callee.Pickup.NO_ANSWER).build());
    kit().assertSameAsReference(flow, Callee.builder().pickup(Callee.Pickup.BUSY).build());
  }

  @Test
  @DisplayName("[CALL-02] A callee who hangs up ends the call at once")
  default void calleeHangsUp() {
    kit().requires(Capability.SAY, Capability.SEQUENCE);
    CallFlow flow = CallFlow.of(Say.of("One"), Say.of("Two"), Say.of("Three"));
    kit().assertSameAsReference(flow, Callee.builder().hangUpAfter(1).build());
  }

  @Test
  @DisplayName("[CALL-03] Every call ends with exactly one CallEnded event")
  default void callEnded() {
    kit().requires(Capability.SAY);
    ObservedCall call = kit().assertSameAsReference(CallFlow.of(Say.of("Hi")), Callee.answering());
    List<CallEvent> events = kit().eventsOf(call.callId());
    assertEquals(
        1,
        events.stream().filter(e -> e instanceof CallEnded).count(),
        () -> "events received within " + kit().callEndedWait() + ": " + events);
  }
}
