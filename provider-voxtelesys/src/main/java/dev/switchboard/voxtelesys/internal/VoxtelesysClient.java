package dev.switchboard.voxtelesys.internal;

import dev.switchboard.Call;
import dev.switchboard.CallNotFoundException;
import dev.switchboard.CallRequest;
import dev.switchboard.InvalidInputException;
import dev.switchboard.LiveConference;
import dev.switchboard.Participant;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.Violation;
import dev.switchboard.VoiceObserver;
import dev.switchboard.WebhookVerificationException;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.provider.support.SignedCallbackClient;
import dev.switchboard.spi.ConferenceOperations;
import dev.switchboard.state.CallbackSubject;
import dev.switchboard.state.StateStore;
import dev.switchboard.voxtelesys.internal.voxxml.VoxHangup;
import dev.switchboard.voxtelesys.internal.voxxml.VoxReject;
import dev.switchboard.voxtelesys.internal.voxxml.VoxResponse;
import dev.switchboard.voxtelesys.internal.voxxml.VoxSetMute;
import dev.switchboard.voxtelesys.internal.voxxml.VoxXml;
import dev.switchboard.voxtelesys.internal.voxxml.VoxXmlWriter;
import dev.switchboard.webhook.CallbackClaim;
import dev.switchboard.webhook.CallbackReservation;
import dev.switchboard.webhook.SignedUrls;
import dev.switchboard.webhook.WebhookContext;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookEndpoint;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookResult;
import dev.switchboard.webhook.WebhookSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** Voxtelesys behind {@link dev.switchboard.VoiceClient}. */
public final class VoxtelesysClient extends SignedCallbackClient implements ConferenceOperations {
  private static final Logger LOG = LoggerFactory.getLogger(VoxtelesysClient.class);

  /** Path of the callbacks a call's VoxXML asks for, below the webhook base URL. */
  static final String CALLBACK_PATH = "/voxtelesys/callback";

  /**
   * Path of a conference's callbacks. Apart from the call's, since a conference whose first
   * participant the call was keeps calling it after the call has left.
   */
  static final String CONFERENCE_PATH = "/voxtelesys/conference";

  /** Path of the incoming-call requests, as {@code VoiceClient.incomingCallUrl()} signs it. */
  static final String INCOMING_PATH = "/voxtelesys/incoming";

  /** Marks the references of outbound calls, whose call id is only known once created. */
  private static final String OUTBOUND = "out-";

  /** Marks the references of an incoming call's URLs, followed by the call's id. */
  private static final String INCOMING = "in-";

  /** Marks the references of the URLs of a document that replaced a live call's. */
  private static final String MODIFIED = "mod-";

  private static final String POST = "POST";

  private final VoxtelesysApi api;
  private final Optional<WebhookSigner> signer;
  private final CallWatcher watcher;
  private final VoxTemplates templates = new VoxTemplates();

  /** The last signer's document URLs: a client mostly sees one signer. */
  private volatile DocumentUrls documentUrls;

  public VoxtelesysClient(
      VoxtelesysApi api, Optional<WebhookSigner> signer, Duration pollInterval) {
    this.api = api;
    this.signer = signer;
    this.watcher = new CallWatcher(api, pollInterval);
  }

  @Override
  public void setEventSink(Consumer<CallEvent> sink) {
    watcher.sink(
        (ended, keys) -> {
          keys.forEach(bindings()::end);
          sink.accept(ended);
        });
  }

  /** Watches placed calls for their end in {@code store}, with every replica that shares it. */
  @Override
  public void setStateStore(StateStore store) {
    watcher.store(store);
  }

  @Override
  public void setObserver(VoiceObserver observer) {
    api.observe(observer);
  }

  @Override
  public List<WebhookEndpoint> webhookEndpoints() {
    return List.of(
        WebhookEndpoint.unbound(INCOMING_PATH, POST),
        WebhookEndpoint.bound(CALLBACK_PATH, POST),
        WebhookEndpoint.bound(CONFERENCE_PATH, POST));
  }

  /**
   * Compiles {@code flow} with its call's callback URL under {@code key}, from the flow's template.
   * Each Conference verb gets a URL of its own, whose key {@code openConference} opens for the
   * conference the vendor will name.
   */
  private String compile(
      CallFlow flow, WebhookSigner signer, String key, Consumer<String> openConference) {
    DocumentUrls urls = documentUrls(signer);
    return templates
        .of(flow)
        .render(
            urls.call().url(key),
            index -> {
              String conferenceKey = key + ".c" + index;
              openConference.accept(conferenceKey);
              return urls.conference().url(conferenceKey);
            });
  }

  /** The signed URLs a document of {@code signer}'s carries, made once per signer. */
  private DocumentUrls documentUrls(WebhookSigner signer) {
    DocumentUrls known = documentUrls;
    if (known == null || known.signer() != signer) {
      known =
          new DocumentUrls(
              signer,
              signer.signedUrls(CALLBACK_PATH, VoxXmlWriter::attributeValue),
              signer.signedUrls(CONFERENCE_PATH, VoxXmlWriter::attributeValue));
      documentUrls = known;
    }
    return known;
  }

  /** The signed URLs of a VoxXML document: the call's, and its conferences'. */
  private record DocumentUrls(WebhookSigner signer, SignedUrls call, SignedUrls conference) {}

  /** Compiles {@code flow} with callback URLs reserved by {@code urls}. */
  private String compile(CallFlow flow, WebhookSigner signer, CallbackReservation urls) {
    return compile(
        flow, signer, urls.key(), k -> urls.openForFirstUse(k, CallbackSubject.Kind.CONFERENCE));
  }

  /** The VoxXML of {@code flow} without callbacks, for a client that takes no webhooks. */
  private static String compileWithoutCallbacks(CallFlow flow) {
    return new VoxXmlCompiler(Optional.empty()).compile(flow);
  }

  @Override
  public Call placeCall(CallRequest request) {
    if (request.from().isEmpty()) {
      throw new InvalidInputException(
          VoxtelesysApi.PROVIDER,
          List.of(new Violation("call.from", "Voxtelesys requires the number to call from")));
    }
    String to = request.to().digits();
    String from = request.from().get().digits();
    Call call;
    String key = OUTBOUND + WebhookSigner.newCallReference();
    if (signer.isEmpty()) {
      call = created(api.createCall(to, from, compileWithoutCallbacks(request.flow())));
    } else {
      CallbackReservation urls = CallbackReservation.reserve(bindings(), key);
      call =
          urls.create(
              () -> created(api.createCall(to, from, compile(request.flow(), signer.get(), urls))),
              Call::id);
    }
    watcher.watch(call.id(), key);
    return new Call(
        call.id(),
        call.providerId(),
        call.status(),
        request.from(),
        Optional.of(request.to()),
        List.of());
  }

  /** The call a create answer names. */
  private static Call created(JsonNode answer) {
    Call call = Wire.call(answer);
    if (call.id().isBlank()) {
      throw new ProviderUnavailableException(
          "Voxtelesys answered the call request without a call id; the call may exist",
          VoxtelesysApi.PROVIDER,
          null,
          null);
    }
    return call;
  }

  @Override
  public Call getCall(String callId) {
    try (Stream<JsonNode> calls = api.calls()) {
      return calls
          .filter(c -> c.path("id").asString("").equals(callId))
          .findFirst()
          .map(Wire::call)
          .orElseThrow(
              () ->
                  new CallNotFoundException(
                      "Voxtelesys lists no call " + callId, VoxtelesysApi.PROVIDER, null));
    }
  }

  @Override
  public Stream<Call> listCalls() {
    return api.calls().map(Wire::call);
  }

  @Override
  public void modifyCall(String callId, CallFlow flow) {
    if (signer.isEmpty()) {
      api.modifyCall(callId, compileWithoutCallbacks(flow));
      return;
    }
    // New URLs for the new document, bound once Voxtelesys has taken it, ending with the call.
    CallbackReservation urls =
        CallbackReservation.reserve(bindings(), MODIFIED + WebhookSigner.newCallReference());
    urls.create(
        () -> {
          api.modifyCall(callId, compile(flow, signer.get(), urls));
          return callId;
        },
        id -> id);
    watcher.watch(callId, urls.key());
  }

  @Override
  public void hangup(String callId) {
    api.deleteCall(callId);
  }

  @Override
  public ConferenceOperations conferences() {
    return this;
  }

  @Override
  public Stream<LiveConference> list() {
    return api.conferences()
        .map(
            c ->
                new LiveConference(
                    c.path("id").asString(""),
                    VoxtelesysApi.PROVIDER,
                    c.path("name").asString(""),
                    Wire.conferenceActive(c.path("status").asString(""))));
  }

  @Override
  public List<Participant> participants(String conferenceId) {
    try (Stream<JsonNode> participants = api.participants(conferenceId)) {
      return participants
          .map(
              p ->
                  new Participant(
                      p.path("id").asString(""), conferenceId, p.path("label").asString("")))
          .toList();
    }
  }

  @Override
  public void mute(String conferenceId, String participantId, boolean muted) {
    VoxSetMute mute = new VoxSetMute();
    mute.muted = muted;
    api.modifyParticipant(conferenceId, participantId, document(mute));
  }

  @Override
  public void remove(String conferenceId, String participantId) {
    api.modifyParticipant(conferenceId, participantId, document(new VoxHangup()));
  }

  @Override
  public void end(String conferenceId) {
    api.deleteConference(conferenceId);
  }

  private static String document(Object command) {
    VoxResponse response = new VoxResponse();
    response.commands().add(command);
    return VoxXml.write(response);
  }

  @Override
  public WebhookDelivery readWebhook(WebhookRequest request, WebhookContext context) {
    Map<String, String> fields = CallbackReader.fields(request);
    String path = context.endpoint().path();
    String type = fields.getOrDefault("type", "");
    if (path.equals(INCOMING_PATH)) {
      String callId = fields.getOrDefault("call_id", "");
      if (!CallbackReader.isIncomingCall(fields) || callId.isBlank()) {
        throw new WebhookVerificationException("the incoming-call URL takes only incoming calls");
      }
      // One request per incoming call: its id is the delivery.
      return WebhookDelivery.unbound(callId, () -> incoming(fields, context));
    }
    String key = context.callReference();
    if (path.equals(CONFERENCE_PATH)) {
      String conferenceId = fields.getOrDefault("conference_id", "");
      if (!type.equals("conference") || conferenceId.isBlank()) {
        throw new WebhookVerificationException("a conference URL takes only conference events");
      }
      CallbackClaim claim = new CallbackClaim(key, CallbackSubject.conference(conferenceId));
      return WebhookDelivery.claiming(
          claim,
          CallbackReader.identity(fields),
          () -> {
            if ("end".equals(fields.get("event"))) {
              bindings().end(key);
            }
            return event(fields);
          });
    }
    String callId = fields.getOrDefault("call_id", "");
    if (type.equals("conference") || type.equals("api") || callId.isBlank()) {
      throw new WebhookVerificationException("a call's URL takes only that call's events");
    }
    CallbackClaim claim = new CallbackClaim(key, CallbackSubject.call(callId));
    return WebhookDelivery.claiming(claim, CallbackReader.identity(fields), () -> event(fields));
  }

  private static WebhookResult event(Map<String, String> fields) {
    return new WebhookResult(
        List.of(CallbackReader.event(fields, Instant.now())), WebhookResponse.ok());
  }

  private WebhookResult incoming(Map<String, String> fields, WebhookContext context) {
    IncomingCall call = CallbackReader.incomingCall(fields, Instant.now());
    String key = INCOMING + call.callId();
    if (!bindings().bindNew(key, CallbackSubject.call(call.callId()))) {
      // A call Switchboard already knows cannot be new: whoever sent this is not announcing it.
      LOG.warn("Refused an incoming-call request naming a known call {}", call.callId());
      return WebhookResult.of(WebhookResponse.forbidden());
    }
    String answer = answer(call, key, context);
    // Its end is learned like a placed call's: no callback says so.
    watcher.watch(call.callId(), key);
    return new WebhookResult(List.of(call), WebhookResponse.xml(answer));
  }

  /** The VoxXML that answers an incoming call: the application's flow, or a rejection. */
  private String answer(IncomingCall call, String key, WebhookContext context) {
    return context
        .flowFor(call)
        .map(
            flow ->
                compile(
                    flow,
                    context.signer(),
                    key,
                    k -> bindings().openForFirstUse(k, CallbackSubject.Kind.CONFERENCE)))
        .orElseGet(() -> document(new VoxReject()));
  }

  @Override
  public void close() {
    watcher.close();
    api.close();
  }
}
