package dev.switchboard.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code application/x-www-form-urlencoded} and query strings, UTF-8. */
public final class FormCodec {
  private FormCodec() {}

  /** Decodes {@code a=1&b=2&a=3}; a malformed escape is kept as written rather than failing. */
  public static Map<String, List<String>> decode(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    // Scanned rather than split: every webhook's query and form go through here.
    for (int start = 0; start < encoded.length(); ) {
      int end = encoded.indexOf('&', start);
      if (end < 0) {
        end = encoded.length();
      }
      if (end > start) {
        int eq = encoded.indexOf('=', start);
        if (eq > end) {
          eq = -1;
        }
        String name = decodePart(encoded.substring(start, eq < 0 ? end : eq));
        String value = eq < 0 ? "" : decodePart(encoded.substring(eq + 1, end));
        result.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
      }
      start = end + 1;
    }
    result.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(result);
  }

  /** A form-encoded name or value, decoded; as given when it is not valid percent-encoding. */
  public static String decodePart(String part) {
    if (part.indexOf('%') < 0 && part.indexOf('+') < 0) {
      return part; // nothing to decode, as in most names and signed references
    }
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return part;
    }
  }

  /** Encodes parameters in iteration order. */
  public static String encode(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(e -> encodePart(e.getKey()) + "=" + encodePart(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  public static String encodePart(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!unchanged(value.charAt(i))) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
      }
    }
    // Call references and ids mostly are: skip the encoder's copy.
    return value;
  }

  /** Whether the form encoding leaves {@code c} as it is. */
  private static boolean unchanged(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '-'
        || c == '*'
        || c == '_';
  }
}
