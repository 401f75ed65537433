package dev.switchboard.testkit.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulator's HTTP API over real HTTP, as a provider would call it: requests to paths below a
 * base URI, with an {@code Authorization} header or none, the answers read as text.
 *
 * <p>Every vendor's test client used to carry its own copy of this plumbing (timeouts, the header,
 * the checked exceptions, "fail unless the status is right"); it lives here once. A vendor's {@code
 * Api} keeps only what is its own: how its credentials are written, its body formats and its
 * endpoint helpers.
 */
final class SimulatorHttp {
  /** The JSON mapper the simulator tests read and write with. */
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String authorization;

  /**
   * A client for paths below {@code base}, sending {@code authorization} as is, or none if null.
   */
  SimulatorHttp(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** Sends a request to {@code base} plus {@code path}; {@code body} (UTF-8) null for none. */
  HttpResponse<String> send(String method, String path, String contentType, String body) {
    return send(
        method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends a request to {@code base} plus {@code path}; {@code contentType} null for no header,
   * {@code body} null for none.
   */
  HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET as JSON, failing unless 200. */
  JsonNode json(String path) {
    return JSON.readTree(expect(200, "GET " + path, send("GET", path, null, (byte[]) null)).body());
  }

  /**
   * {@code response}, failing with what {@code request} (e.g. {@code GET /calls}) was answered
   * unless its status is {@code status}.
   */
  static HttpResponse<String> expect(int status, String request, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          request + " answered " + response.statusCode() + ": " + response.body());
    }
    return response;
  }
}
