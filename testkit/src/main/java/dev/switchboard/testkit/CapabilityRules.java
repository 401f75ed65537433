package dev.switchboard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.CallRequest;
import dev.switchboard.Capability;
import dev.switchboard.ConferenceDialOut;
import dev.switchboard.UnsupportedCapabilityException;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.GatherInput;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.RecordCall;
import dev.switchboard.flow.Redirect;
import dev.switchboard.flow.Reject;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.VoiceGender;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The kit's rules for capability honesty; see {@link ProviderConformanceKit} and {@code
 * docs/conformance.md}.
 */
interface CapabilityRules {
  /** The kit's state and helpers for the rule running. */
  KitContext kit();

  @TestFactory
  @DisplayName("[CAP-01] A flow that needs an undeclared capability is refused before any request")
  default Stream<DynamicTest> undeclaredFlowCapabilities() {
    return probes().entrySet().stream()
        .map(
            probe ->
                DynamicTest.dynamicTest(
                    "[CAP-01] " + probe.getKey().description(),
                    () -> {
                      assumeTrue(
                          !kit().declares(probe.getKey()), () -> "declared; its own rules test it");
                      kit().assertRefusedBeforeSending(probe.getValue(), probe.getKey());
                    }));
  }

  @Test
  @DisplayName("[CAP-02] Undeclared operations are refused before any request")
  default void undeclaredOperations() {
    int before = kit().target().vendorRequests();
    Map<Capability, Runnable> operations = new LinkedHashMap<>();
    operations.put(Capability.CALL_STATUS, () -> kit().client().getCall("unknown"));
    operations.put(Capability.CALL_LIST, () -> kit().client().listCalls());
    operations.put(Capability.HANGUP_CALL, () -> kit().client().hangup("unknown"));
    operations.put(Capability.HOLD, () -> kit().client().hold("unknown"));
    operations.put(Capability.CONFERENCE_STATUS, () -> kit().client().conferences().get("unknown"));
    operations.put(Capability.NUMBER_MANAGEMENT, () -> kit().client().numbers().subscriptions());
    operations.put(
        Capability.CALL_DURATION_LIMIT,
        () ->
            kit()
                .client()
                .placeCall(
                    CallRequest.builder()
                        .to("+15556660000")
                        .maxDuration(Duration.ofMinutes(5))
                        .flow(CallFlow.of(Say.of("Hi")))
                        .build()));
    operations.put(
        Capability.MODIFY_CALL,
        () -> kit().client().modifyCall("unknown", CallFlow.of(Say.of("Hi"))));
    operations.put(Capability.INBOUND_CALL, () -> kit().client().incomingCallUrl());
    operations.put(Capability.CONFERENCE_CONTROL, () -> kit().client().conferences().list());
    operations.put(
        Capability.CONFERENCE_DIAL_OUT,
        () ->
            kit()
                .client()
                .conferences()
                .dialOut(
                    ConferenceDialOut.builder()
                        .participant("+15556667777", "+15556668888")
                        .build()));
    operations.put(
        Capability.CALLER_ID,
        () ->
            kit()
                .client()
                .placeCall(
                    CallRequest.builder()
                        .from("+15550001111")
                        .to("+15556660000")
                        .flow(CallFlow.of(Say.of("Hi")))
                        .build()));
    operations.put(
        Capability.TAGS,
        () ->
            kit()
                .client()
                .placeCall(
                    CallRequest.builder()
                        .to("+15556660000")
                        .tag("t1")
                        .flow(CallFlow.of(Say.of("Hi")))
                        .build()));
    int checked = 0;
    for (Map.Entry<Capability, Runnable> op : operations.entrySet()) {
      if (!kit().declares(op.getKey())) {
        checked++;
        UnsupportedCapabilityException e =
            assertThrows(UnsupportedCapabilityException.class, op.getValue()::run);
        assertTrue(
            e.gaps().stream().anyMatch(g -> g.capability() == op.getKey()),
            () -> op.getKey() + " should be named in " + e.gaps());
      }
    }
    assumeTrue(checked > 0, "every operation is declared");
    assertEquals(before, kit().target().vendorRequests(), "no request may reach the vendor");
  }

  private static Map<Capability, CallFlow> probes() {
    Map<Capability, CallFlow> probes = new LinkedHashMap<>();
    probes.put(Capability.OUTBOUND_CALL, CallFlow.of(Say.of("Hi")));
    probes.put(Capability.SAY, CallFlow.of(Say.of("Hi")));
    probes.put(Capability.SAY_LANGUAGE, CallFlow.of(Say.builder("Hola").language("es-US").build()));
    probes.put(
        Capability.SAY_GENDER, CallFlow.of(Say.builder("Hi").gender(VoiceGender.MALE).build()));
    probes.put(Capability.PLAY, CallFlow.of(Play.of("http://audio.example/a.mp3")));
    probes.put(Capability.PAUSE, CallFlow.of(Pause.of(1)));
    probes.put(Capability.LOOP, CallFlow.of(Say.builder("Hi").loop(2).build()));
    probes.put(Capability.SEQUENCE, CallFlow.of(Say.of("One"), Say.of("Two")));
    probes.put(Capability.GATHER_DTMF, CallFlow.of(Gather.builder().build()));
    probes.put(
        Capability.GATHER_SPEECH, CallFlow.of(Gather.builder().input(GatherInput.SPEECH).build()));
    probes.put(
        Capability.BRANCHING, CallFlow.of(Gather.builder().branch("1", Say.of("One")).build()));
    probes.put(Capability.RECORD, CallFlow.of(Record.of(10)));
    probes.put(Capability.RECORD_CALL, CallFlow.of(RecordCall.after()));
    probes.put(Capability.TRANSFER, CallFlow.of(Transfer.to("+15556667777")));
    probes.put(
        Capability.PARALLEL_TRANSFER, CallFlow.of(Transfer.to("+15556667777", "+15556668888")));
    probes.put(
        Capability.TRANSFER_TIMEOUT,
        CallFlow.of(Transfer.builder().to("+15556667777").timeout(20).build()));
    probes.put(
        Capability.TRANSFER_ON_FAILURE,
        CallFlow.of(Transfer.builder().to("+15556667777").onFailure(Say.of("Sorry")).build()));
    probes.put(
        Capability.CONTINUE_AFTER_BRIDGE, CallFlow.of(Transfer.to("+15556667777"), Say.of("Bye")));
    probes.put(Capability.CONFERENCE, CallFlow.of(Conference.room("room1")));
    probes.put(
        Capability.CONFERENCE_OPTIONS,
        CallFlow.of(Conference.builder("room1").muted(true).build()));
    probes.put(Capability.REDIRECT, CallFlow.of(Redirect.to("https://flows.example/next")));
    probes.put(Capability.REJECT, CallFlow.of(new Reject()));
    return probes;
  }
}
