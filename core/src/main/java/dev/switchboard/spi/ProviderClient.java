package dev.switchboard.spi;

import dev.switchboard.Call;
import dev.switchboard.CallRequest;
import dev.switchboard.VoiceObserver;
import dev.switchboard.event.CallEvent;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.state.CallbackBindings;
import dev.switchboard.state.StateStore;
import dev.switchboard.webhook.WebhookContext;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookEndpoint;
import dev.switchboard.webhook.WebhookRequest;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What a provider implements behind {@link dev.switchboard.VoiceClient}. The facade has already
 * checked capabilities, vendor limits and webhook signatures before calling in, so an
 * implementation only speaks its vendor's wire.
 *
 * <p>Operations a provider does not declare are never called; their defaults say so if they are. An
 * implementation must never retry a request that creates a call, nor let its HTTP client do so
 * behind its back (automatic retries on {@code 503}, followed redirects): a re-sent creation could
 * ring someone twice.
 */
public interface ProviderClient extends AutoCloseable {

  /** Places an outbound call running {@code request.flow()}. */
  Call placeCall(CallRequest request);

  /** The current state of a call. Needs {@code CALL_STATUS}. */
  default Call getCall(String callId) {
    throw Undeclared.operation("getCall");
  }

  /** Calls the vendor knows, fetched lazily page by page. Needs {@code CALL_LIST}. */
  default Stream<Call> listCalls() {
    throw Undeclared.operation("listCalls");
  }

  /** Replaces what a live call is doing with {@code flow}. Needs {@code MODIFY_CALL}. */
  default void modifyCall(String callId, CallFlow flow) {
    throw Undeclared.operation("modifyCall");
  }

  /** Hangs up a live call. Needs {@code HANGUP_CALL}. */
  default void hangup(String callId) {
    throw Undeclared.operation("hangup");
  }

  /** Puts a live call on hold. Needs {@code HOLD}. */
  default void hold(String callId) {
    throw Undeclared.operation("hold");
  }

  /** Takes a call off hold. Needs {@code HOLD}. */
  default void unhold(String callId) {
    throw Undeclared.operation("unhold");
  }

  /**
   * The provider's incoming-number operations; the default implements none, for a provider that
   * does not declare {@code NUMBER_MANAGEMENT}.
   */
  default NumberOperations numbers() {
    return new NumberOperations() {};
  }

  /**
   * The provider's conference operations; the default implements none, for a provider that declares
   * neither {@code CONFERENCE_DIAL_OUT} nor {@code CONFERENCE_CONTROL}.
   */
  default ConferenceOperations conferences() {
    return new ConferenceOperations() {};
  }

  /**
   * The kinds of callback URL this provider signs. Requests to other paths are refused (403), other
   * methods on these paths refused (405), before {@link #readWebhook} sees them. The default is
   * none: a provider that takes no webhooks refuses them all.
   */
  default List<WebhookEndpoint> webhookEndpoints() {
    return List.of();
  }

  /**
   * Reads a request whose signature the facade verified, to one of {@link #webhookEndpoints()},
   * without acting on it: whom it claims to speak for, its identity as a delivery, and the action
   * that handles it. The facade runs the action once per identity, and only when the claim matches
   * the URL's binding.
   *
   * @throws dev.switchboard.InvalidInputException for a request it cannot read (400)
   * @throws dev.switchboard.WebhookVerificationException for a request that is not of the kind its
   *     URL was issued for, or that names no call or conference where its vendor always does (403)
   */
  WebhookDelivery readWebhook(WebhookRequest request, WebhookContext context);

  /**
   * Called once by the facade, right after connecting, with where to remember what each signed URL
   * speaks for. A provider {@linkplain CallbackBindings#reserve reserves} or {@linkplain
   * CallbackBindings#bind binds} a URL's key before the URL leaves the machine; a URL it never
   * binds is refused. The default ignores them, for providers that sign no URL.
   */
  default void setCallbackBindings(CallbackBindings bindings) {}

  /**
   * The store the facade keeps its state in, given once before any call: a provider that must
   * remember anything between webhooks (calls in flight, ids, leases) keeps it there, under keys
   * starting with its id, so that replicas sharing the store share it and a restart loses none. The
   * default ignores it, for providers that remember nothing.
   */
  default void setStateStore(StateStore store) {}

  /**
   * Where to report each request to the vendor ({@link VoiceObserver#VENDOR_REQUEST}), given once
   * before any call. The default reports none.
   */
  default void setObserver(VoiceObserver observer) {}

  /**
   * Called once by the facade, right after connecting, with where to report events that do not
   * arrive as webhook requests: a status learned by polling, a call run in memory. Each event must
   * be reported once. The default ignores the sink, for providers whose events all come by webhook.
   */
  default void setEventSink(Consumer<CallEvent> sink) {}

  /** Releases connections and threads. */
  @Override
  default void close() {}
}
