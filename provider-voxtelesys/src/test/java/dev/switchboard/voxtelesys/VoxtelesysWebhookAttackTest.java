package dev.switchboard.voxtelesys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Call;
import dev.switchboard.Switchboard;
import dev.switchboard.VoiceClient;
import dev.switchboard.VoiceException;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.ConferenceEvent;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.Gather;
import dev.switchboard.state.InMemoryCallbackBindings;
import dev.switchboard.testkit.CallbackDisguises;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.EventLog;
import dev.switchboard.testkit.LoopbackWebhooks;
import dev.switchboard.testkit.ManualClock;
import dev.switchboard.testkit.simulator.VoxtelesysSimulator;
import dev.switchboard.webhook.WebhookRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every signed Voxtelesys URL attacked over real loopback HTTP: the call, conference and
 * incoming-call URLs, with forged, missing and foreign ids, bodies of the wrong kind, after the
 * call ended, after a failed create, after the grace period, and replays in every disguise.
 */
class VoxtelesysWebhookAttackTest {
  private static final String KEY = "vox-attack-test-key";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration GRACE = Duration.ofMinutes(15);
  private static final String GATHER =
      "{\"type\":\"gather\",\"event\":\"complete_input\",\"call_id\":\"%s\","
          + "\"time\":\"2021-08-12T14:23:35Z\",\"complete_input\":\"1\",\"input_method\":\"dtmf\"}";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T10:00:00Z"));
  private final EventLog events = new EventLog();
  private VoxtelesysSimulator simulator;
  private LoopbackWebhooks webhooks;

  @BeforeEach
  void start() {
    simulator = new VoxtelesysSimulator(KEY);
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
            .provider(VoxtelesysProvider.ID)
            .callbackBindings(
                new InMemoryCallbackBindings(clock, GRACE, Duration.ofHours(24), WAIT))
            .onIncomingCall(call -> CallFlow.of(Gather.builder().say("Press 1.").build()))
            .onEvent(events),
        Map.of(
            VoxtelesysProvider.API_KEY,
            KEY,
            VoxtelesysProvider.BASE_URL,
            vendor.toString(),
            VoxtelesysProvider.POLL_INTERVAL_MS,
            "20",
            "switchboard.voxtelesys.timeout-ms",
            "2000"));
  }

  private VoiceClient connect() {
    return connect(simulator.baseUrl());
  }

  /** Places a call whose callee presses 1, and waits until the application has its end. */
  private Call placeAndFinish(VoiceClient client, CallFlow flow) {
    simulator.scriptNextCall(Callee.builder().presses("1").build());
    Call call = client.placeCall("+15550001111", "+15556667777", flow);
    simulator.awaitTranscript(call.id(), WAIT);
    events.awaitEnd(call.id(), WAIT);
    return call;
  }

  private CallbackDisguises.Answer post(WebhookRequest to, String contentType, String body) {
    return webhooks.forge(to, contentType, body);
  }

  private CallbackDisguises.Answer postJson(WebhookRequest to, String json) {
    return post(to, "application/json", json);
  }

  @Test
  @DisplayName(
      "A call's URL refuses another call's id, a made-up id, no id and bodies of another kind")
  void callUrlSpeaksForItsCallOnly() {
    VoiceClient client = connect();
    CallFlow flow = CallFlow.of(Gather.builder().say("Press a key.").build());
    Call a = placeAndFinish(client, flow);
    Call b = placeAndFinish(client, flow);
    WebhookRequest aCallback = webhooks.deliveredTo("/voxtelesys/callback", a.id());
    int before = events.size();

    assertThat(postJson(aCallback, GATHER.formatted(b.id())).status()).isEqualTo(403);
    assertThat(postJson(aCallback, GATHER.formatted("made-up-id")).status()).isEqualTo(403);
    assertThat(postJson(aCallback, GATHER.replace(",\"call_id\":\"%s\"", "")).status())
        .isEqualTo(403);
    assertThat(
            postJson(
                    aCallback,
                    "{\"type\":\"conference\",\"event\":\"start\",\"conference_id\":\"c-1\"}")
                .status())
        .isEqualTo(403);
    assertThat(
            postJson(
                    aCallback,
                    "{\"type\":\"api\",\"event\":\"incoming_call\",\"call_id\":\"" + a.id() + "\"}")
                .status())
        .isEqualTo(403);
    assertThat(post(aCallback, "application/json", "").status()).isEqualTo(400);
    assertThat(
            post(aCallback, "multipart/form-data; boundary=x", "--x\r\n\r\nhi\r\n--x--").status())
        .isEqualTo(400);
    assertThat(events.size()).isEqualTo(before);
  }

  @Test
  @DisplayName("After the grace period even the call's own callbacks are refused")
  void afterGrace() {
    VoiceClient client = connect();
    Call call = placeAndFinish(client, CallFlow.of(Gather.builder().say("Press a key.").build()));
    WebhookRequest callback = webhooks.deliveredTo("/voxtelesys/callback", call.id());
    int before = events.size();

    assertThat(webhooks.send(callback).status()).isEqualTo(200);
    clock.advance(GRACE.plusSeconds(1));
    assertThat(webhooks.send(callback).status()).isEqualTo(403);
    assertThat(postJson(callback, GATHER.formatted(call.id())).status()).isEqualTo(403);
    assertThat(events.size()).isEqualTo(before);
  }

  @Test
  @DisplayName("A conference's URL takes only that conference's events, bound by the first")
  void conferenceUrlSpeaksForItsConferenceOnly() {
    VoiceClient client = connect();
    Call call = placeAndFinish(client, CallFlow.of(Conference.builder("sales").build()));
    events.await(e -> e instanceof ConferenceEvent, WAIT);
    WebhookRequest conference = webhooks.deliveredTo("/voxtelesys/conference", "conference_id");
    String conferenceId =
        JsonMapper.builder()
            .build()
            .readTree(conference.bodyText())
            .get("conference_id")
            .asString();
    int before = events.size();

    assertThat(
            postJson(
                    conference,
                    "{\"type\":\"conference\",\"event\":\"dtmf\",\"conference_id\":\"other\"}")
                .status())
        .isEqualTo(403);
    assertThat(postJson(conference, "{\"type\":\"conference\",\"event\":\"dtmf\"}").status())
        .isEqualTo(403);
    assertThat(postJson(conference, GATHER.formatted(call.id())).status()).isEqualTo(403);
    assertThat(conferenceId).isNotBlank();
    assertThat(events.size()).isEqualTo(before);
  }

  @Test
  @DisplayName("The incoming-call URL takes only incoming calls")
  void incomingUrlTakesOnlyIncomingCalls() {
    VoiceClient client = connect();
    WebhookRequest incoming =
        WebhookRequest.builder().uri(client.incomingCallUrl().toString()).build();

    assertThat(postJson(incoming, GATHER.formatted("call-1")).status()).isEqualTo(403);
    assertThat(postJson(incoming, "{\"type\":\"api\",\"event\":\"incoming_call\"}").status())
        .isEqualTo(403);
    assertThat(events.size()).isZero();
  }

  @Test
  @DisplayName("The incoming-call URL refuses a call Switchboard already knows, placed or received")
  void incomingUrlRefusesKnownCalls() {
    VoiceClient client = connect();
    Call placed = placeAndFinish(client, CallFlow.of(Gather.builder().say("Press a key.").build()));
    WebhookRequest incoming =
        WebhookRequest.builder().uri(client.incomingCallUrl().toString()).build();
    String announce =
        "{\"type\":\"api\",\"event\":\"incoming_call\",\"call_id\":\"%s\","
            + "\"from\":\"15556668888\",\"to\":\"15556667777\"}";
    int before = events.size();

    CallbackDisguises.Answer answer = postJson(incoming, announce.formatted(placed.id()));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body()).doesNotContain("statusCallback");
    assertThat(events.size()).isEqualTo(before);
  }

  @Test
  @DisplayName("A callback whose time is spelt another way is still the same delivery")
  void timeSpeltAnotherWay() {
    VoiceClient client = connect();
    Call call = placeAndFinish(client, CallFlow.of(Gather.builder().say("Press a key.").build()));
    WebhookRequest callback = webhooks.deliveredTo("/voxtelesys/callback", call.id());
    String body = callback.bodyText();
    assertThat(body).contains("Z\"");
    int before = events.size();

    assertThat(postJson(callback, body.replace("Z\"", "+00:00\"")).status()).isEqualTo(200);
    assertThat(events.size()).isEqualTo(before);
  }

  /** A create the vendor answers {@code effect}: the URL it carried must speak for nothing. */
  private void forgeriesRefusedAfter(MockResponse answer) throws Exception {
    try (MockWebServer vendor = new MockWebServer()) {
      vendor.enqueue(answer);
      vendor.start();
      VoiceClient client = connect(vendor.url("/api/v1").uri());
      assertThatThrownBy(
              () ->
                  client.placeCall(
                      "+15550001111",
                      "+15556667777",
                      CallFlow.of(
                          Gather.builder().say("Press a key.").build(),
                          Conference.builder("sales").build())))
          .isInstanceOf(VoiceException.class);
      String voxXml =
          JsonMapper.builder()
              .build()
              .readTree(vendor.takeRequest().getBody().utf8())
              .get("voxXML")
              .asString();
      Matcher urls = Pattern.compile("statusCallback=\"([^\"]+)\"").matcher(voxXml);
      int found = 0;
      while (urls.find()) {
        found++;
        WebhookRequest signed =
            WebhookRequest.builder().uri(URI.create(urls.group(1).replace("&amp;", "&"))).build();
        for (String id : List.of("made-up-id", "call-1", "")) {
          assertThat(postJson(signed, GATHER.formatted(id)).status()).isEqualTo(403);
          assertThat(
                  postJson(
                          signed,
                          "{\"type\":\"conference\",\"event\":\"start\",\"conference_id\":\""
                              + id
                              + "\"}")
                      .status())
              .isEqualTo(403);
        }
      }
      assertThat(found).as(voxXml).isEqualTo(2);
      assertThat(events.size()).isZero();
    }
  }

  @ParameterizedTest(name = "answered {0}")
  @ValueSource(ints = {401, 422, 500, 503})
  @DisplayName("After a create answered with an error, its URLs speak for nothing")
  void afterFailedCreate(int status) throws Exception {
    forgeriesRefusedAfter(
        new MockResponse.Builder().code(status).body("{\"error\":{\"code\":1}}").build());
  }

  @Test
  @DisplayName("After a create whose answer never came, its URLs speak for nothing")
  void afterLostAnswer() throws Exception {
    forgeriesRefusedAfter(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
  }

  @Test
  @DisplayName("A callback re-sent ten times in every disguise reaches the application once")
  void disguisedReplaysOfCallbacks() {
    VoiceClient client = connect();
    Call call = placeAndFinish(client, CallFlow.of(Gather.builder().say("Press a key.").build()));
    WebhookRequest callback = webhooks.deliveredTo("/voxtelesys/callback", call.id());
    assertReachesOnce(callback, DigitsGathered.class);
  }

  @Test
  @DisplayName("An incoming call re-sent ten times in every disguise is answered and told once")
  void disguisedReplaysOfIncomingCalls() {
    VoiceClient client = connect();
    simulator.incomingCall(
        client.incomingCallUrl(),
        "15556668888",
        "15556667777",
        Callee.builder().presses("1").build());
    WebhookRequest incoming = webhooks.deliveredTo("/voxtelesys/incoming", "incoming_call");
    // Its end is learned by polling: wait for it, so that it is not taken for a replay's event.
    events.await(e -> e instanceof CallEnded, WAIT);
    assertReachesOnce(incoming, IncomingCall.class);
  }

  private void assertReachesOnce(WebhookRequest genuine, Class<? extends CallEvent> type) {
    assertThat(events.count(type)).isEqualTo(1);
    webhooks.assertNoReplayReaches(genuine, events);
    assertThat(events.count(type)).isEqualTo(1);
  }
}
