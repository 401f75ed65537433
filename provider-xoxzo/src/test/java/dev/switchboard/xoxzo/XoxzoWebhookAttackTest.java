package dev.switchboard.xoxzo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Call;
import dev.switchboard.Switchboard;
import dev.switchboard.VoiceClient;
import dev.switchboard.VoiceException;
import dev.switchboard.event.CallEnded;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Play;
import dev.switchboard.state.InMemoryCallbackBindings;
import dev.switchboard.testkit.EventLog;
import dev.switchboard.testkit.LoopbackWebhooks;
import dev.switchboard.testkit.ManualClock;
import dev.switchboard.testkit.simulator.XoxzoSimulator;
import dev.switchboard.webhook.WebhookRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signed Xoxzo end-of-call URL attacked over real loopback HTTP: another call's id, a made-up
 * one or none, after the call ended, after a failed create, after the grace period, and replays in
 * every disguise.
 */
class XoxzoWebhookAttackTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration GRACE = Duration.ofMinutes(15);
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final CallFlow FLOW = CallFlow.of(Play.of("http://www.mysite.com/123.mp3"));

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T10:00:00Z"));
  private final EventLog events = new EventLog();
  private XoxzoSimulator simulator;
  private LoopbackWebhooks webhooks;

  @BeforeEach
  void start() {
    simulator = new XoxzoSimulator(XoxzoConformanceTest.SID, XoxzoConformanceTest.TOKEN);
    simulator.start();
    webhooks = LoopbackWebhooks.start();
  }

  @AfterEach
  void stop() {
    webhooks.close();
    simulator.close();
  }

  private VoiceClient connect(URI vendor) {
    return webhooks.connect(
        Switchboard.builder()
            .provider(XoxzoProvider.ID)
            .callbackBindings(
                new InMemoryCallbackBindings(clock, GRACE, Duration.ofHours(24), WAIT))
            .onEvent(events),
        Map.of(
            XoxzoProvider.SID,
            XoxzoConformanceTest.SID,
            XoxzoProvider.AUTH_TOKEN,
            XoxzoConformanceTest.TOKEN,
            XoxzoProvider.BASE_URL,
            vendor.toString()));
  }

  private Call placeAndFinish(VoiceClient client) {
    Call call = client.placeCall("+818012345678", "+818011112222", FLOW);
    simulator.awaitTranscript(call.id(), WAIT);
    events.awaitEnd(call.id(), WAIT);
    return call;
  }

  private int forge(WebhookRequest to, String form) {
    return webhooks.forge(to, FORM, form).status();
  }

  @Test
  @DisplayName("A call's callback URL refuses another call's id, a made-up one and none")
  void callbackUrlSpeaksForItsCallOnly() {
    VoiceClient client = connect(simulator.baseUrl());
    Call a = placeAndFinish(client);
    Call b = placeAndFinish(client);
    WebhookRequest aCallback = webhooks.deliveredTo("/xoxzo/callback", "callid=" + a.id());
    int before = events.size();

    for (String callId : List.of(b.id(), "made-up-id")) {
      assertThat(forge(aCallback, "status=ANSWERED&callid=" + callId)).isEqualTo(403);
    }
    assertThat(forge(aCallback, "status=ANSWERED")).isEqualTo(403);
    assertThat(forge(aCallback, "status=ANSWERED&callid=")).isEqualTo(403);
    assertThat(events.size()).isEqualTo(before);
  }

  @Test
  @DisplayName("After the grace period even the call's own callback is refused")
  void afterGrace() {
    VoiceClient client = connect(simulator.baseUrl());
    Call call = placeAndFinish(client);
    WebhookRequest callback = webhooks.deliveredTo("/xoxzo/callback", "callid=" + call.id());
    int before = events.size();

    assertThat(webhooks.send(callback).status()).isEqualTo(200);
    clock.advance(GRACE.plusSeconds(1));
    assertThat(webhooks.send(callback).status()).isEqualTo(403);
    assertThat(events.size()).isEqualTo(before);
  }

  private void forgeriesRefusedAfter(MockResponse answer) throws Exception {
    try (MockWebServer vendor = new MockWebServer()) {
      vendor.enqueue(answer);
      vendor.start();
      VoiceClient client = connect(vendor.url("/").uri());
      assertThatThrownBy(() -> client.placeCall("+818012345678", "+818011112222", FLOW))
          .isInstanceOf(VoiceException.class);
      String callbackUrl = field(vendor.takeRequest().getBody().utf8(), "callbackurl");
      WebhookRequest signed = WebhookRequest.builder().uri(URI.create(callbackUrl)).build();
      for (String callId : List.of("made-up-id", "call-1", "")) {
        assertThat(forge(signed, "status=ANSWERED&callid=" + callId)).isEqualTo(403);
      }
      assertThat(events.size()).isZero();
    }
  }

  private static String field(String form, String name) {
    for (String pair : form.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name)) {
        return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + form);
  }

  @ParameterizedTest(name = "answered {0}")
  @ValueSource(ints = {400, 401, 500, 503})
  @DisplayName("After a create answered with an error, its callback URL speaks for nothing")
  void afterFailedCreate(int status) throws Exception {
    forgeriesRefusedAfter(
        new MockResponse.Builder().code(status).body("{\"detail\":\"no\"}").build());
  }

  @Test
  @DisplayName("After a create answered 201 without a call id, its callback URL speaks for nothing")
  void afterCreateWithoutId() throws Exception {
    forgeriesRefusedAfter(new MockResponse.Builder().code(201).body("[{}]").build());
  }

  @Test
  @DisplayName("After a create whose answer never came, its callback URL speaks for nothing")
  void afterLostAnswer() throws Exception {
    forgeriesRefusedAfter(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
  }

  @Test
  @DisplayName("The end of a call re-sent ten times in every disguise reaches the application once")
  void disguisedReplays() {
    VoiceClient client = connect(simulator.baseUrl());
    Call call = placeAndFinish(client);
    WebhookRequest callback = webhooks.deliveredTo("/xoxzo/callback", "callid=" + call.id());

    webhooks.assertNoReplayReaches(callback, events);
    assertThat(events.events()).singleElement().isInstanceOf(CallEnded.class);
  }
}
