package dev.switchboard.webhook;

import dev.switchboard.state.CallbackBindings;
import dev.switchboard.state.CallbackSubject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback URLs of one request that creates a call (or changes one), bound the one way every
 * provider must: reserved before the request leaves, bound to the call its answer names, released
 * when it fails in any way. Use one per request:
 *
 * <pre>{@code
 * CallbackReservation urls = CallbackReservation.reserve(bindings, key);
 * Call call = urls.create(() -> send(request, signer.sign(PATH, urls.key())), Call::id);
 * }</pre>
 */
public final class CallbackReservation {
  private static final Logger LOG = LoggerFactory.getLogger(CallbackReservation.class);

  private final CallbackBindings bindings;
  private final String key;
  private final List<String> opened = new ArrayList<>();

  private CallbackReservation(CallbackBindings bindings, String key) {
    this.bindings = bindings;
    this.key = key;
  }

  /** Reserves {@code key}, a fresh reference, for the URLs of a request about to be sent. */
  public static CallbackReservation reserve(CallbackBindings bindings, String key) {
    bindings.reserve(key);
    return new CallbackReservation(bindings, key);
  }

  /** The reserved key, which the request's URLs carry as their call reference. */
  public String key() {
    return key;
  }

  /**
   * Opens {@code furtherKey} for a subject only the vendor will name (a conference), for a URL the
   * same request carries; it is released with the reservation if the request fails.
   */
  public String openForFirstUse(String furtherKey, CallbackSubject.Kind kind) {
    bindings.openForFirstUse(furtherKey, kind);
    opened.add(furtherKey);
    return furtherKey;
  }

  /**
   * Sends the request with {@code create} and binds the key to the call {@code callIdOf} reads from
   * its answer. When {@code create} fails, however it fails, every key of the reservation is
   * released and the failure rethrown: nothing proves what the URLs speak for, even if the vendor
   * created the call. When the create succeeded but the binding cannot be stored, the answer is
   * still returned, since the call exists and must not be placed again; its callbacks are refused.
   */
  public <T> T create(Supplier<T> create, Function<T, String> callIdOf) {
    T answer;
    String callId;
    try {
      answer = create.get();
      callId = callIdOf.apply(answer);
    } catch (RuntimeException | Error e) {
      bindings.release(key);
      opened.forEach(bindings::release);
      throw e;
    }
    try {
      bindings.bind(key, CallbackSubject.call(callId));
    } catch (RuntimeException e) {
      LOG.error(
          "Call {} was created, but its callback URLs could not be bound; its events will be"
              + " refused",
          callId,
          e);
    }
    return answer;
  }
}
