package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator as a user in any language meets it: the command's jar started as a separate process,
 * driven with plain HTTP requests (what {@code curl} would send) in the vendor's own wire format
 * and over the control API, calling back a small HTTP server of the test's own.
 */
class EmulatorProcessTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path JAR = Path.of("..", "cli", "target", "switchboard.jar");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();
  private final BlockingQueue<String> callbacks = new LinkedBlockingQueue<>();
  private Process emulator;
  private HttpServer application;

  @AfterEach
  void stop() throws Exception {
    if (application != null) {
      application.stop(0);
    }
    if (emulator != null && emulator.isAlive()) {
      emulator.destroy();
      if (!emulator.waitFor(10, TimeUnit.SECONDS)) {
        emulator.destroyForcibly();
      }
    }
  }

  /** The next line of the emulator's output matching {@code pattern}; fails at the deadline. */
  private Matcher awaitLine(Pattern pattern) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertThat(line).as("emulator output matching %s; so far: %s", pattern, seen).isNotNull();
      seen.add(line);
      Matcher matcher = pattern.matcher(line);
      if (matcher.find()) {
        return matcher;
      }
    }
  }

  private HttpResponse<String> send(String method, URI uri, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(WAIT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  @Test
  @DisplayName(
      "A call placed in Voxtelesys's wire format calls back the test's server, its transcript is"
          + " read over the control API, and an incoming call reaches the test's server")
  void voxtelesysOverPlainHttp() throws Exception {
    assertThat(JAR).as("the command's jar, built by the cli module").isRegularFile();
    application = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    application.createContext(
        "/app",
        exchange -> {
          callbacks.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    application.createContext(
        "/incoming",
        exchange -> {
          byte[] voxXml = "<Response><Say>Welcome to the test.</Say></Response>".getBytes();
          exchange.getResponseHeaders().add("Content-Type", "text/xml");
          exchange.sendResponseHeaders(200, voxXml.length);
          exchange.getResponseBody().write(voxXml);
          exchange.close();
        });
    application.start();
    String callbackUrl = "http://127.0.0.1:" + application.getAddress().getPort() + "/app";

    int port = freePort();
    Path log = dir.resolve("emulator.jsonl");
    emulator =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "emulate",
                "--vendor",
                "voxtelesys",
                "--port",
                String.valueOf(port),
                "--log",
                log.toString())
            .redirectErrorStream(true)
            .start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
              } catch (IOException e) {
                lines.add("reading the output failed: " + e);
              }
            });
    reader.setDaemon(true);
    reader.start();
    String key = awaitLine(Pattern.compile("switchboard\\.voxtelesys\\.api-key=(\\S+)")).group(1);
    awaitLine(Pattern.compile("Emulating"));
    URI base = URI.create("http://127.0.0.1:" + port);

    HttpResponse<String> scripted =
        send("POST", base.resolve("/_switchboard/callees"), "{\"presses\": \"1\"}");
    assertThat(scripted.statusCode()).as(scripted.body()).isEqualTo(201);

    String voxXml =
        "<Response><Gather input='dtmf' numDigits='1' timeout='10'"
            + " statusCallbackEvent='fullResult' statusCallback='"
            + callbackUrl
            + "' statusCallbackMethod='POST'><Say>Press a key.</Say></Gather>"
            + "<Say>Goodbye.</Say></Response>";
    String create =
        JSON.createObjectNode()
            .put("to", "15556667777")
            .put("from", "15550001111")
            .put("voxXML", voxXml)
            .toString();
    HttpResponse<String> created =
        send(
            "POST",
            base.resolve("/calls"),
            create,
            "Authorization",
            "Bearer " + key,
            "Content-Type",
            "application/json");
    assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);
    String callId = JSON.readTree(created.body()).path("id").asString();

    String callback = callbacks.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(callback).as("the gather's callback at the test's server").contains("1");

    HttpResponse<String> transcript =
        send("GET", base.resolve("/_switchboard/transcripts/" + callId + "?wait=20"), null);
    assertThat(transcript.statusCode()).as(transcript.body()).isEqualTo(200);
    JsonNode observations = JSON.readTree(transcript.body()).path("observations");
    assertThat(observations.toString()).contains("Press a key.", "\"digits\":\"1\"", "Goodbye.");

    awaitLine(Pattern.compile("voxtelesys call " + Pattern.quote(callId) + " ended"));
    assertThat(Files.readAllLines(log))
        .anyMatch(line -> line.contains("\"type\":\"wire\"") && line.contains("/calls"))
        .anyMatch(line -> line.contains("\"type\":\"transcript\"") && line.contains(callId));

    String incoming =
        JSON.createObjectNode()
            .put("url", callbackUrl.replace("/app", "/incoming"))
            .put("from", "15556668888")
            .put("to", "15556667777")
            .toString();
    HttpResponse<String> answered = send("POST", base.resolve("/_switchboard/incoming"), incoming);
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    assertThat(answered.body()).contains("Welcome to the test.");

    assertThat(send("POST", base.resolve("/_switchboard/reset"), "").statusCode()).isEqualTo(204);
    assertThat(send("GET", base.resolve("/_switchboard/wire"), null).body()).isEqualTo("[]");
    assertThat(send("GET", base.resolve("/_switchboard/nothing"), null).statusCode())
        .isEqualTo(404);

    emulator.destroy();
    assertThat(emulator.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("stopped").isTrue();
  }
}
