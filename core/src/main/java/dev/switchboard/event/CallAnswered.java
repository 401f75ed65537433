package dev.switchboard.event;

import java.time.Instant;
import java.util.Map;

/**
 * A number answered: the callee of an outbound call, or a transfer target.
 *
 * @param number the number that answered, as the vendor wrote it
 */
public record CallAnswered(
    String providerId, String callId, Instant time, String number, Map<String, String> raw)
    implements CallEvent {
  public CallAnswered {
    raw = Map.copyOf(raw);
  }
}
