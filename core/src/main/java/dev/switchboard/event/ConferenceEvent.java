package dev.switchboard.event;

import java.time.Instant;
import java.util.Map;

/**
 * Something happened in a conference room.
 *
 * @param callId the participant's call, or empty for events about the room as a whole
 * @param type what happened
 * @param conferenceId the vendor's id of the conference
 * @param participantId the vendor's id of the participant, or empty
 * @param label the participant's label, or empty
 * @param key the key pressed for {@link ConferenceEventType#KEY_PRESSED}, else empty
 */
public record ConferenceEvent(
    String providerId,
    String callId,
    Instant time,
    ConferenceEventType type,
    String conferenceId,
    String participantId,
    String label,
    String key,
    Map<String, String> raw)
    implements CallEvent {
  public ConferenceEvent {
    raw = Map.copyOf(raw);
  }
}
