package dev.switchboard;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A number the account rents, and where its incoming calls go.
 *
 * @param id the vendor's id for the subscription, passed to {@link Numbers#route} and {@link
 *     Numbers#unsubscribe}
 * @param providerId the provider that reported it
 * @param number the number, E.164
 * @param callUrl where the vendor sends the number's incoming calls; empty until routed
 */
public record NumberSubscription(
    String id, String providerId, PhoneNumber number, Optional<URI> callUrl) {
  public NumberSubscription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(callUrl, "callUrl");
  }
}
