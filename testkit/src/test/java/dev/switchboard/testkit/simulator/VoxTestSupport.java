package dev.switchboard.testkit.simulator;

import dev.switchboard.WebhookServer;
import dev.switchboard.event.WebhookRequest;
import dev.switchboard.event.WebhookResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Helpers for the Voxtelesys simulator's tests: a REST client and a recording application. */
final class VoxTestSupport {
  static final String KEY = "test-api-key";
  static final JsonMapper JSON = JsonMapper.builder().build();

  private VoxTestSupport() {}

  /** Writes a JSON string literal. */
  static String quote(String text) {
    return JSON.writeValueAsString(text);
  }

  /** A {@code {"voxXML": ...}} body. */
  static String voxBody(String voxXml) {
    return "{\"voxXML\":" + quote(voxXml) + "}";
  }

  /** A create-call body. */
  static String createBody(String to, String from, String voxXml) {
    return "{\"to\":"
        + quote(to)
        + ",\"from\":"
        + quote(from)
        + ",\"voxXML\":"
        + quote(voxXml)
        + "}";
  }

  /** The simulator's REST API over real HTTP, as a provider would call it. */
  static final class Api {
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String key;

    Api(URI base, String key) {
      this.base = base;
      this.key = key;
    }

    Api(VendorSimulator simulator) {
      this(simulator.baseUrl(), KEY);
    }

    /** Sends a request; {@code body} null for none. */
    HttpResponse<String> send(String method, String path, String body) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(10))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      if (key != null) {
        request.header("Authorization", "Bearer " + key);
      }
      if (body != null) {
        request.header("Content-Type", "application/json");
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

    HttpResponse<String> get(String path) {
      return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String body) {
      return send("POST", path, body);
    }

    HttpResponse<String> delete(String path) {
      return send("DELETE", path, null);
    }

    /** GET as JSON, failing unless 200. */
    JsonNode json(String path) {
      HttpResponse<String> response = get(path);
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "GET " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    }

    /** Creates a call and returns its id, failing unless 200. */
    String createCall(String voxXml) {
      HttpResponse<String> response =
          post("/calls", createBody("15556667777", "15556668888", voxXml));
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "create answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body()).get("id").asString();
    }

    /** The call's row in the calls list (first page of 100). */
    JsonNode call(String id) {
      for (JsonNode row : json("/calls?page_size=100").get("results")) {
        if (row.get("id").asString().equals(id)) {
          return row;
        }
      }
      throw new AssertionError("call " + id + " is not listed");
    }
  }

  /**
   * An application on loopback that records every request it gets and answers with {@code reaction}
   * (200 with an empty body by default).
   */
  static final class App implements AutoCloseable {
    private final List<WebhookRequest> received = new CopyOnWriteArrayList<>();
    private volatile Function<WebhookRequest, WebhookResponse> reaction = r -> WebhookResponse.ok();
    private final WebhookServer server;

    App() {
      try {
        server =
            WebhookServer.start(
                request -> {
                  received.add(request);
                  return reaction.apply(request);
                },
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                4);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** What the application answers from now on. */
    App reacting(Function<WebhookRequest, WebhookResponse> reaction) {
      this.reaction = reaction;
      return this;
    }

    /** An absolute URL on this application. */
    String url(String path) {
      return server.localUrl() + path;
    }

    /** Every request so far, in order of arrival. */
    List<WebhookRequest> received() {
      return List.copyOf(received);
    }

    /** The JSON bodies of the POSTs so far, in order. */
    List<JsonNode> bodies() {
      List<JsonNode> bodies = new ArrayList<>();
      for (WebhookRequest request : received) {
        if (request.method().equals("POST")) {
          bodies.add(JSON.readTree(request.bodyText()));
        }
      }
      return bodies;
    }

    /** The JSON bodies whose {@code event} matches. */
    List<JsonNode> bodies(Predicate<JsonNode> filter) {
      return bodies().stream().filter(filter).toList();
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
