package dev.switchboard;

import java.util.Objects;

/**
 * A number a vendor offers for rent, to take incoming calls on.
 *
 * @param id the vendor's id for the offer, passed to {@link Numbers#subscribe}
 * @param providerId the provider that offered it
 * @param number the number, E.164
 * @param country the number's country, ISO 3166 alpha-2 as the vendor reports it
 */
public record NumberOffer(String id, String providerId, PhoneNumber number, String country) {
  public NumberOffer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(country, "country");
  }
}
