package dev.switchboard.event;

import java.time.Instant;
import java.util.Map;

/**
 * Keys the caller entered during a gather.
 *
 * @param digits the keys, empty when the caller entered none
 * @param complete false for a partial report while the caller is still typing
 */
public record DigitsGathered(
    String providerId,
    String callId,
    Instant time,
    String digits,
    boolean complete,
    Map<String, String> raw)
    implements CallEvent {
  public DigitsGathered {
    raw = Map.copyOf(raw);
  }
}
