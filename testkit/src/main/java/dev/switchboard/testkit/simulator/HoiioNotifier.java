package dev.switchboard.testkit.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The Hoiio simulator's notifications to the application: each a POST with its fields both appended
 * to the notify URL's query string, as Hoiio's page on notifications says, and in a form body,
 * which is where Hoiio's own SDKs (PHP, .NET) and IVR samples read them; sent once (Hoiio does not
 * resend). It goes through the {@link VendorSimulator}, so every exchange lands in the wire log.
 */
final class HoiioNotifier {
  private final VendorSimulator http;

  /** Sends through {@code http}, the simulator whose wire log records the exchanges. */
  HoiioNotifier(VendorSimulator http) {
    this.http = http;
  }

  /** Sends a notification once: a POST with the fields in the URL's query string and the body. */
  void notify(URI url, Map<String, String> fields) {
    StringBuilder query = new StringBuilder();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      query
          .append(query.length() == 0 ? "" : "&")
          .append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
    }
    // The fragment is not sent; the fields go before it, joined to any query the URL already has.
    String base = url.toString();
    int fragment = base.indexOf('#');
    if (fragment >= 0) {
      base = base.substring(0, fragment);
    }
    String separator;
    if (url.getRawQuery() == null) {
      separator = base.endsWith("?") ? "" : "?";
    } else {
      separator = base.endsWith("&") || base.endsWith("?") ? "" : "&";
    }
    http.sendCallback(
        "POST",
        URI.create(base + separator + query),
        "application/x-www-form-urlencoded",
        query.toString());
  }
}
