package dev.switchboard.event;

import java.time.Instant;
import java.util.Map;

/**
 * A transfer ended.
 *
 * @param target the number the caller was connected to or that failed, as the vendor wrote it
 * @param outcome how it ended
 */
public record TransferFinished(
    String providerId,
    String callId,
    Instant time,
    String target,
    TransferOutcome outcome,
    Map<String, String> raw)
    implements CallEvent {
  public TransferFinished {
    raw = Map.copyOf(raw);
  }
}
