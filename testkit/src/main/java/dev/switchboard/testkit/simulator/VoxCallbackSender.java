package dev.switchboard.testkit.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Voxtelesys simulator's outgoing HTTP: callbacks to the application (sent once, the vendor
 * does not retry) and VoxXML fetched for incoming calls and {@code Redirect}s. It goes through the
 * {@link VendorSimulator}, so every exchange lands in the wire log.
 */
final class VoxCallbackSender {
  /** 5107: could not reach URL. */
  static final int COULD_NOT_REACH_URL = 5107;

  /** 5108: bad mimetype in HTTP VoxXML. */
  private static final int BAD_MIMETYPE = 5108;

  private static final Set<String> VOXXML_TYPES =
      Set.of("text/xml", "application/xml", "text/plain");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final VendorSimulator http;

  /** Sends through {@code http}, the simulator whose wire log records the exchanges. */
  VoxCallbackSender(VendorSimulator http) {
    this.http = http;
  }

  /** A callback payload starting with its {@code type} and {@code event}. */
  ObjectNode payload(String type, String event) {
    return VoxJson.MAPPER.createObjectNode().put("type", type).put("event", event);
  }

  /** Now, to the second, as callbacks carry it. */
  String callbackTime() {
    return SECONDS.format(Instant.now());
  }

  /** Sends one callback: POST with a JSON body, or GET with the fields as query parameters. */
  void callback(VoxCallbacks target, ObjectNode payload) {
    if (target.method().equals("GET")) {
      StringBuilder query = new StringBuilder();
      for (Map.Entry<String, JsonNode> field : payload.properties()) {
        query
            .append(query.length() == 0 ? "" : "&")
            .append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(field.getValue().asString(), StandardCharsets.UTF_8));
      }
      String url = target.url().toString();
      String separator = target.url().getRawQuery() == null ? "?" : "&";
      http.sendCallback("GET", URI.create(url + separator + query), "", "");
    } else {
      http.sendCallback(
          "POST", target.url(), VoxJson.TYPE, VoxJson.MAPPER.writeValueAsString(payload));
    }
  }

  /** Fetches a call's Redirect; on failure records the error on the call and returns null. */
  List<VoxXml.Verb> fetchVoxXml(VoxCall call, String method, String url) {
    return fetchVoxXml(call::fail, VoxXml.Resource.CALL, method, URI.create(url), "", "");
  }

  /**
   * Fetches VoxXML: it must come with 200 and a VoxXML media type, and be a valid document.
   *
   * @return the document, or null after reporting 5107 (unreachable, not 200), 5108 (media type) or
   *     5105/5106 (the document) to {@code failure}
   */
  List<VoxXml.Verb> fetchVoxXml(
      BiConsumer<Integer, String> failure,
      VoxXml.Resource resource,
      String method,
      URI url,
      String contentType,
      String body) {
    HttpResponse<String> response;
    try {
      response = http.fetch(method, url, contentType, body);
    } catch (IOException e) {
      failure.accept(COULD_NOT_REACH_URL, "could not reach URL " + url + ": " + e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.accept(COULD_NOT_REACH_URL, "could not reach URL " + url + ": interrupted");
      return null;
    }
    if (response.statusCode() != 200) {
      failure.accept(
          COULD_NOT_REACH_URL, "could not reach URL " + url + ": HTTP " + response.statusCode());
      return null;
    }
    String type =
        response
            .headers()
            .firstValue("Content-Type")
            .map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
            .orElse("");
    if (!VOXXML_TYPES.contains(type)) {
      failure.accept(BAD_MIMETYPE, "bad mimetype in HTTP VoxXML: '" + type + "' from " + url);
      return null;
    }
    try {
      return VoxXml.parse(response.body(), resource);
    } catch (VoxXml.Invalid e) {
      failure.accept(e.code(), e.getMessage());
      return null;
    }
  }
}
