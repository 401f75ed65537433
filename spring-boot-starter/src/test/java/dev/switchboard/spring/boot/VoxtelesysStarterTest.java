package dev.switchboard.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.VoiceClient;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.EventLog;
import dev.switchboard.testkit.ReferenceInterpreter;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.simulator.VoxtelesysSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The starter in a real application on its embedded Tomcat, called by the Voxtelesys simulator. */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class VoxtelesysStarterTest {
  private static final int PORT = FreePort.pick();
  private static final VoxtelesysSimulator VOX = new VoxtelesysSimulator("starter-key");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    VOX.start();
    registry.add("server.port", () -> PORT);
    registry.add("server.address", () -> "127.0.0.1");
    registry.add("switchboard.provider", () -> "voxtelesys");
    registry.add("switchboard.voxtelesys.api-key", () -> "starter-key");
    registry.add("switchboard.voxtelesys.base-url", () -> VOX.baseUrl().toString());
    registry.add("switchboard.webhook.base-url", () -> "http://127.0.0.1:" + PORT + "/switchboard");
    registry.add("switchboard.webhook.secret", () -> "starter-webhook-secret");
  }

  @AfterAll
  static void stopSimulator() {
    VOX.close();
  }

  @Autowired VoiceClient voice;
  @Autowired EventLog events;

  @Test
  @DisplayName(
      "An incoming call to the application's own port is answered with the flow of its bean, and"
          + " reaches its listener as a Spring event")
  void incomingCall() {
    Callee caller = Callee.builder().presses("1").build();
    Transcript heard =
        VOX.incomingCall(voice.incomingCallUrl(), "15556668888", "15556667777", caller);
    assertThat(heard).isEqualTo(ReferenceInterpreter.run(TestApplication.IVR, caller));
    assertThat(voice.incomingCallUrl().getPort()).isEqualTo(PORT);
    assertThat(events.count(IncomingCall.class)).isEqualTo(1);
  }
}
