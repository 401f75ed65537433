package dev.switchboard.testkit.simulator;

import dev.switchboard.WebhookServer;
import dev.switchboard.event.WebhookRequest;
import dev.switchboard.event.WebhookResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Helpers for the Xoxzo simulator's tests: a REST client and a recording application. */
final class XoxzoTestSupport {
  static final String SID = "test-sid";
  static final String TOKEN = "test-token";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Duration WAIT = Duration.ofSeconds(10);
  static final String CALLER = "+8190123456789";
  static final String RECIPIENT = "+818011234567";
  static final String MP3 = "http://www.mysite.com/audio/hello_world-1.mp3";
  static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

  private XoxzoTestSupport() {}

  /** Form fields in the order given: name, value, name, value, ... */
  static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  static String formBody(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static JsonNode body(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /** The simulator's REST API over real HTTP, as a provider would call it. */
  static final class Api {
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String authorization;

    /** A client sending {@code authorization} as the header, or none when null. */
    Api(URI base, String authorization) {
      this.base = base;
      this.authorization = authorization;
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
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(10))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
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
      HttpResponse<String> response = playback(form);
      if (response.statusCode() != 201) {
        throw new AssertionError(
            "playback answered " + response.statusCode() + ": " + response.body());
      }
      return body(response).get(0).get("callid").asString();
    }

    /** Places an MP3 playback to the default recipient. */
    String callMp3() {
      return call(fields("caller", CALLER, "recipient", RECIPIENT, "recording_url", MP3));
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

    JsonNode status(String callId) {
      return json("/voice/calls/" + callId + "/");
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

    /** The form fields of every request so far, in order, with all their names in order. */
    List<Map<String, List<String>>> forms() {
      List<Map<String, List<String>>> forms = new ArrayList<>();
      received.forEach(r -> forms.add(r.form()));
      return forms;
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
