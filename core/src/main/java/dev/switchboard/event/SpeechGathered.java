package dev.switchboard.event;

import java.time.Instant;
import java.util.Map;

/**
 * Speech recognised during a gather.
 *
 * @param text what was recognised
 * @param complete false for a partial report while the caller is still speaking
 */
public record SpeechGathered(
    String providerId,
    String callId,
    Instant time,
    String text,
    boolean complete,
    Map<String, String> raw)
    implements CallEvent {
  public SpeechGathered {
    raw = Map.copyOf(raw);
  }
}
