package dev.switchboard.xoxzo.internal;

import dev.switchboard.InvalidInputException;
import dev.switchboard.NumberOffer;
import dev.switchboard.NumberSubscription;
import dev.switchboard.PhoneNumber;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.spi.NumberOperations;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Xoxzo's DINs (rented numbers that take incoming calls) behind {@link
 * dev.switchboard.VoiceClient#numbers()}: {@code GET /voice/dins/} lists the offers, {@code
 * /voice/dins/subscriptions/} the rented ones, and a subscription's {@code action_url} is where
 * Xoxzo asks what to do with each call. A DIN's {@code din_uid} is both the offer's and the
 * subscription's id.
 */
final class XoxzoDins implements NumberOperations {
  private final XoxzoApi api;

  XoxzoDins(XoxzoApi api) {
    this.api = api;
  }

  @Override
  public List<NumberOffer> available(String country) {
    if (!country.isEmpty() && !country.matches("[A-Za-z]{2}")) {
      throw new InvalidInputException(
          "country",
          "must be an ISO 3166 alpha-2 code such as JP, or empty for every country, was '"
              + country
              + "'");
    }
    Map<String, String> query =
        country.isEmpty() ? Map.of() : Map.of("country", country.toUpperCase(Locale.ROOT));
    List<NumberOffer> offers = new ArrayList<>();
    for (JsonNode din : api.read(query, "voice", "dins")) {
      offers.add(
          new NumberOffer(
              required(din, "din_uid"),
              XoxzoApi.PROVIDER,
              number(din),
              XoxzoApi.text(din.path("country_code"))));
    }
    return offers;
  }

  @Override
  public List<NumberSubscription> subscriptions() {
    List<NumberSubscription> subscriptions = new ArrayList<>();
    for (JsonNode din : api.read("voice", "dins", "subscriptions")) {
      String url = XoxzoApi.text(din.path("action").path("url"));
      subscriptions.add(
          new NumberSubscription(
              required(din, "din_uid"),
              XoxzoApi.PROVIDER,
              number(din),
              url.isBlank() ? Optional.empty() : Optional.of(URI.create(url))));
    }
    return subscriptions;
  }

  /**
   * Rents the DIN, then reads the subscription back from the list: the document says what the list
   * holds but not what the 201 answer does.
   */
  @Override
  public NumberSubscription subscribe(String offerId) {
    api.create(Map.of("din_uid", offerId), "voice", "dins", "subscriptions");
    return subscriptions().stream()
        .filter(subscription -> subscription.id().equals(offerId))
        .findFirst()
        .orElseThrow(
            () ->
                new ProviderUnavailableException(
                    "Xoxzo took the subscription to DIN "
                        + offerId
                        + " but does not list it; it may exist",
                    XoxzoApi.PROVIDER,
                    null,
                    null));
  }

  @Override
  public void route(String subscriptionId, URI url) {
    api.update(
        Map.of("action_url", url.toString()), "voice", "dins", "subscriptions", subscriptionId);
  }

  @Override
  public void unsubscribe(String subscriptionId) {
    api.delete("voice", "dins", "subscriptions", subscriptionId);
  }

  private static String required(JsonNode din, String field) {
    String value = XoxzoApi.text(din.path(field));
    if (value.isBlank()) {
      throw unreadable(field);
    }
    return value;
  }

  private static PhoneNumber number(JsonNode din) {
    return XoxzoClient.number(required(din, "din")).orElseThrow(() -> unreadable("din"));
  }

  private static ProviderUnavailableException unreadable(String field) {
    return new ProviderUnavailableException(
        "Xoxzo listed a DIN without a readable " + field, XoxzoApi.PROVIDER, null, null);
  }
}
