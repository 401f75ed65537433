package dev.switchboard.event;

import java.time.Instant;
import java.util.Map;

/**
 * A recording can be downloaded.
 *
 * @param url where to download it
 * @param wholeCall true for a whole-call recording ({@code recordCall}), false for a {@code record}
 *     of the caller
 */
public record RecordingReady(
    String providerId,
    String callId,
    Instant time,
    String url,
    boolean wholeCall,
    Map<String, String> raw)
    implements CallEvent {
  public RecordingReady {
    raw = Map.copyOf(raw);
  }
}
