package dev.switchboard.hoiio.internal;

import dev.switchboard.Call;
import dev.switchboard.CallNotFoundException;
import dev.switchboard.CallRequest;
import dev.switchboard.CallStateException;
import dev.switchboard.CallStatus;
import dev.switchboard.ConfigurationException;
import dev.switchboard.InvalidInputException;
import dev.switchboard.PhoneNumber;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.VoiceException;
import dev.switchboard.VoiceObserver;
import dev.switchboard.WebhookVerificationException;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.flow.Branch;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import dev.switchboard.provider.support.SignedCallbackClient;
import dev.switchboard.state.CallbackSubject;
import dev.switchboard.state.InMemoryStateStore;
import dev.switchboard.state.StateStore;
import dev.switchboard.webhook.CallbackClaim;
import dev.switchboard.webhook.CallbackReservation;
import dev.switchboard.webhook.WebhookContext;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookEndpoint;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookResult;
import dev.switchboard.webhook.WebhookSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
public final class HoiioClient extends SignedCallbackClient {
  private static final Logger LOG = LoggerFactory.getLogger(HoiioClient.class);
  static final String NOTIFY_PATH = "/hoiio/notify";
  static final String MONITOR_PATH = "/hoiio/monitor";
  static final String INCOMING_PATH = "/hoiio/incoming";
  private static final String ROOM = "room:";

  private final HoiioApi api;
  private final Optional<WebhookSigner> signer;
  private volatile CallStateStore store;
  private final boolean storeFixed;
  private volatile StateStore state = new InMemoryStateStore();
  private final KnownCalls known = new KnownCalls(() -> state);
  private final Rooms rooms;

  /**
   * @param store where calls in flight are kept; empty to keep them in the facade's state store
   *     ({@link #setStateStore}), in this JVM's memory until one is given
   */
  public HoiioClient(HoiioApi api, Optional<WebhookSigner> signer, Optional<CallStateStore> store) {
    this.api = api;
    this.signer = signer;
    this.store = store.orElseGet(InMemoryCallStateStore::new);
    this.storeFixed = store.isPresent();
    this.rooms = new Rooms(() -> state, api);
  }

  /**
   * Keeps calls in flight in a shared store, so that any replica can take a call's next
   * notification; with the in-memory store, in plain objects, which is the same and faster.
   */
  @Override
  public void setStateStore(StateStore state) {
    this.state = state;
    if (!storeFixed && !(state instanceof InMemoryStateStore)) {
      store = new StoredCallStates(state);
    }
  }

  @Override
  public void setObserver(VoiceObserver observer) {
    api.observe(observer);
  }

  @Override
  public List<WebhookEndpoint> webhookEndpoints() {
    // Hoiio notifies with HTTP POST only (NOTES 1.6).
    return List.of(
        WebhookEndpoint.unbound(INCOMING_PATH, "POST"),
        WebhookEndpoint.bound(NOTIFY_PATH, "POST"),
        WebhookEndpoint.bound(MONITOR_PATH, "POST"));
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
    CallState start = CallState.start(key, "", request.flow(), tag);
    Block dial = BlockPlanner.dial(start, request.to(), request.from());
    Map<String, String> params = new LinkedHashMap<>(dial.params());
    request
        .maxDuration()
        .ifPresent(limit -> params.put("max_duration", String.valueOf(maxDuration(limit))));
    // Stored and reserved before sending: the Dial's notification may arrive before its answer.
    CallbackReservation urls = CallbackReservation.reserve(bindings(), key);
    params.put("notify_url", notifyUrl(key, dial.next().block()));
    store.put(dial.next());
    JsonNode answer;
    try {
      // Nothing is retried, since that could ring twice.
      answer =
          urls.create(() -> dialAnswer(api.send(BlockKind.DIAL, params)), HoiioClient::session);
    } catch (RuntimeException e) {
      // The Dial failed, so no notification will end this call: its state goes now, whatever a
      // racing notification of the failed Dial made of it meanwhile.
      Optional<CallState> left = store.get(key);
      while (left.isPresent() && !store.remove(left.get())) {
        left = store.get(key);
      }
      throw e;
    }
    String session = session(answer);
    store.replace(dial.next(), dial.next().withSession(session));
    Call call =
        new Call(
            session,
            HoiioApi.PROVIDER,
            CallStatus.QUEUED,
            request.from(),
            Optional.of(request.to()),
            request.tags());
    known.add(answer.path("txn_ref").asString(""), call);
    return call;
  }

  /**
   * The call as Hoiio's status query says it went, and whether this runner still has it in flight:
   * answered and still running is in progress, answered and over is completed, not answered is the
   * Dial's outcome, and nothing yet is ringing.
   */
  @Override
  public Call getCall(String callId) {
    KnownCalls.Known placed =
        known
            .get(callId)
            .orElseThrow(
                () ->
                    new CallNotFoundException(
                        "Hoiio call "
                            + callId
                            + " was not placed or answered by this client; Hoiio's status query"
                            + " needs the transaction reference it was given",
                        HoiioApi.PROVIDER,
                        null));
    String outcome = api.queryStatus(placed.txnRef()).path("call_status_dest1").asString("");
    boolean running = store.bySession(callId).isPresent();
    CallStatus status;
    if (outcome.equals("answered")) {
      status = running ? CallStatus.IN_PROGRESS : CallStatus.COMPLETED;
    } else {
      status =
          Notifications.unanswered(outcome)
              .orElse(running ? CallStatus.RINGING : CallStatus.UNKNOWN);
    }
    Call call = placed.call();
    return new Call(call.id(), call.providerId(), status, call.from(), call.to(), call.tags());
  }

  /**
   * Dial's {@code max_duration} in seconds. Its range is documented for Record only (1 to 86400);
   * the Dial is read the same way, so a longer limit is refused before anything is sent.
   */
  private static long maxDuration(Duration limit) {
    if (limit.getSeconds() > HoiioRules.MAX_CALL_SECONDS) {
      throw new InvalidInputException(
          "call.maxDuration",
          "Hoiio limits a call to at most "
              + HoiioRules.MAX_CALL_SECONDS
              + " seconds (max_duration), was "
              + limit.getSeconds());
    }
    return limit.getSeconds();
  }

  /** A number from a notification, when it is E.164. */
  private static Optional<PhoneNumber> number(String e164) {
    try {
      return Optional.of(PhoneNumber.of(e164));
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  /** A Dial's answer, which must name the session. */
  private static JsonNode dialAnswer(JsonNode answer) {
    if (session(answer).isEmpty()) {
      throw new ProviderUnavailableException(
          "Hoiio answered the Dial without a session; the call may exist",
          HoiioApi.PROVIDER,
          null,
          null);
    }
    return answer;
  }

  private static String session(JsonNode answer) {
    return answer.path("session").asString("");
  }

  /**
   * Hangs up at once, whatever block is playing (Hoiio's Hangup may be sent at any point). The
   * call's state is marked first, so the runner sends nothing more, and the hang-up notifies the
   * awaited block's URL: whichever of the two notifications says the call ended ends it, once. A
   * call that is already over is not an error: it is what the application asked for.
   */
  @Override
  public void hangup(String callId) {
    while (true) {
      Optional<CallState> current = store.bySession(callId);
      if (current.isEmpty()) {
        // Not a call this runner is running, or one that has ended: nothing awaits a notification.
        forceHangup(Map.of("session", callId, "force", "enabled"));
        return;
      }
      CallState state = current.get();
      CallState hungUp = state.hungUp();
      if (!store.replace(state, hungUp)) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>();
      params.put("session", callId);
      params.put("force", "enabled");
      params.put("notify_url", notifyUrl(state.key(), state.block()));
      BlockPlanner.putTag(params, state);
      boolean sent = false;
      try {
        sent = forceHangup(params);
      } finally {
        if (!sent) {
          // No notification comes for a hang-up Hoiio refused: the call goes on as it was, or
          // it had just ended and its own notification says so.
          store.replace(hungUp, state);
        }
      }
      return;
    }
  }

  /**
   * Puts the call on hold once the block playing now finishes: Hoiio takes a block only after the
   * previous one's notification, and the runner sends the next one as soon as that arrives, so the
   * request waits for it. Asking again, or while on hold, changes nothing.
   */
  @Override
  public void hold(String callId) {
    while (true) {
      CallState state = running(callId);
      if (state.holdRequested() || state.awaiting() == BlockKind.HOLD) {
        return;
      }
      if (store.replace(state, state.holdRequested(true))) {
        return;
      }
    }
  }

  /**
   * Takes the call off hold and lets its flow go on where it was; before the hold began, withdraws
   * the request.
   */
  @Override
  public void unhold(String callId) {
    while (true) {
      CallState state = running(callId);
      if (state.holdRequested()) {
        if (store.replace(state, state.holdRequested(false))) {
          return;
        }
        continue;
      }
      if (state.awaiting() != BlockKind.HOLD) {
        throw new CallStateException(
            "call " + callId + " is not on hold", HoiioApi.PROVIDER, "error_session_not_on_hold");
      }
      CallState unholding = state.holding(BlockKind.UNHOLD, state.block() + 1);
      if (!store.replace(state, unholding)) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>();
      params.put("session", callId);
      params.put("notify_url", notifyUrl(state.key(), unholding.block()));
      BlockPlanner.putTag(params, state);
      boolean sent = false;
      try {
        api.send(BlockKind.UNHOLD, params);
        sent = true;
      } finally {
        if (!sent) {
          store.replace(unholding, state);
        }
      }
      return;
    }
  }

  /** The state of a call this runner is running and has not begun to hang up. */
  private CallState running(String callId) {
    CallState state =
        store
            .bySession(callId)
            .orElseThrow(
                () ->
                    new CallStateException(
                        "call " + callId + " is not in progress on this client",
                        HoiioApi.PROVIDER,
                        null));
    if (state.hangingUp()) {
      throw new CallStateException("call " + callId + " is being hung up", HoiioApi.PROVIDER, null);
    }
    return state;
  }

  /** Sends a forced Hangup; false when the call had already ended. */
  private boolean forceHangup(Map<String, String> params) {
    try {
      api.send(BlockKind.HANGUP, params);
      return true;
    } catch (VoiceException e) {
      if (e.vendorCode().orElse("").equals("error_session_ended")) {
        return false;
      }
      throw e;
    }
  }

  private String notifyUrl(String key, int block) {
    return signer().signedUrl(NOTIFY_PATH, key + "." + block);
  }

  @Override
  public WebhookDelivery readWebhook(WebhookRequest request, WebhookContext context) {
    Map<String, String> fields = Notifications.fields(request);
    String session = fields.getOrDefault("session", "");
    if (session.isBlank()) {
      // Every Hoiio notification names its session.
      throw new WebhookVerificationException("a Hoiio notification names its session");
    }
    String path = context.endpoint().path();
    if (path.equals(INCOMING_PATH) != Notifications.answersIncomingCall(fields)
        || path.equals(MONITOR_PATH) != Notifications.isMonitorFile(fields)) {
      throw new WebhookVerificationException("not the kind of notification its URL was issued for");
    }
    String reference = context.callReference();
    String identity = WebhookDelivery.identityOf(fields, Notifications.DOCUMENTED);
    Instant received = Instant.now();
    if (path.equals(INCOMING_PATH)) {
      // One Answer notification per incoming call: its session is the delivery.
      return WebhookDelivery.unbound(session, () -> incoming(fields, context, received));
    }
    CallbackClaim claim;
    if (path.equals(MONITOR_PATH)) {
      claim = new CallbackClaim(reference, CallbackSubject.call(session));
      return WebhookDelivery.claiming(
          claim,
          identity,
          () -> {
            // The file comes once, after the call: nothing more can speak through this URL.
            bindings().end(reference);
            return new WebhookResult(
                Notifications.monitorFile(fields, received).stream().toList(),
                WebhookResponse.ok());
          });
    }
    int dot = reference.lastIndexOf('.');
    int block;
    try {
      block = Integer.parseInt(reference.substring(dot + 1));
    } catch (NumberFormatException e) {
      throw new WebhookVerificationException("not a notify URL this provider signs");
    }
    String key = reference.substring(0, Math.max(dot, 0));
    claim = new CallbackClaim(key, CallbackSubject.call(session));
    return WebhookDelivery.claiming(
        claim, identity, () -> notification(key, block, fields, received));
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
          bindings().end(key);
          return new WebhookResult(events(state, fields, received), WebhookResponse.ok());
        }
        continue;
      }
      if (state.hangingUp()) {
        // The block finished before the hang-up reached Hoiio: what it got is reported, nothing
        // more is sent, and the hang-up's notification will end the call.
        return new WebhookResult(events(state, fields, received), WebhookResponse.ok());
      }
      if (state.holdRequested()) {
        // Hold is a block like any other: it goes in where the next one would have, and the
        // flow goes on from the same place after Unhold.
        CallState held = react(state, fields).holding(BlockKind.HOLD, state.block() + 1);
        if (store.replace(current.get(), held)) {
          List<CallEvent> events = new ArrayList<>(events(state, fields, received));
          events.addAll(send(new Block(BlockKind.HOLD, Map.of(), held), key));
          return new WebhookResult(events, WebhookResponse.ok());
        }
        continue;
      }
      Block next = BlockPlanner.next(react(state, fields));
      if (store.replace(current.get(), next.next())) {
        List<CallEvent> events = new ArrayList<>(events(state, fields, received));
        events.addAll(send(next, key));
        return new WebhookResult(events, WebhookResponse.ok());
      }
    }
  }

  private static List<CallEvent> events(
      CallState state, Map<String, String> fields, Instant received) {
    // The application's hang-up notifies the awaited block's URL as a hangup block.
    BlockKind kind =
        state.hangingUp() && "hangup".equals(fields.get("ivr_block"))
            ? BlockKind.HANGUP
            : state.awaiting();
    return Notifications.events(
        kind, fields, state.session(), state.dialStatus(), transferTarget(state), received);
  }

  /** The number, or room, of the Transfer block a state awaits; empty for any other block. */
  private static String transferTarget(CallState state) {
    if (state.awaiting() != BlockKind.TRANSFER || state.verbIndex() < 0) {
      return "";
    }
    Verb verb = state.verbs().get(state.verbIndex());
    if (verb instanceof Transfer transfer) {
      return transfer.to().get(0).e164();
    }
    return verb instanceof Conference conference ? conference.room() : "";
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

  /**
   * Sends {@code block}; when Hoiio refuses it, hangs up and returns the call's end, to be reported
   * after the events of the notification that led here.
   */
  private List<CallEvent> send(Block block, String key) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("session", block.next().session());
    params.putAll(block.params());
    if (block.kind() == BlockKind.MONITOR) {
      // The file's notification comes after the call has ended, so its URL has its own binding.
      bindings().bind(monitorKey(key), CallbackSubject.call(block.next().session()));
      params.put("monitor_notify_url", notifyUrl(key, block.next().block()));
      params.put("notify_url", signer().signedUrl(MONITOR_PATH, monitorKey(key)));
    } else if (block.kind() != BlockKind.HOLD) {
      // Hold alone takes no notify_url: Hoiio notifies nothing until Unhold.
      params.put("notify_url", notifyUrl(key, block.next().block()));
    }
    try {
      String dest = params.getOrDefault("dest", "");
      if (block.kind() == BlockKind.TRANSFER && dest.startsWith(ROOM)) {
        rooms.join(dest.substring(ROOM.length()), params);
      } else {
        api.send(block.kind(), params);
      }
      return List.of();
    } catch (VoiceException e) {
      if (block.kind() == BlockKind.MONITOR) {
        bindings().release(monitorKey(key));
      }
      if (!store.remove(block.next())) {
        // The application hung up meanwhile, which is why Hoiio refused the block; the hang-up's
        // notification ends the call.
        return List.of();
      }
      // No notification will come for a block Hoiio refused; end the call rather than leave it
      // waiting in silence.
      LOG.error("Hoiio refused {} for call {}; hanging up: {}", block.kind(), key, e.getMessage());
      bindings().end(key);
      try {
        hangup(block.next().session());
      } catch (VoiceException ignored) {
        LOG.debug("Forced hang-up of {} failed too", key);
      }
      // The hang-up's own notification would be ignored now, so the call's end is told here.
      return List.of(
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

  /** The binding key of a call's monitor-file URL. */
  private static String monitorKey(String key) {
    return key + ".m";
  }

  private WebhookResult incoming(
      Map<String, String> fields, WebhookContext context, Instant received) {
    IncomingCall call = Notifications.incoming(fields, received);
    String key = WebhookSigner.newCallReference();
    if (!bindings().bindNew(key, CallbackSubject.call(call.callId()))) {
      // A session Switchboard already knows cannot be a new call: acting on it could hang up
      // someone else's call.
      LOG.warn("Refused an incoming-call notification naming a known session {}", call.callId());
      return WebhookResult.of(WebhookResponse.forbidden());
    }
    known.add(
        fields.getOrDefault("txn_ref", ""),
        new Call(
            call.callId(),
            HoiioApi.PROVIDER,
            CallStatus.RINGING,
            number(call.from()),
            number(call.to()),
            List.of()));
    Optional<CallFlow> flow = context.flowFor(call);
    if (flow.isEmpty()) {
      // A hangup as the first block refuses the call.
      api.send(BlockKind.HANGUP, Map.of("session", call.callId()));
      return new WebhookResult(List.of(call), WebhookResponse.ok());
    }
    CallState start = CallState.start(key, call.callId(), flow.get(), "");
    Block first = BlockPlanner.next(start);
    store.put(first.next());
    List<CallEvent> events = new ArrayList<>(List.of(call));
    events.addAll(send(first, key));
    return new WebhookResult(events, WebhookResponse.ok());
  }

  @Override
  public void close() {
    api.close();
  }
}
