package dev.switchboard;

import dev.switchboard.event.CallEvent;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Reject;
import dev.switchboard.internal.Checks;
import dev.switchboard.internal.OperationExecutor;
import dev.switchboard.internal.ScopedCallbackBindings;
import dev.switchboard.internal.WebhookDeduplicator;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.state.CallbackBindings;
import dev.switchboard.state.StateStore;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.webhook.CallbackClaim;
import dev.switchboard.webhook.WebhookContext;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookEndpoint;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookResult;
import dev.switchboard.webhook.WebhookSigner;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one API an application uses, whatever the vendor: place calls with a {@link CallFlow},
 * control live calls, and turn the vendor's webhook requests into neutral {@link CallEvent}s.
 * Obtain one from {@link Switchboard}; close it when done. Thread-safe.
 *
 * <p>Every operation is checked before any request leaves the machine: a flow or operation the
 * provider cannot honour fails with {@link UnsupportedCapabilityException} naming every gap, and a
 * value outside the vendor's limits fails with {@link InvalidInputException}.
 */
public final class VoiceClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VoiceClient.class);

  /** How long {@link #close} waits for asynchronous operations that are running. */
  static final int CLOSE_GRACE_SECONDS = 30;

  /** Call reference in the signed URL that vendors call for incoming calls. */
  static final String INCOMING_REFERENCE = "incoming";

  private final VoiceProvider provider;
  private final ProviderClient client;
  private final Optional<WebhookSigner> signer;
  private final List<Consumer<CallEvent>> listeners;
  private final Function<IncomingCall, Optional<CallFlow>> incomingCalls;
  private final WebhookDeduplicator deduplicator;
  private final CallbackBindings bindings;
  private final Map<String, WebhookEndpoint> endpoints = new HashMap<>();
  private final Conferences conferences;
  private final Numbers numbers;
  private final StateStore state;
  private final boolean ownsState;
  private final VoiceObserver observer;
  private final OperationExecutor operations;

  VoiceClient(
      VoiceProvider provider,
      ProviderClient client,
      Optional<WebhookSigner> signer,
      List<Consumer<CallEvent>> listeners,
      Function<IncomingCall, Optional<CallFlow>> incomingCalls,
      int deduplicationCapacity,
      CallbackBindings bindings,
      StateStore state,
      boolean ownsState,
      VoiceObserver observer,
      OperationExecutor operations) {
    this.provider = provider;
    this.client = client;
    this.signer = signer;
    this.listeners = List.copyOf(listeners);
    this.incomingCalls = incomingCalls;
    this.state = state;
    this.ownsState = ownsState;
    this.observer = observer;
    this.operations = operations;
    this.deduplicator = new WebhookDeduplicator(deduplicationCapacity, state);
    this.bindings = new ScopedCallbackBindings(provider.id(), bindings);
    client.webhookEndpoints().forEach(endpoint -> endpoints.put(endpoint.path(), endpoint));
    client.setCallbackBindings(this.bindings);
    client.setStateStore(state);
    client.setObserver(observer);
    client.setEventSink(this::deliver);
    this.conferences = new Conferences(this, client);
    this.numbers = new Numbers(this, client);
  }

  /** The id of the provider in use, e.g. {@code hoiio}. */
  public String providerId() {
    return provider.id();
  }

  /** What the provider in use can do. */
  public Capabilities capabilities() {
    return provider.capabilities();
  }

  /**
   * Whether the provider can run {@code flow} exactly, and every gap and broken vendor limit if
   * not, without sending anything.
   */
  public FlowVerdict verdict(CallFlow flow) {
    return provider.verdict(flow);
  }

  /**
   * Checks that the provider can run {@code flow} within its vendor's limits, without sending
   * anything.
   *
   * @throws UnsupportedCapabilityException naming every gap with its position
   * @throws InvalidInputException naming every field outside the vendor's limits
   */
  public void check(CallFlow flow) {
    check(flow, List.of());
  }

  /** Checks {@code flow} for an operation that also needs what {@code operationGaps} lack. */
  private void check(CallFlow flow, List<CapabilityGap> operationGaps) {
    FlowVerdict verdict = provider.verdict(flow);
    List<CapabilityGap> gaps = new ArrayList<>(operationGaps);
    gaps.addAll(verdict.gaps());
    new FlowVerdict(provider.id(), gaps, verdict.violations()).orThrow();
  }

  /**
   * The application's answer to an incoming call, when the provider can run it; a flow it cannot
   * run refuses the call, since the vendor waits for an answer now and half a flow is worse.
   */
  private Optional<CallFlow> answer(IncomingCall call) {
    return incomingCalls
        .apply(call)
        .filter(
            flow -> {
              FlowVerdict verdict = provider.incomingVerdict(flow);
              if (!verdict.ok()) {
                LOG.error(
                    "Refusing incoming call {}: its flow cannot run on {}: {} {}",
                    call.callId(),
                    provider.id(),
                    verdict.gaps(),
                    verdict.violations());
              }
              return verdict.ok();
            });
  }

  /** Places an outbound call. Never retried: a retry could ring the callee twice. */
  public Call placeCall(CallRequest request) {
    Checks.notNull(request, "call");
    List<CapabilityGap> gaps = new ArrayList<>();
    operationGap(Capability.OUTBOUND_CALL).ifPresent(gaps::add);
    if (request.from().isPresent()) {
      operationGap(Capability.CALLER_ID).ifPresent(gaps::add);
    }
    if (!request.tags().isEmpty()) {
      operationGap(Capability.TAGS).ifPresent(gaps::add);
    }
    if (request.maxDuration().isPresent()) {
      operationGap(Capability.CALL_DURATION_LIMIT).ifPresent(gaps::add);
    }
    check(request.flow(), gaps);
    if (request.flow().verbs().get(0) instanceof Reject) {
      // Vendors run an outbound call's flow once the callee has answered, when it can no longer
      // be refused; the docs of Voxtelesys say Reject then has no effect.
      throw new InvalidInputException(
          "verbs[0]",
          "reject only refuses incoming calls; an outbound call is answered before its flow runs");
    }
    VoiceObserver.Step step =
        observer.begin(VoiceObserver.CALL_PLACE, Map.of("provider", provider.id()));
    try {
      Call call = client.placeCall(request);
      step.end("placed");
      return call;
    } catch (RuntimeException e) {
      step.end(e.getClass().getSimpleName());
      throw e;
    }
  }

  /** Places an outbound call from {@code from} to {@code to}, both E.164. */
  public Call placeCall(String from, String to, CallFlow flow) {
    return placeCall(CallRequest.builder().from(from).to(to).flow(flow).build());
  }

  /** The current state of a call. */
  public Call getCall(String callId) {
    Checks.vendorId(callId, "callId");
    require(Capability.CALL_STATUS);
    return client.getCall(callId);
  }

  /** The calls the vendor knows, fetched lazily page by page as the stream is consumed. */
  public Stream<Call> listCalls() {
    require(Capability.CALL_LIST);
    return client.listCalls();
  }

  /** Replaces what a live call is doing with {@code flow}. */
  public void modifyCall(String callId, CallFlow flow) {
    Checks.vendorId(callId, "callId");
    Checks.notNull(flow, "flow");
    check(flow, operationGap(Capability.MODIFY_CALL).stream().toList());
    client.modifyCall(callId, flow);
  }

  /** Hangs up a live call. */
  public void hangup(String callId) {
    Checks.vendorId(callId, "callId");
    require(Capability.HANGUP_CALL);
    client.hangup(callId);
  }

  /**
   * Puts a live call on hold: the caller hears the vendor's hold music until {@link #unhold}, and
   * the call's flow waits.
   */
  public void hold(String callId) {
    Checks.vendorId(callId, "callId");
    require(Capability.HOLD);
    client.hold(callId);
  }

  /** Takes a call off hold; its flow goes on where it was. */
  public void unhold(String callId) {
    Checks.vendorId(callId, "callId");
    require(Capability.HOLD);
    client.unhold(callId);
  }

  /**
   * {@link #placeCall(CallRequest)} without blocking: the future ends with the placed call, or with
   * the exception {@code placeCall} would throw (input is checked as before, and nothing is sent
   * when it fails). Cancelling the future stops the call only if its request has not started;
   * afterwards {@code cancel} returns {@code false} and the future still ends with the call the
   * vendor placed, so a placed call is never left unreported. The time-outs of {@code
   * switchboard.<provider>.*timeout-ms} bound how long it takes.
   */
  public CompletableFuture<Call> placeCallAsync(CallRequest request) {
    return operations.submit(() -> placeCall(request));
  }

  /** {@link #getCall} without blocking, cancellable as {@link #placeCallAsync} is. */
  public CompletableFuture<Call> getCallAsync(String callId) {
    return operations.submit(() -> getCall(callId));
  }

  /** {@link #modifyCall} without blocking, cancellable as {@link #placeCallAsync} is. */
  public CompletableFuture<Void> modifyCallAsync(String callId, CallFlow flow) {
    return operations.submit(
        () -> {
          modifyCall(callId, flow);
          return null;
        });
  }

  /** {@link #hangup} without blocking, cancellable as {@link #placeCallAsync} is. */
  public CompletableFuture<Void> hangupAsync(String callId) {
    return operations.submit(
        () -> {
          hangup(callId);
          return null;
        });
  }

  /** {@link #hold} without blocking, cancellable as {@link #placeCallAsync} is. */
  public CompletableFuture<Void> holdAsync(String callId) {
    return operations.submit(
        () -> {
          hold(callId);
          return null;
        });
  }

  /** {@link #unhold} without blocking, cancellable as {@link #placeCallAsync} is. */
  public CompletableFuture<Void> unholdAsync(String callId) {
    return operations.submit(
        () -> {
          unhold(callId);
          return null;
        });
  }

  /** The incoming numbers the account rents from the vendor, and where their calls go. */
  public Numbers numbers() {
    return numbers;
  }

  /** The conference operations: dialling one out, and controlling live ones. */
  public Conferences conferences() {
    return conferences;
  }

  /**
   * The signed URL to configure at the vendor for incoming calls (a Voxtelesys number's VoxXML URL,
   * a Hoiio number's notify URL).
   *
   * @throws UnsupportedCapabilityException when the provider takes no incoming calls
   * @throws ConfigurationException when no webhook base URL is configured
   */
  public URI incomingCallUrl() {
    require(Capability.INBOUND_CALL);
    String path =
        endpoints.values().stream()
            .filter(endpoint -> !endpoint.bound())
            .map(WebhookEndpoint::path)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        provider.id() + " declares incoming calls but no endpoint for them"));
    return signer().sign(path, INCOMING_REFERENCE);
  }

  /**
   * Handles a request a vendor sent to a callback URL: checks its signature, its path and method,
   * and that it speaks for the call or conference its URL was issued for; reads its events, runs
   * the call's next step where the vendor needs one, hands the events to the listeners, and returns
   * what to answer.
   *
   * <ul>
   *   <li>Unsigned, forged or altered; to a path the provider never signs; naming another call or
   *       conference than its URL's, or none; of a kind its URL was not issued for; after its call
   *       ended and the grace period passed: 403, no event.
   *   <li>With a method the vendor never uses on that URL: 405, no event.
   *   <li>Unreadable: 400, no event.
   *   <li>A repeat of an earlier delivery, however re-sent (another method, extra parameters, a
   *       re-encoded path): the earlier response, no event.
   * </ul>
   */
  public WebhookResult handleWebhook(WebhookRequest request) {
    VoiceObserver.Step step =
        observer.begin(VoiceObserver.WEBHOOK, Map.of("provider", provider.id()));
    Outcome outcome = new Outcome();
    try {
      return handle(request, outcome);
    } finally {
      step.end(outcome.verdict, Map.of("endpoint", outcome.endpoint));
    }
  }

  /** How a webhook was handled, for the observer: low-cardinality words only. */
  private static final class Outcome {
    String verdict = "error";
    String endpoint = "none";
  }

  /** Handles a webhook, saying in {@code outcome} how, and which endpoint it reached. */
  private WebhookResult handle(WebhookRequest request, Outcome outcome) {
    WebhookContext context;
    WebhookEndpoint endpoint;
    try {
      String reference = verify(request);
      WebhookSigner verified = signer.get();
      endpoint = endpoints.get(verified.signedPath(request));
      if (endpoint == null) {
        throw new WebhookVerificationException("no callback is signed for this path");
      }
      context = new WebhookContext(reference, verified, endpoint, this::answer);
    } catch (WebhookVerificationException e) {
      LOG.warn("Refused webhook {}: {}", request, e.getMessage());
      outcome.verdict = "refused";
      return WebhookResult.of(WebhookResponse.forbidden());
    }
    outcome.endpoint = endpoint.path();
    if (!endpoint.methods().contains(request.method())) {
      outcome.verdict = "refused";
      LOG.warn("Refused webhook {}: the vendor never uses this method there", request);
      return WebhookResult.of(WebhookResponse.methodNotAllowed(endpoint.methods()));
    }
    try {
      WebhookDelivery delivery = client.readWebhook(WebhookSigner.unsigned(request), context);
      admit(endpoint, delivery);
      outcome.verdict = "duplicate";
      WebhookResult result =
          deduplicator.handle(
              endpoint.path() + "\n" + context.callReference() + "\n" + delivery.identity(),
              () -> {
                outcome.verdict = "accepted";
                return delivery.action().get();
              });
      result.events().forEach(this::deliver);
      return result;
    } catch (WebhookVerificationException e) {
      LOG.warn("Refused webhook {}: {}", request, e.getMessage());
      outcome.verdict = "refused";
      return WebhookResult.of(WebhookResponse.forbidden());
    } catch (InvalidInputException e) {
      LOG.warn("Refused webhook {}: {}", request, e.getMessage());
      outcome.verdict = "invalid";
      return WebhookResult.of(WebhookResponse.badRequest(e.getMessage()));
    } catch (StateUnavailableException e) {
      // Nothing was handled, so nothing is lost: the vendor's retry is handled once the store is
      // back. A vendor that never retries (Hoiio) loses this notification; the log says so.
      LOG.error(
          "Webhook {} not handled: the state store is unavailable ({}); answered 503 so the vendor"
              + " re-sends it",
          request,
          e.getMessage());
      outcome.verdict = "unavailable";
      return WebhookResult.of(WebhookResponse.unavailable());
    } catch (RuntimeException e) {
      outcome.verdict = "error";
      LOG.error("Webhook {} failed", request, e);
      return WebhookResult.of(WebhookResponse.serverError());
    }
  }

  /** Refuses a delivery that cannot prove it speaks for what its URL was issued for. */
  private void admit(WebhookEndpoint endpoint, WebhookDelivery delivery) {
    if (!endpoint.bound()) {
      return;
    }
    CallbackClaim claim =
        delivery
            .claim()
            .orElseThrow(
                () -> new WebhookVerificationException("the request names no call or conference"));
    if (!bindings.admit(claim.key(), claim.subject())) {
      throw new WebhookVerificationException(
          "the request speaks for a " + claim.subject().kind() + " its URL was not issued for");
    }
  }

  /**
   * Checks that {@code request} came to a URL this application signed, for adapters that route
   * requests themselves.
   *
   * @return the call reference the URL carries
   * @throws WebhookVerificationException when the signature is missing, forged or does not match
   */
  public String verify(WebhookRequest request) {
    if (signer.isEmpty()) {
      throw new WebhookVerificationException(
          "no webhook secret is configured, so no request can be verified");
    }
    return signer
        .get()
        .verify(request)
        .orElseThrow(() -> new WebhookVerificationException("invalid or missing signature"));
  }

  private void deliver(CallEvent event) {
    observer.delivered(provider.id(), event);
    for (Consumer<CallEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        // One failing listener must neither hide the event from the others nor make the vendor
        // retry a delivery that was handled.
        LOG.error("Event listener failed on {}", event.getClass().getSimpleName(), e);
      }
    }
  }

  private WebhookSigner signer() {
    return signer.orElseThrow(
        () ->
            new ConfigurationException(
                provider.id(),
                List.of(
                    "set "
                        + SwitchboardConfig.WEBHOOK_BASE_URL
                        + " and "
                        + SwitchboardConfig.WEBHOOK_SECRET
                        + " to receive calls and events")));
  }

  /** The gap of an operation that needs {@code capability}, when the provider lacks it. */
  Optional<CapabilityGap> operationGap(Capability capability) {
    return provider.capabilities().has(capability)
        ? Optional.empty()
        : Optional.of(CapabilityGap.of("", "", capability));
  }

  /** Fails, before anything is sent, when the provider lacks {@code capability}. */
  void require(Capability capability) {
    operationGap(capability)
        .ifPresent(
            gap -> {
              throw new UnsupportedCapabilityException(provider.id(), List.of(gap));
            });
  }

  /**
   * Releases the provider's connections and threads. Asynchronous operations that have not started
   * fail without sending anything; those running are given up to {@value #CLOSE_GRACE_SECONDS}
   * seconds to finish first, so that a call being placed is reported.
   */
  @Override
  public void close() {
    operations.close(Duration.ofSeconds(CLOSE_GRACE_SECONDS));
    try {
      client.close();
    } catch (Exception e) {
      LOG.warn("Closing provider {} failed", provider.id(), e);
    }
    if (ownsState) {
      state.close();
    }
  }

  @Override
  public String toString() {
    return "VoiceClient[" + provider.id() + "]";
  }
}
