package dev.switchboard.event;

import dev.switchboard.CallStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The call is over; no more events follow for it.
 *
 * @param status the final status
 * @param duration how long the call lasted, when the vendor says (Hoiio reports whole minutes)
 * @param cost what the vendor charged, with its unit, e.g. {@code 0.013 SGD}, when it says
 */
public record CallEnded(
    String providerId,
    String callId,
    Instant time,
    CallStatus status,
    Optional<Duration> duration,
    Optional<String> cost,
    Map<String, String> raw)
    implements CallEvent {
  public CallEnded {
    raw = Map.copyOf(raw);
  }
}
