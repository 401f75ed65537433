package dev.switchboard.event;

import java.time.Instant;
import java.util.Map;

/**
 * A number is ringing: the callee of an outbound call, or a transfer target.
 *
 * @param number the number ringing, as the vendor wrote it
 */
public record CallRinging(
    String providerId, String callId, Instant time, String number, Map<String, String> raw)
    implements CallEvent {
  public CallRinging {
    raw = Map.copyOf(raw);
  }
}
