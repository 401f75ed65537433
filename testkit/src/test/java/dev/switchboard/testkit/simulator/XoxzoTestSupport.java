package dev.switchboard.testkit.simulator;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Helpers for the Xoxzo simulator's tests: a REST client and a recording application, built on the
 * shared {@link SimulatorHttp}, {@link Forms} and {@link LoopbackApp} with what is Xoxzo's own
 * (Basic credentials, the playback and conference endpoints, callback forms).
 */
final class XoxzoTestSupport {
  static final String SID = "test-sid";
  static final String TOKEN = "test-token";
  static final JsonMapper JSON = SimulatorHttp.JSON;
  static final Duration WAIT = Duration.ofSeconds(10);
  static final String CALLER = "+8190123456789";
  static final String RECIPIENT = "+818011234567";
  static final String MP3 = "http://www.mysite.com/audio/hello_world-1.mp3";
  static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

  private XoxzoTestSupport() {}

  /** Form fields in the order given: name, value, name, value, ... */
  static Map<String, String> fields(String... namesAndValues) {
    return Forms.fields(namesAndValues);
  }

  static String formBody(Map<String, String> fields) {
    return Forms.encode(fields);
  }

  static JsonNode body(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /** The simulator's REST API over real HTTP, with HTTP Basic credentials. */
  static final class Api {
    private final SimulatorHttp http;

    /** A client sending {@code authorization} as the header, or none when null. */
    Api(URI base, String authorization) {
      this.http = new SimulatorHttp(base, authorization);
    }

    /** A client with the right credentials. */
    Api(VendorSimulator simulator) {
      this(simulator.baseUrl(), basic(SID, TOKEN));
    }

    static String basic(String user, String password) {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a form request; {@code form} null for no body. */
    HttpResponse<String> send(String method, String path, Map<String, String> form) {
      return form == null
          ? sendRaw(method, path, null, null)
          : sendRaw(method, path, "application/x-www-form-urlencoded", formBody(form));
    }

    /** Sends a request with any body; {@code body} null for none. */
    HttpResponse<String> sendRaw(String method, String path, String contentType, String body) {
      return http.send(method, path, contentType, body);
    }

    HttpResponse<String> get(String path) {
      return send("GET", path, null);
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
      return send("POST", path, form);
    }

    HttpResponse<String> playback(Map<String, String> form) {
      return post("/voice/simple/playbacks/", form);
    }

    HttpResponse<String> conference(Map<String, String> form) {
      return post("/voice/simple/conferences/", form);
    }

    /** Places a playback and returns its call id, failing unless 201. */
    String call(Map<String, String> form) {
      HttpResponse<String> response = SimulatorHttp.expect(201, "playback", playback(form));
      return body(response).get(0).get("callid").asString();
    }

    /** Places an MP3 playback to the default recipient. */
    String callMp3() {
      return call(fields("caller", CALLER, "recipient", RECIPIENT, "recording_url", MP3));
    }

    /** GET as JSON, failing unless 200. */
    JsonNode json(String path) {
      return http.json(path);
    }

    JsonNode status(String callId) {
      return json("/voice/calls/" + callId + "/");
    }
  }

  /** The {@link LoopbackApp} the Xoxzo tests use, which reads the callbacks' form bodies. */
  static final class App extends LoopbackApp {
    App() {
      super(4);
    }

    /** The form fields of every request so far, in order, with all their names in order. */
    List<Map<String, List<String>>> forms() {
      List<Map<String, List<String>>> forms = new ArrayList<>();
      received().forEach(r -> forms.add(r.form()));
      return forms;
    }
  }
}
