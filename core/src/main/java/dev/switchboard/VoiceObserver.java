package dev.switchboard;

import dev.switchboard.event.CallEvent;
import java.util.Map;

/**
 * Watches what a {@link VoiceClient} does, for metrics and tracing: each operation (a call placed,
 * a webhook handled, a request to the vendor) as it begins and how it ended, and each event
 * delivered. Core depends on no metrics library; {@code switchboard-micrometer} turns these into
 * Micrometer observations. Every name and value passed is of low cardinality: operation names,
 * provider ids, endpoint kinds, outcomes; never a number, an id or a secret.
 *
 * <p>Implementations are thread-safe and quick, and must not throw.
 */
public interface VoiceObserver {
  /** Observes nothing. */
  VoiceObserver NONE = new VoiceObserver() {};

  /** Places a call: tagged {@code provider}; ends {@code placed} or the exception's name. */
  String CALL_PLACE = "switchboard.call.place";

  /**
   * Handles a webhook: tagged {@code provider}, and at its end {@code endpoint} (the path of the
   * provider's endpoint it reached, {@code none} when it matched none); ends {@code accepted},
   * {@code duplicate}, {@code refused}, {@code invalid}, {@code unavailable} or {@code error}.
   */
  String WEBHOOK = "switchboard.webhook";

  /**
   * Sends one request to the vendor: tagged {@code provider} and {@code request} (the API path
   * without ids); ends with the HTTP status class ({@code 2xx}, ...) or {@code io}.
   */
  String VENDOR_REQUEST = "switchboard.vendor.request";

  /** How an operation that began ended. */
  @FunctionalInterface
  interface Step {
    Step NONE = (outcome, tags) -> {};

    /** The operation ended with {@code outcome}; {@code tags} are those known only now. */
    void end(String outcome, Map<String, String> tags);

    default void end(String outcome) {
      end(outcome, Map.of());
    }
  }

  /** An operation begins; the step returned is told its outcome once it ends. */
  default Step begin(String operation, Map<String, String> tags) {
    return Step.NONE;
  }

  /** An event was delivered to the application. */
  default void delivered(String providerId, CallEvent event) {}
}
