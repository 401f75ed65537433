package dev.switchboard;

import java.util.Objects;

/**
 * A conference room as the vendor knows it.
 *
 * @param id the vendor's id for the conference
 * @param providerId the provider that reported it
 * @param name the room's name, as flows join it
 * @param active true while the conference can still be joined or has participants
 */
public record LiveConference(String id, String providerId, String name, boolean active) {
  public LiveConference {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(name, "name");
  }
}
