package dev.switchboard;

import java.util.List;
import java.util.Objects;

/**
 * A conference set up by dialling out, and the call to each participant.
 *
 * @param id the vendor's id for the conference
 * @param providerId the provider that set it up
 * @param legs one call per participant, in the order requested
 */
public record DialedConference(String id, String providerId, List<Call> legs) {
  public DialedConference {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(providerId, "providerId");
    legs = List.copyOf(legs);
  }
}
