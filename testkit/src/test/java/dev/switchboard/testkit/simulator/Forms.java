package dev.switchboard.testkit.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * URL-encoded form bodies for the simulator tests: fields in the order given, and their encoding.
 *
 * <p>Both the Hoiio and the Xoxzo APIs take forms, and their test supports each had a copy of these
 * two helpers; they live here once, under the names each vendor's tests already use.
 */
final class Forms {
  private Forms() {}

  /** Fields from alternating names and values, in the order given. */
  static Map<String, String> fields(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must pair up");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  /** The fields as an {@code application/x-www-form-urlencoded} body, in their order. */
  static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encodePart(e.getKey()) + "=" + encodePart(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encodePart(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
