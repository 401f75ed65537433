package dev.switchboard.testkit.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Xoxzo simulator's DINs: numbers on offer, the ones the account rents, and the action URL of
 * each rented one. A DIN is rented at most once; a rented DIN is no longer on offer until it is
 * given back. Thread-safe.
 */
final class XoxzoDins {
  /** One DIN as {@code GET /voice/dins/} lists it. */
  private record Din(
      String uid,
      String number,
      String countryCode,
      String prefix,
      int minuteCost,
      int monthlyCost) {
    ObjectNode json(JsonMapper json) {
      return json.createObjectNode()
          .put("din", number)
          .put("din_uid", uid)
          .put("country_code", countryCode)
          .put("prefix", prefix)
          .put("minute_cost", minuteCost)
          .put("monthly_cost", monthlyCost);
    }
  }

  private final Map<String, Din> catalogue = new LinkedHashMap<>();

  /** Rented DINs by uid, with their action URL; empty until routed. */
  private final Map<String, Optional<String>> rented = new LinkedHashMap<>();

  XoxzoDins() {
    for (Din din :
        List.of(
            new Din("din-jp-03-0001", "+81312345670", "JP", "813", 3, 1000),
            new Din("din-jp-03-0002", "+81312345671", "JP", "813", 3, 1000),
            new Din("din-jp-06-0001", "+81612345670", "JP", "816", 3, 1000),
            new Din("din-us-646-0001", "+16465550100", "US", "1646", 2, 500))) {
      catalogue.put(din.uid(), din);
    }
  }

  /**
   * The DINs on offer, in {@code country} (ISO 3166 alpha-2, exactly) and whose number starts with
   * {@code prefix} (digits, without {@code +}), either null for any.
   */
  synchronized ArrayNode offered(JsonMapper json, String country, String prefix) {
    ArrayNode out = json.createArrayNode();
    for (Din din : catalogue.values()) {
      if (!rented.containsKey(din.uid())
          && (country == null || din.countryCode().equals(country))
          && (prefix == null || din.number().substring(1).startsWith(prefix))) {
        out.add(din.json(json));
      }
    }
    return out;
  }

  /** The rented DINs, each with {@code action.url} (null until routed). */
  synchronized ArrayNode subscriptions(JsonMapper json) {
    ArrayNode out = json.createArrayNode();
    rented.keySet().forEach(uid -> out.add(subscription(json, uid).orElseThrow()));
    return out;
  }

  /** Rents an offered DIN; why not, if it cannot be. */
  synchronized Optional<String> subscribe(String uid) {
    if (!catalogue.containsKey(uid)) {
      return Optional.of("No DIN with din_uid \"" + uid + "\" is on offer.");
    }
    if (rented.containsKey(uid)) {
      return Optional.of("This DIN is already subscribed.");
    }
    rented.put(uid, Optional.empty());
    return Optional.empty();
  }

  /** Sets a rented DIN's action URL; false when the DIN is not rented. */
  synchronized boolean route(String uid, String actionUrl) {
    if (!rented.containsKey(uid)) {
      return false;
    }
    rented.put(uid, Optional.of(actionUrl));
    return true;
  }

  /** Gives a rented DIN back; false when it is not rented. */
  synchronized boolean unsubscribe(String uid) {
    return rented.remove(uid) != null;
  }

  /**
   * The action URL of the rented DIN {@code number}.
   *
   * @throws IllegalArgumentException when no rented DIN has that number
   * @throws IllegalStateException when the DIN has no action URL yet
   */
  synchronized String actionUrl(String number) {
    String uid =
        rented.keySet().stream()
            .filter(id -> catalogue.get(id).number().equals(number))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no rented DIN has number " + number));
    return rented
        .get(uid)
        .orElseThrow(() -> new IllegalStateException("DIN " + number + " has no action URL"));
  }

  /** A rented DIN as the subscription list shows it; empty when it is not rented. */
  synchronized Optional<ObjectNode> subscription(JsonMapper json, String uid) {
    if (!rented.containsKey(uid)) {
      return Optional.empty();
    }
    ObjectNode out = catalogue.get(uid).json(json);
    ObjectNode action = out.putObject("action");
    rented.get(uid).ifPresentOrElse(url -> action.put("url", url), () -> action.putNull("url"));
    return Optional.of(out);
  }
}
