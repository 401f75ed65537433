package dev.switchboard;

import dev.switchboard.internal.Checks;
import dev.switchboard.spi.ProviderClient;
import java.net.URI;
import java.util.List;

/**
 * The incoming numbers of a {@link VoiceClient}, from {@link VoiceClient#numbers()}: finding a
 * number to rent, renting it, sending its calls to the application and giving it back (Xoxzo's
 * DINs). Each needs {@link Capability#NUMBER_MANAGEMENT}, checked before any request is sent. With
 * several providers, these are the first configured provider's that has them. Thread-safe.
 */
public final class Numbers {
  private final Route route;
  private final ProviderClient client;

  Numbers(Route route) {
    this.route = route;
    this.client = route.client();
  }

  /**
   * The numbers the vendor offers for rent in {@code country} (ISO 3166 alpha-2, e.g. {@code JP}),
   * or everywhere when it is empty.
   */
  public List<NumberOffer> available(String country) {
    Checks.notNull(country, "country");
    route.require(Capability.NUMBER_MANAGEMENT);
    return client.numbers().available(country);
  }

  /** The numbers the account rents. */
  public List<NumberSubscription> subscriptions() {
    route.require(Capability.NUMBER_MANAGEMENT);
    return client.numbers().subscriptions();
  }

  /** Rents an offered number. Never retried: the vendor may charge for each subscription. */
  public NumberSubscription subscribe(String offerId) {
    Checks.vendorId(offerId, "offerId");
    route.require(Capability.NUMBER_MANAGEMENT);
    return client.numbers().subscribe(offerId);
  }

  /**
   * Sends a rented number's incoming calls to {@code url}, usually {@link
   * VoiceClient#incomingCallUrl()}.
   */
  public void route(String subscriptionId, URI url) {
    Checks.vendorId(subscriptionId, "subscriptionId");
    Checks.httpUrl(url, "url");
    route.require(Capability.NUMBER_MANAGEMENT);
    client.numbers().route(subscriptionId, url);
  }

  /** Gives a rented number back; its calls stop reaching the application. */
  public void unsubscribe(String subscriptionId) {
    Checks.vendorId(subscriptionId, "subscriptionId");
    route.require(Capability.NUMBER_MANAGEMENT);
    client.numbers().unsubscribe(subscriptionId);
  }
}
