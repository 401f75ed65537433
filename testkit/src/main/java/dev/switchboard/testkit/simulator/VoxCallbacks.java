package dev.switchboard.testkit.simulator;

import java.net.URI;
import java.util.Set;

/**
 * Where a VoxXML verb asked for callbacks ({@code statusCallback}), how ({@code
 * statusCallbackMethod}) and for which events ({@code statusCallbackEvent} keywords, e.g. {@code
 * noConnect}, which the payload names {@code no_connect}).
 *
 * @param url where callbacks go; null when the verb asked for none
 * @param method {@code POST} (a JSON body) or {@code GET} (query parameters)
 * @param keywords the requested events, as the attribute names them
 */
record VoxCallbacks(URI url, String method, Set<String> keywords) {
  /** No callbacks. */
  static final VoxCallbacks NONE = new VoxCallbacks(null, "POST", Set.of());

  VoxCallbacks {
    keywords = Set.copyOf(keywords);
  }

  /** The callbacks a checked verb asks for. */
  static VoxCallbacks of(VoxXml.Verb verb) {
    String url = verb.attribute("statusCallback", "");
    if (url.isEmpty()) {
      return NONE;
    }
    return new VoxCallbacks(
        URI.create(url),
        verb.attribute("statusCallbackMethod", "POST"),
        VoxXml.keywordsOf(verb.attribute("statusCallbackEvent", "")));
  }

  /** True when the event with this keyword is to be sent. */
  boolean wants(String keyword) {
    return url != null && keywords.contains(keyword);
  }
}
