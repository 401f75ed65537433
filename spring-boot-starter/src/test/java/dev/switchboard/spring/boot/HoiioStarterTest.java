package dev.switchboard.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Call;
import dev.switchboard.VoiceClient;
import dev.switchboard.event.CallEnded;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.EventLog;
import dev.switchboard.testkit.ReferenceInterpreter;
import dev.switchboard.testkit.simulator.HoiioSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The starter placing Hoiio calls whose notifications arrive at the application's own port. */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = "management.endpoints.web.exposure.include=health,metrics")
@ExtendWith(OutputCaptureExtension.class)
class HoiioStarterTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int PORT = FreePort.pick();
  private static final String CANARY = "canary-token-4f1e2d";
  private static final HoiioSimulator HOIIO = new HoiioSimulator("starter-app", CANARY);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    HOIIO.start();
    registry.add("server.port", () -> PORT);
    registry.add("server.address", () -> "127.0.0.1");
    registry.add("switchboard.provider", () -> "hoiio");
    registry.add("switchboard.hoiio.app-id", () -> "starter-app");
    registry.add("switchboard.hoiio.access-token", () -> CANARY);
    registry.add("switchboard.hoiio.base-url", () -> HOIIO.baseUrl() + "/open/");
    registry.add("switchboard.webhook.base-url", () -> "http://127.0.0.1:" + PORT + "/hooks");
    registry.add("switchboard.webhook.secret", () -> "starter-webhook-secret");
  }

  @AfterAll
  static void stopSimulator() {
    HOIIO.close();
  }

  @Autowired VoiceClient voice;
  @Autowired EventLog events;

  @Test
  @DisplayName("A call placed through the auto-configured client runs end to end")
  void callEndToEnd() {
    Callee callee = Callee.builder().presses("1").build();
    HOIIO.scriptNextCall(callee);
    Call call = voice.placeCall("+6560000000", "+6561234567", TestApplication.IVR);
    assertThat(HOIIO.awaitTranscript(call.id(), WAIT))
        .isEqualTo(ReferenceInterpreter.run(TestApplication.IVR, callee));
    assertThat(events.awaitEnd(call.id(), WAIT)).isInstanceOf(CallEnded.class);
  }

  @Test
  @DisplayName("Forged webhooks to the application's port get 403 and no event")
  void forged() throws IOException {
    int before = events.size();
    String form = "ivr_block=dial&session=S-1&call_state=ended";
    assertThat(post("/hooks/hoiio/notify", form).status()).isEqualTo(403);
    assertThat(post("/hooks/hoiio/notify?sb_call=k.1&sb_sig=" + "0".repeat(64), form).status())
        .isEqualTo(403);
    assertThat(events.size()).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "The Actuator metrics move as a call runs, and no credential appears in any metric, tag or"
          + " log line")
  void metrics(CapturedOutput output) throws IOException {
    Callee callee = Callee.builder().presses("1").build();
    HOIIO.scriptNextCall(callee);
    Call call = voice.placeCall("+6560000000", "+6561234567", TestApplication.IVR);
    events.awaitEnd(call.id(), WAIT);
    Answer placed = get("/actuator/metrics/switchboard.call.place");
    Answer webhooks = get("/actuator/metrics/switchboard.webhook");
    Answer requests = get("/actuator/metrics/switchboard.vendor.request");
    Answer delivered = get("/actuator/metrics/switchboard.events");
    assertThat(placed.status()).isEqualTo(200);
    assertThat(placed.body()).contains("\"outcome\"", "placed", "hoiio");
    assertThat(webhooks.body()).contains("accepted", "/hoiio/notify");
    assertThat(requests.body()).contains("POST /open/ivr/start/dial", "2xx");
    assertThat(delivered.body()).contains("CallEnded", "DigitsGathered");
    String all =
        get("/actuator/metrics").body()
            + placed.body()
            + webhooks.body()
            + requests.body()
            + delivered.body()
            + get("/actuator/health").body()
            + output.getAll();
    assertThat(all).doesNotContain(CANARY).doesNotContain("+6561234567");
  }

  @Test
  @DisplayName("Health is up, names the provider, and no credential appears in it")
  void health() throws IOException {
    Answer health = get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain(CANARY);
  }

  private record Answer(int status, String body) {}

  private static Answer post(String path, String form) throws IOException {
    HttpURLConnection connection = open(path);
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
    try (OutputStream out = connection.getOutputStream()) {
      out.write(form.getBytes(StandardCharsets.UTF_8));
    }
    return read(connection);
  }

  private static Answer get(String path) throws IOException {
    return read(open(path));
  }

  private static HttpURLConnection open(String path) throws IOException {
    return (HttpURLConnection)
        URI.create("http://127.0.0.1:" + PORT + path).toURL().openConnection();
  }

  private static Answer read(HttpURLConnection connection) throws IOException {
    int status = connection.getResponseCode();
    InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    connection.disconnect();
    return new Answer(status, body);
  }
}
