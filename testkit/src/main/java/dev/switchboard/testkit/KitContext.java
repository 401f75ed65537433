package dev.switchboard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.Capability;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.UnsupportedCapabilityException;
import dev.switchboard.VoiceClient;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.FlowJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every rule group of the {@link ProviderConformanceKit} works with during one rule: the
 * target, a client connected to it, the events it received, and the helpers the rules share.
 */
final class KitContext implements AutoCloseable {
  /** How many random flows {@code [DIFF-02]} runs. */
  static final int RANDOM_FLOWS = 200;

  /** A value no credential has; it must never be shown. */
  static final String CANARY = "CANARY-7f3a9-do-not-print";

  private final ConformanceTarget target;
  private final long randomSeed;
  private final Duration callEndedWait;
  private final List<CallEvent> received = new ArrayList<>();
  private final VoiceClient client;

  KitContext(ConformanceTarget target, long randomSeed, Duration callEndedWait) {
    this.target = target;
    this.randomSeed = randomSeed;
    this.callEndedWait = callEndedWait;
    this.client = connect(target.config(), this::receive);
  }

  ConformanceTarget target() {
    return target;
  }

  VoiceClient client() {
    return client;
  }

  /** The events received so far; read it while holding its lock, as {@link #eventsOf} does. */
  List<CallEvent> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  long randomSeed() {
    return randomSeed;
  }

  Duration callEndedWait() {
    return callEndedWait;
  }

  VoiceClient connect(SwitchboardConfig config, Consumer<CallEvent> listener) {
    return Switchboard.builder()
        .provider(target.provider())
        .config(config)
        .onEvent(listener)
        .build();
  }

  /**
   * The events the application received for a call, once its {@link CallEnded} has arrived or
   * {@link #callEndedWait()} has passed: events may trail the end of the transcript.
   */
  List<CallEvent> eventsOf(String callId) {
    long deadline = System.nanoTime() + callEndedWait.toNanos();
    synchronized (received) {
      while (received.stream().noneMatch(e -> e instanceof CallEnded && e.callId().equals(callId))
          && System.nanoTime() < deadline) {
        try {
          received.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return received.stream().filter(e -> e.callId().equals(callId)).toList();
    }
  }

  private void receive(CallEvent event) {
    synchronized (received) {
      received.add(event);
      received.notifyAll();
    }
  }

  boolean declares(Capability... capabilities) {
    return Arrays.stream(capabilities).allMatch(target.provider().capabilities()::has);
  }

  /** Skips the calling rule unless every capability is declared; CAP-01 covers the rest. */
  void requires(Capability... capabilities) {
    for (Capability capability : capabilities) {
      assumeTrue(
          declares(capability),
          () ->
              target.provider().id()
                  + " does not declare "
                  + capability
                  + "; [CAP-01] proves such flows are refused");
    }
  }

  /** Runs {@code flow} through the provider and asserts the reference interpreter's transcript. */
  ObservedCall assertSameAsReference(CallFlow flow, Callee callee) {
    return assertSameAsReference(flow, callee, "");
  }

  ObservedCall assertSameAsReference(CallFlow flow, Callee callee, String context) {
    Transcript expected = ReferenceInterpreter.run(flow, callee).normalized();
    ObservedCall call;
    try {
      call = target.call(client, flow, callee);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(
          "The call did not complete"
              + (context.isEmpty() ? "" : " (" + context + ")")
              + ": "
              + e.getMessage()
              + "\nflow: "
              + FlowJson.write(flow)
              + "\ncallee: "
              + callee
              + "\nexpected:\n"
              + expected.toJsonLines(),
          e);
    }
    // The call is over for the application only once its CallEnded has arrived; waiting for it
    // also lets a provider's background reads settle before the next rule counts requests.
    eventsOf(call.callId());
    Transcript actual = call.transcript().normalized();
    if (!expected.equals(actual)) {
      fail(mismatch(flow, callee, expected, actual, context));
    }
    return call;
  }

  private static String mismatch(
      CallFlow flow, Callee callee, Transcript expected, Transcript actual, String context) {
    return "The provider's transcript differs from the reference interpreter's"
        + (context.isEmpty() ? "" : " (" + context + ")")
        + "\nflow: "
        + FlowJson.write(flow)
        + "\ncallee: "
        + callee
        + "\nexpected:\n"
        + expected.toJsonLines()
        + "actual:\n"
        + actual.toJsonLines();
  }

  void assertRefusedBeforeSending(CallFlow flow, Capability capability) {
    int before = target.vendorRequests();
    UnsupportedCapabilityException e =
        assertThrows(
            UnsupportedCapabilityException.class, () -> client.placeCall(target.requestFor(flow)));
    assertTrue(
        e.gaps().stream().anyMatch(g -> g.capability() == capability),
        () -> "the refusal should name " + capability + ", but named " + e.gaps());
    assertEquals(before, target.vendorRequests(), "no request may reach the vendor");
  }

  @Override
  public void close() throws Exception {
    client.close();
    target.close();
  }
}
