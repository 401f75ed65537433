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
import dev.switchboard.state.CallbackBindings;
import dev.switchboard.state.StateStore;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.Versioned;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
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
 *
 * <p>A client may have several providers ({@code switchboard.provider=voxtelesys,hoiio}). Each call
 * then goes to the first, in that order, that can run its flow exactly, and fails over to the next
 * only when the failure proves no call was created (see {@link #placeCall(CallRequest)}); live
 * operations go to the provider that placed or answered the call; one webhook endpoint serves them
 * all. See {@code docs/routing.md}.
 */
public final class VoiceClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VoiceClient.class);

  /** How long {@link #close} waits for asynchronous operations that are running. */
  static final int CLOSE_GRACE_SECONDS = 30;

  /** Call reference in the signed URL that vendors call for incoming calls. */
  static final String INCOMING_REFERENCE = "incoming";

  /**
   * Which provider a call belongs to, in a client with several; as long as a call is asked about.
   */
  private static final String ROUTE_KEY = "route:";

  private static final Duration ROUTE_LIFETIME = Duration.ofDays(7);

  private final List<Route> routes;
  private final Map<String, String> unavailable;
  private final Optional<WebhookSigner> signer;
  private final List<Consumer<CallEvent>> listeners;
  private final Function<IncomingCall, Optional<CallFlow>> incomingCalls;
  private final WebhookDeduplicator deduplicator;

  /**
   * Per provider, the flow instance last found able to answer an incoming call. A flow is immutable
   * and a verdict depends on nothing else, so the instance an application answers every call with
   * is checked once, not on each call.
   */
  private final Map<String, CallFlow> answerable = new ConcurrentHashMap<>();

  private final Map<String, CallbackBindings> bindings = new HashMap<>();
  private final Map<String, Route> endpointRoutes = new HashMap<>();
  private final Map<String, WebhookEndpoint> endpoints = new HashMap<>();
  private final Conferences conferences;
  private final Numbers numbers;
  private final StateStore state;
  private final boolean ownsState;
  private final VoiceObserver observer;
  private final OperationExecutor operations;

  VoiceClient(
      List<Route> routes,
      Map<String, String> unavailable,
      Optional<WebhookSigner> signer,
      List<Consumer<CallEvent>> listeners,
      Function<IncomingCall, Optional<CallFlow>> incomingCalls,
      int deduplicationCapacity,
      Duration grace,
      CallbackBindings bindings,
      StateStore state,
      boolean ownsState,
      VoiceObserver observer,
      OperationExecutor operations) {
    if (routes.isEmpty()) {
      throw new IllegalArgumentException("a client needs a provider");
    }
    this.routes = List.copyOf(routes);
    this.unavailable = Map.copyOf(unavailable);
    this.signer = signer;
    this.listeners = List.copyOf(listeners);
    this.incomingCalls = incomingCalls;
    this.state = state;
    this.ownsState = ownsState;
    this.observer = observer;
    this.operations = operations;
    this.deduplicator = new WebhookDeduplicator(deduplicationCapacity, state, grace);
    for (Route route : this.routes) {
      ProviderClient client = route.client();
      CallbackBindings scoped = new ScopedCallbackBindings(route.id(), bindings);
      this.bindings.put(route.id(), scoped);
      for (WebhookEndpoint endpoint : client.webhookEndpoints()) {
        Route taken = endpointRoutes.putIfAbsent(endpoint.path(), route);
        if (taken != null) {
          throw new IllegalStateException(
              "providers " + taken + " and " + route + " both sign " + endpoint.path());
        }
        endpoints.put(endpoint.path(), endpoint);
      }
      client.setCallbackBindings(scoped);
      client.setStateStore(state);
      client.setObserver(observer);
      client.setEventSink(event -> deliver(route, event));
    }
    this.conferences =
        new Conferences(
            firstWith(
                Capability.CONFERENCE_DIAL_OUT,
                Capability.CONFERENCE_STATUS,
                Capability.CONFERENCE_CONTROL));
    this.numbers = new Numbers(firstWith(Capability.NUMBER_MANAGEMENT));
  }

  /** The first route that has any of {@code capabilities}, else the first route. */
  private Route firstWith(Capability... capabilities) {
    return routes.stream()
        .filter(route -> Stream.of(capabilities).anyMatch(route.provider().capabilities()::has))
        .findFirst()
        .orElse(routes.get(0));
  }

  private boolean routed() {
    return routes.size() > 1;
  }

  /** The id of the provider in use, e.g. {@code hoiio}; with several, the first. */
  public String providerId() {
    return routes.get(0).id();
  }

  /** The ids of the providers in use, in the order calls try them. */
  public List<String> providerIds() {
    return routes.stream().map(Route::id).toList();
  }

  /**
   * The providers that were configured but could not connect, each with the reason; the client
   * works without them.
   */
  public Map<String, String> unavailableProviders() {
    return unavailable;
  }

  /** What the provider in use can do; with several, what at least one of them can. */
  public Capabilities capabilities() {
    if (!routed()) {
      return routes.get(0).provider().capabilities();
    }
    return Capabilities.of(
        routes.stream()
            .flatMap(route -> route.provider().capabilities().asSet().stream())
            .collect(Collectors.toSet()));
  }

  /**
   * Whether the provider can run {@code flow} exactly, and every gap and broken vendor limit if
   * not, without sending anything. With several providers, the verdict of the one a call would go
   * to: the first that can run it, or the first provider's when none can; {@link #verdicts} has
   * them all.
   */
  public FlowVerdict verdict(CallFlow flow) {
    List<FlowVerdict> verdicts = verdicts(flow);
    return verdicts.stream().filter(FlowVerdict::ok).findFirst().orElse(verdicts.get(0));
  }

  /** Every provider's verdict on {@code flow}, in the order calls try them. */
  public List<FlowVerdict> verdicts(CallFlow flow) {
    Checks.notNull(flow, "flow");
    return routes.stream().map(route -> route.provider().verdict(flow)).toList();
  }

  /**
   * Checks that the provider can run {@code flow} within its vendor's limits, without sending
   * anything; with several providers, that one of them can.
   *
   * @throws UnsupportedCapabilityException naming every gap with its position
   * @throws InvalidInputException naming every field outside the vendor's limits
   * @throws NoRouteException with several providers, none of which can run it, saying why for each
   */
  public void check(CallFlow flow) {
    Checks.notNull(flow, "flow");
    capable(routes, route -> route.verdict(flow, List.of()));
  }

  /**
   * The routes of {@code candidates} whose verdict is clean, in order; with none, the single
   * route's verdict is thrown, or for several a {@link NoRouteException}.
   */
  private List<Route> capable(List<Route> candidates, Function<Route, FlowVerdict> judge) {
    List<FlowVerdict> verdicts = candidates.stream().map(judge).toList();
    List<Route> capable = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (verdicts.get(i).ok()) {
        capable.add(candidates.get(i));
      }
    }
    if (capable.isEmpty()) {
      if (candidates.size() == 1) {
        verdicts.get(0).orThrow();
      }
      throw new NoRouteException(verdicts);
    }
    return capable;
  }

  /**
   * The application's answer to an incoming call, when the provider can run it; a flow it cannot
   * run refuses the call, since the vendor waits for an answer now and half a flow is worse.
   */
  private Optional<CallFlow> answer(Route route, IncomingCall call) {
    return incomingCalls
        .apply(call)
        .filter(
            flow -> {
              if (answerable.get(route.id()) == flow) {
                return true;
              }
              FlowVerdict verdict = route.provider().incomingVerdict(flow);
              if (verdict.ok()) {
                answerable.put(route.id(), flow);
              } else {
                LOG.error(
                    "Refusing incoming call {}: its flow cannot run on {}: {} {}",
                    call.callId(),
                    route.id(),
                    verdict.gaps(),
                    verdict.violations());
              }
              return verdict.ok();
            });
  }

  /**
   * Places an outbound call. Never retried: a retry could ring the callee twice.
   *
   * <p>With several providers, the call goes to the first that can run its flow exactly. When that
   * fails in a way that proves no call was created (the vendor refused the credentials, the rate,
   * the account or the input, or no connection could be opened to it) the next capable provider is
   * tried; any other failure leaves the call's outcome unknown, and is thrown at once.
   *
   * @return the call, naming the provider that placed it
   * @throws CallMayExistException when the request may have reached the vendor but no call id came
   *     back: the call may exist, and is not placed again anywhere
   * @throws NoRouteException with several providers, when none can run the call
   */
  public Call placeCall(CallRequest request) {
    Checks.notNull(request, "call");
    List<Route> capable =
        capable(routes, route -> route.verdict(request.flow(), route.placingGaps(request)));
    if (request.flow().verbs().get(0) instanceof Reject) {
      // Vendors run an outbound call's flow once the callee has answered, when it can no longer
      // be refused; the docs of Voxtelesys say Reject then has no effect.
      throw new InvalidInputException(
          "verbs[0]",
          "reject only refuses incoming calls; an outbound call is answered before its flow runs");
    }
    List<VoiceException> refusals = new ArrayList<>();
    for (Route route : capable) {
      try {
        Call call = place(route, request);
        if (routed()) {
          remember(call.id(), route);
        }
        return call;
      } catch (VoiceException e) {
        if (!createdNothing(e)) {
          refusals.forEach(e::addSuppressed);
          throw e instanceof ProviderUnavailableException unavailable
              ? new CallMayExistException(unavailable, route.id())
              : e;
        }
        refusals.add(e);
        LOG.warn(
            "{} created no call ({}); trying the next capable provider", route, e.getMessage());
      }
    }
    VoiceException last = refusals.remove(refusals.size() - 1);
    refusals.forEach(last::addSuppressed);
    throw last;
  }

  /** Places {@code request} with one provider, watched by the observer. */
  private Call place(Route route, CallRequest request) {
    VoiceObserver.Step step =
        observer.begin(VoiceObserver.CALL_PLACE, Map.of("provider", route.id()));
    try {
      Call call = route.client().placeCall(request);
      step.end("placed");
      return call;
    } catch (RuntimeException e) {
      step.end(e.getClass().getSimpleName());
      throw e;
    }
  }

  /**
   * Whether a failure to place a call proves that no call was created, so that placing it with
   * another provider cannot ring the callee twice. The providers map a vendor's answer to these
   * types only where its document says the request was refused before anything was created.
   */
  private static boolean createdNothing(VoiceException failure) {
    return failure instanceof AuthenticationException
        || failure instanceof RateLimitedException
        || failure instanceof AccountException
        || failure instanceof InvalidInputException
        || failure instanceof UnsupportedCapabilityException
        || (failure instanceof ProviderUnavailableException unavailable
            && !unavailable.requestSent());
  }

  /** Records that {@code callId} belongs to {@code route}, for the live operations. */
  private void remember(String callId, Route route) {
    String key = ROUTE_KEY + callId;
    while (true) {
      Optional<Versioned> known = state.get(key);
      boolean written =
          known.isEmpty()
              ? state.create(key, route.id(), ROUTE_LIFETIME)
              : state.replace(key, known.get().version(), route.id(), ROUTE_LIFETIME);
      if (written) {
        return;
      }
    }
  }

  /** The route of a call this client placed or answered. */
  private Route routeOf(String callId) {
    if (!routed()) {
      return routes.get(0);
    }
    String id =
        state
            .get(ROUTE_KEY + callId)
            .map(Versioned::value)
            .orElseThrow(
                () ->
                    new CallNotFoundException(
                        "no provider of this client placed or answered call " + callId,
                        null,
                        null));
    return routes.stream()
        .filter(route -> route.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new CallNotFoundException(
                    "call " + callId + " belongs to " + id + ", which this client does not use",
                    id,
                    null));
  }

  /** Places an outbound call from {@code from} to {@code to}, both E.164. */
  public Call placeCall(String from, String to, CallFlow flow) {
    return placeCall(CallRequest.builder().from(from).to(to).flow(flow).build());
  }

  /** The current state of a call. */
  public Call getCall(String callId) {
    Checks.vendorId(callId, "callId");
    Route route = routeOf(callId);
    route.require(Capability.CALL_STATUS);
    return route.client().getCall(callId);
  }

  /**
   * The calls the vendor knows, fetched lazily page by page as the stream is consumed; with several
   * providers, those of each that can list them, in order.
   */
  public Stream<Call> listCalls() {
    List<Route> listing =
        routes.stream()
            .filter(route -> route.operationGap(Capability.CALL_LIST).isEmpty())
            .toList();
    if (listing.isEmpty()) {
      routes.get(0).require(Capability.CALL_LIST);
    }
    return listing.stream().flatMap(route -> route.client().listCalls());
  }

  /** Replaces what a live call is doing with {@code flow}. */
  public void modifyCall(String callId, CallFlow flow) {
    Checks.vendorId(callId, "callId");
    Checks.notNull(flow, "flow");
    Route route = routeOf(callId);
    route.verdict(flow, route.operationGap(Capability.MODIFY_CALL).stream().toList()).orThrow();
    route.client().modifyCall(callId, flow);
  }

  /** Hangs up a live call. */
  public void hangup(String callId) {
    Checks.vendorId(callId, "callId");
    Route route = routeOf(callId);
    route.require(Capability.HANGUP_CALL);
    route.client().hangup(callId);
  }

  /**
   * Puts a live call on hold: the caller hears the vendor's hold music until {@link #unhold}, and
   * the call's flow waits.
   */
  public void hold(String callId) {
    Checks.vendorId(callId, "callId");
    Route route = routeOf(callId);
    route.require(Capability.HOLD);
    route.client().hold(callId);
  }

  /** Takes a call off hold; its flow goes on where it was. */
  public void unhold(String callId) {
    Checks.vendorId(callId, "callId");
    Route route = routeOf(callId);
    route.require(Capability.HOLD);
    route.client().unhold(callId);
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
   * a Hoiio number's notify URL); with several providers, the first's that takes incoming calls.
   *
   * @throws UnsupportedCapabilityException when the provider takes no incoming calls
   * @throws ConfigurationException when no webhook base URL is configured
   */
  public URI incomingCallUrl() {
    return incomingCallUrl(firstWith(Capability.INBOUND_CALL));
  }

  /**
   * The signed URL for incoming calls of {@code providerId}, one of this client's providers.
   *
   * @throws InvalidInputException when the client does not use that provider
   */
  public URI incomingCallUrl(String providerId) {
    Checks.notNull(providerId, "providerId");
    return incomingCallUrl(
        routes.stream()
            .filter(route -> route.id().equals(providerId))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "providerId", "is not one of this client's providers: " + providerIds())));
  }

  private URI incomingCallUrl(Route route) {
    route.require(Capability.INBOUND_CALL);
    String path =
        route.client().webhookEndpoints().stream()
            .filter(endpoint -> !endpoint.bound())
            .map(WebhookEndpoint::path)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        route + " declares incoming calls but no endpoint for them"));
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
        observer.begin(VoiceObserver.WEBHOOK, Map.of("provider", webhookProvider(request)));
    Outcome outcome = new Outcome();
    try {
      return handle(request, outcome);
    } finally {
      step.end(outcome.verdict, Map.of("endpoint", outcome.endpoint));
    }
  }

  /**
   * The provider a webhook is for, as the observer tags it: the only one, or with several the one
   * whose endpoint the path names ({@code none} when it names none).
   */
  private String webhookProvider(WebhookRequest request) {
    if (!routed()) {
      return routes.get(0).id();
    }
    return routes.stream()
        .filter(
            route ->
                route.client().webhookEndpoints().stream()
                    .anyMatch(endpoint -> request.path().endsWith(endpoint.path())))
        .map(Route::id)
        .findFirst()
        .orElse("none");
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
    Route route;
    try {
      String reference = verify(request);
      WebhookSigner verified = signer.get();
      String path = verified.signedPath(request);
      endpoint = endpoints.get(path);
      if (endpoint == null) {
        throw new WebhookVerificationException("no callback is signed for this path");
      }
      route = endpointRoutes.get(path);
      context = new WebhookContext(reference, verified, endpoint, call -> answer(route, call));
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
      WebhookDelivery delivery =
          route.client().readWebhook(WebhookSigner.unsigned(request), context);
      admit(route, endpoint, delivery);
      outcome.verdict = "duplicate";
      WebhookResult result =
          deduplicator.handle(
              endpoint.path() + "\n" + context.callReference() + "\n" + delivery.identity(),
              () -> {
                outcome.verdict = "accepted";
                return delivery.action().get();
              });
      result.events().forEach(event -> deliver(route, event));
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
  private void admit(Route route, WebhookEndpoint endpoint, WebhookDelivery delivery) {
    if (!endpoint.bound()) {
      return;
    }
    CallbackClaim claim =
        delivery
            .claim()
            .orElseThrow(
                () -> new WebhookVerificationException("the request names no call or conference"));
    if (!bindings.get(route.id()).admit(claim.key(), claim.subject())) {
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

  private void deliver(Route route, CallEvent event) {
    if (routed() && event instanceof IncomingCall incoming) {
      remember(incoming.callId(), route);
    }
    observer.delivered(route.id(), event);
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
                providerId(),
                List.of(
                    "set "
                        + SwitchboardConfig.WEBHOOK_BASE_URL
                        + " and "
                        + SwitchboardConfig.WEBHOOK_SECRET
                        + " to receive calls and events")));
  }

  /**
   * Releases the provider's connections and threads. Asynchronous operations that have not started
   * fail without sending anything; those running are given up to {@value #CLOSE_GRACE_SECONDS}
   * seconds to finish first, so that a call being placed is reported.
   */
  @Override
  public void close() {
    operations.close(Duration.ofSeconds(CLOSE_GRACE_SECONDS));
    for (Route route : routes) {
      try {
        route.client().close();
      } catch (Exception e) {
        LOG.warn("Closing provider {} failed", route, e);
      }
    }
    if (ownsState) {
      state.close();
    }
  }

  @Override
  public String toString() {
    return "VoiceClient" + providerIds();
  }
}
