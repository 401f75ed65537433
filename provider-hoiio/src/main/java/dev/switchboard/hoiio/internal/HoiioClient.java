package dev.switchboard.hoiio.internal;

import dev.switchboard.Call;
import dev.switchboard.CallRequest;
import dev.switchboard.CallStatus;
import dev.switchboard.CapabilityGap;
import dev.switchboard.ConfigurationException;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.UnsupportedCapabilityException;
import dev.switchboard.VoiceException;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.event.WebhookRequest;
import dev.switchboard.event.WebhookResponse;
import dev.switchboard.event.WebhookResult;
import dev.switchboard.flow.Branch;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.spi.WebhookContext;
import dev.switchboard.spi.WebhookSigner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Hoiio behind {@link dev.switchboard.VoiceClient}, and the flow runner: each block's notification
 * advances the call's cursor and sends the next block, never before, never twice.
 *
 * <p>Every block's {@code notify_url} carries the call's key and the block's number; a notification
 * for any block but the awaited one (late, repeated, out of order) is ignored. The cursor moves by
 * compare-and-set, so two different notifications racing for the same block send one next block
 * between them.
 */
public final class HoiioClient implements ProviderClient {
  private static final Logger LOG = LoggerFactory.getLogger(HoiioClient.class);
  static final String NOTIFY_PATH = "/hoiio/notify";
  static final String MONITOR_PATH = "/hoiio/monitor";
  static final String INCOMING_PATH = "/hoiio/incoming";

  private final VoiceProvider provider;
  private final HoiioApi api;
  private final Optional<WebhookSigner> signer;
  private final CallStateStore store;
  private volatile Consumer<CallEvent> sink = event -> {};

  public HoiioClient(
      VoiceProvider provider, HoiioApi api, Optional<WebhookSigner> signer, CallStateStore store) {
    this.provider = provider;
    this.api = api;
    this.signer = signer;
    this.store = store;
  }

  @Override
  public void setEventSink(Consumer<CallEvent> sink) {
    this.sink = sink;
  }

  /** How many calls are in flight, for tests of the runner's footprint. */
  public int callsInFlight() {
    return store.size();
  }

  private WebhookSigner signer() {
    return signer.orElseThrow(
        () ->
            new ConfigurationException(
                HoiioApi.PROVIDER,
                List.of(
                    "Hoiio needs switchboard.webhook.base-url: every block needs a notify_url")));
  }

  @Override
  public Call placeCall(CallRequest request) {
    String key = WebhookSigner.newCallReference();
    String tag = HoiioRules.tag(request.tags());
    CallState start = new CallState(key, "", request.flow(), "", 0, 0, BlockKind.DIAL, -1, "");
    Block dial = BlockPlanner.dial(start, request.to(), request.from(), tag);
    Map<String, String> params = new LinkedHashMap<>(dial.params());
    params.put("notify_url", notifyUrl(key, dial.next().block()));
    // Stored before sending: the Dial's notification may arrive before its answer does.
    store.put(dial.next());
    JsonNode answer;
    try {
      answer = api.send(BlockKind.DIAL, params);
    } catch (ProviderUnavailableException e) {
      // No answer: Hoiio may have placed the call all the same, so its notifications are still
      // awaited; nothing is retried, since that could ring twice.
      throw e;
    } catch (VoiceException e) {
      store.remove(dial.next());
      throw e;
    }
    String session = answer.path("session").asString("");
    store.replace(dial.next(), dial.next().withSession(session));
    return new Call(
        session,
        HoiioApi.PROVIDER,
        CallStatus.QUEUED,
        request.from(),
        Optional.of(request.to()),
        request.tags());
  }

  @Override
  public void hangup(String callId) {
    api.send(BlockKind.HANGUP, Map.of("session", callId, "force", "enabled"));
  }

  private String notifyUrl(String key, int block) {
    return signer().sign(NOTIFY_PATH, key + "." + block).toString();
  }

  @Override
  public WebhookResult handleWebhook(WebhookRequest request, WebhookContext context) {
    Map<String, String> fields = Notifications.fields(request);
    Instant received = Instant.now();
    String path = request.path();
    if (path.endsWith(INCOMING_PATH)) {
      return incoming(fields, context, received);
    } else if (path.endsWith(MONITOR_PATH)) {
      return new WebhookResult(
          Notifications.monitorFile(fields, received).stream().toList(), WebhookResponse.ok());
    } else if (!path.endsWith(NOTIFY_PATH)) {
      // Switchboard signs no other path for Hoiio.
      return WebhookResult.of(WebhookResponse.forbidden());
    }
    String reference = context.callReference();
    int dot = reference.lastIndexOf('.');
    if (dot < 0) {
      return WebhookResult.of(WebhookResponse.ok());
    }
    String key = reference.substring(0, dot);
    int block;
    try {
      block = Integer.parseInt(reference.substring(dot + 1));
    } catch (NumberFormatException e) {
      return WebhookResult.of(WebhookResponse.ok());
    }
    return notification(key, block, fields, received);
  }

  private WebhookResult notification(
      String key, int block, Map<String, String> fields, Instant received) {
    // Compare-and-set in a loop: placeCall may fill in the session while this notification is
    // read, which changes the state without moving the call on; only a change of the awaited
    // block means another notification won.
    while (true) {
      Optional<CallState> current = store.get(key);
      if (current.isEmpty() || current.get().block() != block) {
        LOG.debug(
            "Ignoring a notification for block {} of call {}: not the awaited one", block, key);
        return WebhookResult.of(WebhookResponse.ok());
      }
      CallState state = current.get();
      if (state.session().isEmpty() && fields.containsKey("session")) {
        state = state.withSession(fields.get("session"));
      }
      if (Notifications.ended(fields)) {
        if (store.remove(current.get())) {
          return new WebhookResult(events(state, fields, received), WebhookResponse.ok());
        }
        continue;
      }
      Block next = BlockPlanner.next(react(state, fields));
      if (store.replace(current.get(), next.next())) {
        send(next, key);
        return new WebhookResult(events(state, fields, received), WebhookResponse.ok());
      }
    }
  }

  private static List<CallEvent> events(
      CallState state, Map<String, String> fields, Instant received) {
    return Notifications.events(
        state.awaiting(), fields, state.session(), state.dialStatus(), received);
  }

  /** Moves the cursor as the finished block's outcome says: a branch, or an on-failure flow. */
  private static CallState react(CallState state, Map<String, String> fields) {
    switch (state.awaiting()) {
      case DIAL:
        return state.withDialStatus(fields.getOrDefault("dial_status", "answered"));
      case GATHER:
        Gather gather = (Gather) state.verbs().get(state.verbIndex());
        String digits = fields.getOrDefault("digits", "");
        List<Branch> branches = gather.branches();
        for (int b = 0; b < branches.size(); b++) {
          if (!digits.isEmpty() && branches.get(b).matches(digits)) {
            return state.at(FlowCursor.branch(state.path(), state.verbIndex(), b), 0);
          }
        }
        return state;
      case TRANSFER:
        Verb verb = state.verbs().get(state.verbIndex());
        boolean failed = !"answered".equals(fields.get("transfer_status"));
        if (failed && verb instanceof Transfer transfer && !transfer.onFailure().isEmpty()) {
          return state.at(FlowCursor.onFailure(state.path(), state.verbIndex()), 0);
        }
        return state;
      default:
        return state;
    }
  }

  private void send(Block block, String key) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("session", block.next().session());
    params.putAll(block.params());
    if (block.kind() == BlockKind.MONITOR) {
      params.put("monitor_notify_url", notifyUrl(key, block.next().block()));
      params.put("notify_url", signer().sign(MONITOR_PATH, key + ".m").toString());
    } else {
      params.put("notify_url", notifyUrl(key, block.next().block()));
    }
    try {
      api.send(block.kind(), params);
    } catch (VoiceException e) {
      // No notification will come for a block Hoiio refused; end the call rather than leave it
      // waiting in silence.
      LOG.error("Hoiio refused {} for call {}; hanging up: {}", block.kind(), key, e.getMessage());
      store.remove(block.next());
      try {
        hangup(block.next().session());
      } catch (VoiceException ignored) {
        LOG.debug("Forced hang-up of {} failed too", key);
      }
      // The hang-up's own notification would be ignored now, so the call's end is told here.
      sink.accept(
          new CallEnded(
              HoiioApi.PROVIDER,
              block.next().session(),
              Instant.now(),
              CallStatus.FAILED,
              Optional.empty(),
              Optional.empty(),
              Map.of("error", e.vendorCode().orElse(e.getMessage()))));
    }
  }

  private WebhookResult incoming(
      Map<String, String> fields, WebhookContext context, Instant received) {
    IncomingCall call = Notifications.incoming(fields, received);
    Optional<CallFlow> flow = context.flowFor(call).filter(f -> runnable(f, call));
    if (flow.isEmpty()) {
      // A hangup as the first block refuses the call.
      api.send(BlockKind.HANGUP, Map.of("session", call.callId()));
      return new WebhookResult(List.of(call), WebhookResponse.ok());
    }
    String key = WebhookSigner.newCallReference();
    CallState start =
        new CallState(key, call.callId(), flow.get(), "", 0, 0, BlockKind.DIAL, -1, "");
    Block first = BlockPlanner.next(start);
    store.put(first.next());
    send(first, key);
    return new WebhookResult(List.of(call), WebhookResponse.ok());
  }

  @Override
  public void close() {
    api.close();
  }

  private boolean runnable(CallFlow flow, IncomingCall call) {
    List<CapabilityGap> gaps = new ArrayList<>(provider.gapsFor(flow));
    try {
      if (!gaps.isEmpty()) {
        throw new UnsupportedCapabilityException(HoiioApi.PROVIDER, gaps);
      }
      provider.validate(flow);
      return true;
    } catch (VoiceException e) {
      LOG.error(
          "Rejecting incoming call {}: its flow cannot run on Hoiio: {}",
          call.callId(),
          e.getMessage());
      return false;
    }
  }
}
