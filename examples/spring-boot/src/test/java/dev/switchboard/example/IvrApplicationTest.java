package dev.switchboard.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.VoiceClient;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.ReferenceInterpreter;
import dev.switchboard.testkit.simulator.VoxtelesysSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The example as it would run, its vendor the Voxtelesys simulator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IvrApplicationTest {
  private static final int PORT = freePort();
  private static final VoxtelesysSimulator VOX = new VoxtelesysSimulator("example-key");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    VOX.start();
    registry.add("server.port", () -> PORT);
    registry.add("server.address", () -> "127.0.0.1");
    registry.add("switchboard.voxtelesys.api-key", () -> "example-key");
    registry.add("switchboard.voxtelesys.base-url", () -> VOX.baseUrl().toString());
    registry.add("PUBLIC_URL", () -> "http://127.0.0.1:" + PORT);
    registry.add("WEBHOOK_SECRET", () -> "example-webhook-secret");
  }

  @AfterAll
  static void stopSimulator() {
    VOX.close();
  }

  @Autowired VoiceClient voice;

  @Test
  @DisplayName("A caller reaches the IVR and hears the opening hours after pressing 1")
  void ivr() {
    Callee caller = Callee.builder().presses("1").build();
    assertThat(VOX.incomingCall(voice.incomingCallUrl(), "15556668888", "15556667777", caller))
        .isEqualTo(ReferenceInterpreter.run(Ivr.MENU, caller));
  }

  @Test
  @DisplayName("POST /reminders places the reminder call, which runs to its end")
  void reminder() throws IOException {
    Callee callee = Callee.builder().presses("1").build();
    VOX.scriptNextCall(callee);
    HttpURLConnection post =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + PORT + "/reminders").toURL().openConnection();
    post.setRequestMethod("POST");
    post.setDoOutput(true);
    post.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = post.getOutputStream()) {
      out.write("{\"to\":\"+15556667777\"}".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(post.getResponseCode()).isEqualTo(202);
    String body;
    try (InputStream in = post.getInputStream()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String callId = body.replaceAll(".*\"callId\":\"([^\"]+)\".*", "$1");
    assertThat(VOX.awaitTranscript(callId, Duration.ofSeconds(30)))
        .isEqualTo(ReferenceInterpreter.run(Reminders.REMINDER, callee));
  }

  @Test
  @DisplayName("A reminder to a number that is not E.164 is a 400 naming the field, and no call")
  void invalidNumber() throws IOException {
    int before = VOX.requestCount();
    HttpURLConnection post =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + PORT + "/reminders").toURL().openConnection();
    post.setRequestMethod("POST");
    post.setDoOutput(true);
    post.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = post.getOutputStream()) {
      out.write("{\"to\":\"5556667777\"}".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(post.getResponseCode()).isEqualTo(400);
    try (InputStream in = post.getErrorStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("call.to");
    }
    assertThat(VOX.requestCount()).isEqualTo(before);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
