package dev.switchboard.voxtelesys.internal;

import dev.switchboard.Call;
import dev.switchboard.CallNotFoundException;
import dev.switchboard.CallRequest;
import dev.switchboard.CapabilityGap;
import dev.switchboard.InvalidInputException;
import dev.switchboard.LiveConference;
import dev.switchboard.Participant;
import dev.switchboard.UnsupportedCapabilityException;
import dev.switchboard.Violation;
import dev.switchboard.VoiceException;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.event.WebhookRequest;
import dev.switchboard.event.WebhookResponse;
import dev.switchboard.event.WebhookResult;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.spi.WebhookContext;
import dev.switchboard.spi.WebhookSigner;
import dev.switchboard.voxtelesys.internal.voxxml.VoxHangup;
import dev.switchboard.voxtelesys.internal.voxxml.VoxReject;
import dev.switchboard.voxtelesys.internal.voxxml.VoxResponse;
import dev.switchboard.voxtelesys.internal.voxxml.VoxSetMute;
import dev.switchboard.voxtelesys.internal.voxxml.VoxXml;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** Voxtelesys behind {@link dev.switchboard.VoiceClient}. */
public final class VoxtelesysClient implements ProviderClient {
  private static final Logger LOG = LoggerFactory.getLogger(VoxtelesysClient.class);

  /** Path of the callbacks a call's VoxXML asks for, below the webhook base URL. */
  static final String CALLBACK_PATH = "/voxtelesys/callback";

  /** Path of the incoming-call requests, as {@code VoiceClient.incomingCallUrl()} signs it. */
  static final String INCOMING_PATH = "/voxtelesys/incoming";

  /** Marks the references of outbound calls, whose call id is only known once created. */
  private static final String OUTBOUND = "out-";

  private final VoiceProvider provider;
  private final VoxtelesysApi api;
  private final Optional<WebhookSigner> signer;
  private final CallWatcher watcher;

  /**
   * The call each outbound call's callback reference belongs to, once the create answer names it,
   * so a callback URL cannot speak for another call. Other references are the call's id itself.
   */
  private final Map<String, String> callsByReference = new ConcurrentHashMap<>();

  public VoxtelesysClient(
      VoiceProvider provider,
      VoxtelesysApi api,
      Optional<WebhookSigner> signer,
      Duration pollInterval) {
    this.provider = provider;
    this.api = api;
    this.signer = signer;
    this.watcher = new CallWatcher(api, pollInterval);
  }

  @Override
  public void setEventSink(Consumer<CallEvent> sink) {
    watcher.sink(
        event -> {
          callsByReference.values().remove(event.callId());
          sink.accept(event);
        });
  }

  private VoxXmlCompiler compiler(String callReference) {
    return new VoxXmlCompiler(signer.map(s -> s.sign(CALLBACK_PATH, callReference)));
  }

  @Override
  public Call placeCall(CallRequest request) {
    if (request.from().isEmpty()) {
      throw new InvalidInputException(
          VoxtelesysApi.PROVIDER,
          List.of(new Violation("call.from", "Voxtelesys requires the number to call from")));
    }
    String reference = OUTBOUND + WebhookSigner.newCallReference();
    String voxXml = compiler(reference).compile(request.flow());
    JsonNode created = api.createCall(request.to().digits(), request.from().get().digits(), voxXml);
    Call call = Wire.call(created);
    callsByReference.put(reference, call.id());
    watcher.watch(call.id());
    return new Call(
        call.id(),
        call.providerId(),
        call.status(),
        request.from(),
        Optional.of(request.to()),
        List.of());
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
    api.modifyCall(callId, compiler(callId).compile(flow));
  }

  @Override
  public void hangup(String callId) {
    api.deleteCall(callId);
  }

  @Override
  public Stream<LiveConference> listConferences() {
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
  public List<Participant> listParticipants(String conferenceId) {
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
  public void muteParticipant(String conferenceId, String participantId, boolean muted) {
    VoxSetMute mute = new VoxSetMute();
    mute.muted = muted;
    api.modifyParticipant(conferenceId, participantId, document(mute));
  }

  @Override
  public void removeParticipant(String conferenceId, String participantId) {
    api.modifyParticipant(conferenceId, participantId, document(new VoxHangup()));
  }

  @Override
  public void endConference(String conferenceId) {
    api.deleteConference(conferenceId);
  }

  private static String document(Object command) {
    VoxResponse response = new VoxResponse();
    response.commands().add(command);
    return VoxXml.write(response);
  }

  @Override
  public WebhookResult handleWebhook(WebhookRequest request, WebhookContext context) {
    Map<String, String> fields = CallbackReader.fields(request);
    Instant received = Instant.now();
    boolean incoming = CallbackReader.isIncomingCall(fields);
    if (request.path().endsWith(INCOMING_PATH) && incoming) {
      IncomingCall call = CallbackReader.incomingCall(fields, received);
      String answer = answer(call, context);
      // Its end is learned like a placed call's: no callback says so.
      watcher.watch(call.callId());
      return new WebhookResult(List.of(call), WebhookResponse.xml(answer));
    }
    if (!request.path().endsWith(CALLBACK_PATH) || incoming || !belongs(fields, context)) {
      // A signed URL speaks only for its own kind of request and its own call.
      return WebhookResult.of(WebhookResponse.forbidden());
    }
    return new WebhookResult(List.of(CallbackReader.event(fields, received)), WebhookResponse.ok());
  }

  /** Whether the callback's call is the one its URL was signed for. */
  private boolean belongs(Map<String, String> fields, WebhookContext context) {
    String callId = fields.getOrDefault("call_id", "");
    String reference = context.callReference();
    if (callId.isEmpty()) {
      return true; // conference events name the conference, not a call
    }
    String expected = callsByReference.get(reference);
    if (expected == null && reference.startsWith(OUTBOUND)) {
      return true; // the create answer has not arrived yet; nothing to compare with
    }
    return callId.equals(expected == null ? reference : expected);
  }

  /** The VoxXML that answers an incoming call: the application's flow, or a rejection. */
  private String answer(IncomingCall call, WebhookContext context) {
    Optional<CallFlow> flow = context.flowFor(call);
    if (flow.isEmpty()) {
      return document(new VoxReject());
    }
    List<CapabilityGap> gaps = provider.gapsFor(flow.get());
    try {
      if (!gaps.isEmpty()) {
        throw new UnsupportedCapabilityException(VoxtelesysApi.PROVIDER, gaps);
      }
      provider.validate(flow.get());
    } catch (VoiceException e) {
      // The vendor waits for an answer now; refusing the call beats running half a flow.
      LOG.error(
          "Rejecting incoming call {}: its flow cannot run on Voxtelesys: {}",
          call.callId(),
          e.getMessage());
      return document(new VoxReject());
    }
    return new VoxXmlCompiler(Optional.of(context.signer().sign(CALLBACK_PATH, call.callId())))
        .compile(flow.get());
  }

  @Override
  public void close() {
    watcher.close();
    api.close();
  }
}
