package dev.switchboard.testkit;

import dev.switchboard.Call;
import dev.switchboard.CallNotFoundException;
import dev.switchboard.CallRequest;
import dev.switchboard.CallStatus;
import dev.switchboard.Capabilities;
import dev.switchboard.Capability;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.WebhookVerificationException;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.event.RecordingReady;
import dev.switchboard.event.SpeechGathered;
import dev.switchboard.event.TransferFinished;
import dev.switchboard.event.TransferOutcome;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.webhook.WebhookContext;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An in-memory provider for an application's own unit tests: a {@link dev.switchboard.VoiceClient}
 * whose calls are run by the {@link ReferenceInterpreter} against scripted callees, with no
 * network. Every call completes inside {@code placeCall}; its events reach the client's listeners
 * before {@code placeCall} returns, and its transcript can then be inspected.
 *
 * <pre>{@code
 * SandboxProvider sandbox = new SandboxProvider();
 * sandbox.scriptNextCall(Callee.builder().presses("1").build());
 * try (VoiceClient voice = Switchboard.builder().provider(sandbox).build()) {
 *   Call call = voice.placeCall("+15550000000", "+15556667777", flow);
 *   assertThat(sandbox.transcript(call.id()).observations()).contains(...);
 * }
 * }</pre>
 *
 * <p>Not registered with {@code ServiceLoader}, so that adding the testkit to a test class path
 * never makes provider discovery ambiguous; pass it to {@code Switchboard.builder().provider(...)}.
 */
public final class SandboxProvider implements VoiceProvider {
  /** The sandbox's provider id. */
  public static final String ID = "sandbox";

  private final Capabilities capabilities;
  private final ConcurrentLinkedQueue<Callee> scripted = new ConcurrentLinkedQueue<>();
  private final Map<String, Transcript> transcripts = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();

  /** A sandbox that can do everything the neutral model can express. */
  public SandboxProvider() {
    this(Capabilities.of(EnumSet.allOf(Capability.class)));
  }

  /**
   * A sandbox limited to {@code capabilities}, to test how an application copes with a vendor's
   * gaps.
   */
  public SandboxProvider(Capabilities capabilities) {
    this.capabilities = capabilities;
  }

  /** The callee of the next placed call; unscripted calls reach a callee who answers silently. */
  public void scriptNextCall(Callee callee) {
    scripted.add(callee);
  }

  /** What was observed on a call placed through this sandbox. */
  public Transcript transcript(String callId) {
    Transcript transcript = transcripts.get(callId);
    if (transcript == null) {
      throw new CallNotFoundException("no sandbox call " + callId, ID, null);
    }
    return transcript;
  }

  /** How many calls were placed. */
  public int callCount() {
    return calls.get();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Sandbox (reference interpreter)";
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of();
  }

  @Override
  public ProviderClient connect(SwitchboardConfig config) {
    return new Client();
  }

  @Override
  public String toString() {
    return "SandboxProvider[" + calls.get() + " calls]";
  }

  private final class Client implements ProviderClient {
    private volatile Consumer<CallEvent> sink = event -> {};

    @Override
    public void setEventSink(Consumer<CallEvent> sink) {
      this.sink = sink;
    }

    @Override
    public Call placeCall(CallRequest request) {
      String id = ID + "-" + calls.incrementAndGet();
      Callee callee = Optional.ofNullable(scripted.poll()).orElseGet(Callee::answering);
      Transcript transcript = ReferenceInterpreter.run(request.flow(), callee);
      transcripts.put(id, transcript);
      eventsOf(id, transcript).forEach(sink);
      return new Call(
          id, ID, statusOf(transcript), request.from(), Optional.of(request.to()), request.tags());
    }

    @Override
    public Call getCall(String callId) {
      Transcript transcript = transcript(callId);
      return new Call(
          callId, ID, statusOf(transcript), Optional.empty(), Optional.empty(), List.of());
    }

    @Override
    public Stream<Call> listCalls() {
      return transcripts.keySet().stream().sorted().map(this::getCall);
    }

    @Override
    public WebhookDelivery readWebhook(WebhookRequest request, WebhookContext context) {
      // Sandbox calls never call back (they finish inside placeCall), so it declares no endpoint
      // and the facade never gets here.
      throw new WebhookVerificationException("the sandbox signs no callback URL");
    }
  }

  private static CallStatus statusOf(Transcript transcript) {
    List<Observation> observations = transcript.observations();
    Observation last = observations.get(observations.size() - 1);
    if (last instanceof Observation.Unanswered u) {
      return u.reason().equals("busy") ? CallStatus.BUSY : CallStatus.NO_ANSWER;
    }
    return last instanceof Observation.Rejected ? CallStatus.FAILED : CallStatus.COMPLETED;
  }

  /** The neutral events a vendor would have reported for this transcript. */
  private static List<CallEvent> eventsOf(String id, Transcript transcript) {
    List<CallEvent> out = new ArrayList<>();
    Instant now = Instant.now();
    Map<String, String> raw = Map.of();
    for (Observation o : transcript.observations()) {
      if (o instanceof Observation.Gathered g) {
        out.add(
            g.speech().isEmpty()
                ? new DigitsGathered(ID, id, now, g.digits(), true, raw)
                : new SpeechGathered(ID, id, now, g.speech(), true, raw));
      } else if (o instanceof Observation.Recorded r) {
        out.add(new RecordingReady(ID, id, now, r.url(), false, raw));
      } else if (o instanceof Observation.Transferred t) {
        boolean answered = t.outcome().equals("answered");
        out.add(
            new TransferFinished(
                ID,
                id,
                now,
                answered ? t.answeredBy() : String.join(",", t.to()),
                answered ? TransferOutcome.ANSWERED : TransferOutcome.NO_ANSWER,
                raw));
      }
    }
    out.add(
        new CallEnded(ID, id, now, statusOf(transcript), Optional.empty(), Optional.empty(), raw));
    return out;
  }
}
