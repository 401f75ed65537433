package dev.switchboard.testkit;

import dev.switchboard.webhook.WebhookRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A callback a vendor delivered, re-sent the ways an attacker or a confused proxy would: with an
 * extra query parameter, a re-encoded path, without the base URL's prefix, with an extra form field
 * or JSON member, with its JSON members reordered, or with another HTTP method. However it is
 * re-sent, a delivery must reach the application at most once, and a request a vendor would never
 * send must be refused.
 */
public final class CallbackDisguises {
  /** Every method a replay may try; a provider's endpoint allows only its vendor's. */
  public static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD", "FOO");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private CallbackDisguises() {}

  /**
   * One way of re-sending a delivered callback.
   *
   * @param name what was changed, for failure messages
   * @param request the request to send
   */
  public record Disguise(String name, WebhookRequest request) {}

  /**
   * The disguises of {@code delivered}, a request as the server received it (path and query,
   * headers, body), for a webhook base URL whose path is {@code basePath} (e.g. {@code /hooks}).
   */
  public static List<Disguise> of(WebhookRequest delivered, String basePath) {
    String path = delivered.uri().getRawPath();
    String query = delivered.uri().getRawQuery();
    List<Disguise> out = new ArrayList<>();
    out.add(new Disguise("as delivered", delivered));
    out.add(
        new Disguise(
            "with an extra query parameter", copy(delivered, path, query + "&sb_extra=1")));
    out.add(
        new Disguise(
            "with a repeated vendor parameter", copy(delivered, path, "x=1&" + query + "&x=2")));
    out.add(new Disguise("with a percent-encoded path", copy(delivered, encodeOne(path), query)));
    if (!basePath.isEmpty() && path.startsWith(basePath + "/")) {
      out.add(
          new Disguise(
              "without the base prefix",
              copy(delivered, path.substring(basePath.length()), query)));
    }
    if (delivered.contentType().orElse("").equals("application/x-www-form-urlencoded")) {
      String body = delivered.bodyText();
      out.add(
          new Disguise(
              "with an extra form field",
              WebhookRequest.builder()
                  .method(delivered.method())
                  .uri(delivered.uri())
                  .body(
                      "application/x-www-form-urlencoded",
                      body.isEmpty() ? "sb_extra=1" : body + "&sb_extra=1")
                  .build()));
    }
    if (delivered.contentType().orElse("").endsWith("json")) {
      jsonDisguises(delivered).forEach(out::add);
    }
    for (String method : METHODS) {
      if (!method.equals(delivered.method())) {
        out.add(
            new Disguise(
                "with method " + method,
                WebhookRequest.builder()
                    .method(method)
                    .uri(delivered.uri())
                    .headers(delivered.headers())
                    .body(delivered.body())
                    .build()));
      }
    }
    return out;
  }

  /** A JSON object body with a member added, and with its members in reverse order. */
  private static List<Disguise> jsonDisguises(WebhookRequest delivered) {
    JsonNode body;
    try {
      body = JSON.readTree(delivered.bodyText());
    } catch (JacksonException e) {
      return List.of();
    }
    if (!(body instanceof ObjectNode object)) {
      return List.of();
    }
    ObjectNode extra = object.deepCopy().put("sb_extra", 1);
    ObjectNode reversed = JSON.createObjectNode();
    List<String> names = new ArrayList<>(object.propertyNames());
    Collections.reverse(names);
    names.forEach(name -> reversed.set(name, object.get(name)));
    return List.of(
        new Disguise("with an extra JSON member", withBody(delivered, extra.toString())),
        new Disguise("with its JSON members reordered", withBody(delivered, reversed.toString())));
  }

  private static WebhookRequest withBody(WebhookRequest delivered, String json) {
    return WebhookRequest.builder()
        .method(delivered.method())
        .uri(delivered.uri())
        .body(delivered.header("Content-Type").orElse("application/json"), json)
        .build();
  }

  private static WebhookRequest copy(WebhookRequest delivered, String path, String query) {
    return WebhookRequest.builder()
        .method(delivered.method())
        .uri(path + (query == null ? "" : "?" + query))
        .headers(delivered.headers())
        .body(delivered.body())
        .build();
  }

  /** The path with its last letter written as a percent escape, which decodes to the same path. */
  private static String encodeOne(String path) {
    for (int i = path.length() - 1; i >= 0; i--) {
      char c = path.charAt(i);
      if (Character.isLetter(c)) {
        return path.substring(0, i)
            + String.format(Locale.ROOT, "%%%02X", (int) c)
            + path.substring(i + 1);
      }
    }
    return path;
  }

  /**
   * What a server answered.
   *
   * @param status the HTTP status
   * @param body the body, as text
   * @param allow the {@code Allow} header, empty when absent
   */
  public record Answer(int status, String body, String allow) {}

  /**
   * Sends {@code request} over HTTP/1.1 to the server at {@code server} (scheme, host and port),
   * with its method, path, query, content type and body.
   */
  public static Answer send(URI server, WebhookRequest request) {
    HttpRequest.Builder http =
        HttpRequest.newBuilder(server.resolve(request.uri().getRawPath() + query(request)))
            .timeout(Duration.ofSeconds(10))
            .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.header("Content-Type").ifPresent(type -> http.header("Content-Type", type));
    try {
      HttpResponse<String> response =
          HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Allow").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException("could not send " + request, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending " + request, e);
    }
  }

  private static String query(WebhookRequest request) {
    String query = request.uri().getRawQuery();
    return query == null ? "" : "?" + query;
  }
}
