package dev.switchboard.event;

import java.time.Instant;
import java.util.Map;

/**
 * A report the provider does not map to a neutral event, kept whole so nothing is lost.
 *
 * @param type the vendor's name for it, e.g. {@code number/queued}
 */
public record UnknownEvent(
    String providerId, String callId, Instant time, String type, Map<String, String> raw)
    implements CallEvent {
  public UnknownEvent {
    raw = Map.copyOf(raw);
  }
}
