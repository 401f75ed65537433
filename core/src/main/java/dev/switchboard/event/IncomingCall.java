package dev.switchboard.event;

import java.time.Instant;
import java.util.Map;

/**
 * A call arrived at one of the application's numbers; the application answers it with a flow.
 *
 * @param from the caller, E.164 when the vendor gives a number
 * @param to the number that was called, E.164 when the vendor gives a number
 */
public record IncomingCall(
    String providerId, String callId, Instant time, String from, String to, Map<String, String> raw)
    implements CallEvent {
  public IncomingCall {
    raw = Map.copyOf(raw);
  }
}
