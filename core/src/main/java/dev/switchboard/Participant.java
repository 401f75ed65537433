package dev.switchboard;

import java.util.Objects;

/**
 * A participant of a live conference.
 *
 * @param id the vendor's id for the participant
 * @param conferenceId the conference it belongs to
 * @param label the label the flow gave it, or empty
 */
public record Participant(String id, String conferenceId, String label) {
  public Participant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(conferenceId, "conferenceId");
    Objects.requireNonNull(label, "label");
  }
}
