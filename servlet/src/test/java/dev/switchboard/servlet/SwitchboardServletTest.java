package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Call;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Say;
import dev.switchboard.hoiio.HoiioProvider;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.EventLog;
import dev.switchboard.testkit.ReferenceInterpreter;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.simulator.HoiioSimulator;
import dev.switchboard.testkit.simulator.VoxtelesysSimulator;
import dev.switchboard.voxtelesys.VoxtelesysProvider;
import dev.switchboard.webhook.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The servlet in a real Tomcat, over real HTTP, with no Spring: vendors' callbacks on its port. */
class SwitchboardServletTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SECRET = "servlet-test-webhook-secret";
  private static final CallFlow MENU =
      CallFlow.of(
          Say.of("Thanks for calling."),
          Gather.builder().say("Press 1.").branch("1", Say.of("One.")).build());

  private final EventLog events = new EventLog();
  private final AtomicReference<VoiceClient> client = new AtomicReference<>();
  private EmbeddedTomcat tomcat;
  private AutoCloseable simulator;

  /** Tomcat at {@code /app}, the servlet at {@code /hooks/*}, before the client exists. */
  private URI startTomcat() {
    tomcat =
        new EmbeddedTomcat(
            "/app",
            "/hooks/*",
            new SwitchboardServlet(
                request ->
                    client.get() == null
                        ? WebhookResponse.unavailable()
                        : client.get().handleWebhook(request).response()));
    return URI.create(tomcat.url() + "/hooks");
  }

  private VoiceClient connect(VoiceProvider provider, Map<String, String> keys, URI hooks) {
    Map<String, String> config = new HashMap<>(keys);
    config.put(SwitchboardConfig.WEBHOOK_BASE_URL, hooks.toString());
    config.put(SwitchboardConfig.WEBHOOK_SECRET, SECRET);
    VoiceClient voice =
        Switchboard.builder()
            .provider(provider)
            .config(SwitchboardConfig.of(config))
            .onIncomingCall(call -> MENU)
            .onEvent(events)
            .build();
    client.set(voice);
    return voice;
  }

  @AfterEach
  void stop() throws Exception {
    if (client.get() != null) {
      client.get().close();
    }
    tomcat.close();
    simulator.close();
  }

  @Test
  @DisplayName(
      "An incoming Voxtelesys call to the application's own port is answered with its flow")
  void incomingVoxtelesysCall() {
    VoxtelesysSimulator vox = new VoxtelesysSimulator("servlet-key");
    simulator = vox;
    vox.start();
    URI hooks = startTomcat();
    VoiceClient voice =
        connect(
            new VoxtelesysProvider(),
            Map.of(
                VoxtelesysProvider.API_KEY,
                "servlet-key",
                VoxtelesysProvider.BASE_URL,
                vox.baseUrl().toString()),
            hooks);
    Callee caller = Callee.builder().presses("1").build();
    Transcript heard =
        vox.incomingCall(voice.incomingCallUrl(), "15556668888", "15556667777", caller);
    assertThat(heard).isEqualTo(ReferenceInterpreter.run(MENU, caller));
    assertThat(events.count(IncomingCall.class)).isEqualTo(1);
  }

  @Test
  @DisplayName("A Hoiio call runs end to end with every notification arriving at the servlet")
  void hoiioCall() {
    HoiioSimulator hoiio = new HoiioSimulator("servlet-app", "servlet-token");
    simulator = hoiio;
    hoiio.start();
    URI hooks = startTomcat();
    VoiceClient voice =
        connect(
            new HoiioProvider(),
            Map.of(
                HoiioProvider.APP_ID, "servlet-app",
                HoiioProvider.ACCESS_TOKEN, "servlet-token",
                HoiioProvider.BASE_URL, hoiio.baseUrl() + "/open/"),
            hooks);
    Callee callee = Callee.builder().presses("1").build();
    hoiio.scriptNextCall(callee);
    Call call = voice.placeCall("+6560000000", "+6561234567", MENU);
    assertThat(hoiio.awaitTranscript(call.id(), WAIT))
        .isEqualTo(ReferenceInterpreter.run(MENU, callee));
    events.awaitEnd(call.id(), WAIT);
    assertThat(events.count(CallEnded.class)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "Forged callbacks get 403 and no event; an oversized body 413; nothing answers with a stack"
          + " trace")
  void refusals() throws IOException {
    HoiioSimulator hoiio = new HoiioSimulator("servlet-app", "servlet-token");
    simulator = hoiio;
    hoiio.start();
    URI hooks = startTomcat();
    connect(
        new HoiioProvider(),
        Map.of(
            HoiioProvider.APP_ID, "servlet-app",
            HoiioProvider.ACCESS_TOKEN, "servlet-token",
            HoiioProvider.BASE_URL, hoiio.baseUrl() + "/open/"),
        hooks);
    String form = "ivr_block=dial&session=S-1&call_state=ended&dial_status=answered";
    Answer unsigned = post(URI.create(hooks + "/hoiio/notify"), form);
    Answer forged =
        post(URI.create(hooks + "/hoiio/notify?sb_call=k.1&sb_sig=" + "0".repeat(64)), form);
    Answer huge = post(URI.create(hooks + "/hoiio/notify"), "x=" + "a".repeat(1 << 20));
    assertThat(unsigned.status()).isEqualTo(403);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(unsigned.body() + forged.body() + huge.body())
        .doesNotContain("Exception", "at dev.", "at org.");
    assertThat(events.events()).isEmpty();
  }

  private record Answer(int status, String body) {}

  private static Answer post(URI url, String form) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
    try (OutputStream out = connection.getOutputStream()) {
      out.write(form.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The server may answer 413 and close before the whole body is sent; its answer is read.
    }
    int status = connection.getResponseCode();
    InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    connection.disconnect();
    return new Answer(status, body);
  }
}
