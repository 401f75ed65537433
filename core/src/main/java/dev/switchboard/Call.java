package dev.switchboard;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A call as a vendor knows it.
 *
 * @param id the vendor's id for the call (Hoiio session, Voxtelesys call id, Xoxzo callid)
 * @param providerId the provider that placed or received it
 * @param status its status when this value was made
 * @param from the calling number, when known
 * @param to the called number, when known
 * @param tags the tags given when the call was placed
 */
public record Call(
    String id,
    String providerId,
    CallStatus status,
    Optional<PhoneNumber> from,
    Optional<PhoneNumber> to,
    List<String> tags) {
  public Call {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    tags = List.copyOf(tags);
  }
}
