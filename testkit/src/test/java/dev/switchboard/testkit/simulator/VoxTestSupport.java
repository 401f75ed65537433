package dev.switchboard.testkit.simulator;

import dev.switchboard.webhook.WebhookRequest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Helpers for the Voxtelesys simulator's tests: a REST client and a recording application, built on
 * the shared {@link SimulatorHttp} and {@link LoopbackApp} with what is Voxtelesys's own (bearer
 * key, JSON bodies, the calls endpoints).
 */
final class VoxTestSupport {
  static final String KEY = "test-api-key";
  static final JsonMapper JSON = SimulatorHttp.JSON;

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

  /** The simulator's REST API over real HTTP, with the key as a bearer token. */
  static final class Api {
    private final SimulatorHttp http;

    /** A client sending {@code key} as the bearer token, or no credentials when null. */
    Api(URI base, String key) {
      this.http = new SimulatorHttp(base, key == null ? null : "Bearer " + key);
    }

    Api(VendorSimulator simulator) {
      this(simulator.baseUrl(), KEY);
    }

    /** Sends a request; {@code body} (JSON) null for none. */
    HttpResponse<String> send(String method, String path, String body) {
      return http.send(method, path, body == null ? null : "application/json", body);
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
      return http.json(path);
    }

    /** Creates a call and returns its id, failing unless 200. */
    String createCall(String voxXml) {
      HttpResponse<String> response =
          SimulatorHttp.expect(
              200, "create", post("/calls", createBody("15556667777", "15556668888", voxXml)));
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

  /** The {@link LoopbackApp} the Voxtelesys tests use, which reads the callbacks' JSON bodies. */
  static final class App extends LoopbackApp {
    App() {
      super(4);
    }

    /** The JSON bodies of the POSTs so far, in order. */
    List<JsonNode> bodies() {
      List<JsonNode> bodies = new ArrayList<>();
      for (WebhookRequest request : received()) {
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
  }
}
