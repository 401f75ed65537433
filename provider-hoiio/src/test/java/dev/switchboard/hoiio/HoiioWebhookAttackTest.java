package dev.switchboard.hoiio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Call;
import dev.switchboard.Switchboard;
import dev.switchboard.VoiceClient;
import dev.switchboard.VoiceException;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.event.RecordingReady;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.RecordCall;
import dev.switchboard.flow.Say;
import dev.switchboard.state.InMemoryCallbackBindings;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.EventLog;
import dev.switchboard.testkit.LoopbackWebhooks;
import dev.switchboard.testkit.ManualClock;
import dev.switchboard.testkit.simulator.HoiioSimulator;
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

/**
 * Every signed Hoiio URL attacked over real loopback HTTP: the block notify URLs, the monitor-file
 * URL and the incoming-call URL, with another session, a made-up one or none, after the call ended,
 * after a failed Dial, after the grace period, and replays in every disguise.
 */
class HoiioWebhookAttackTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration GRACE = Duration.ofMinutes(15);
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String FROM = "+6560000000";
  private static final String TO = "+6561234567";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T10:00:00Z"));
  private final EventLog events = new EventLog();
  private HoiioSimulator simulator;
  private LoopbackWebhooks webhooks;

  @BeforeEach
  void start() {
    simulator = new HoiioSimulator(HoiioConformanceTest.APP, HoiioConformanceTest.TOKEN);
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
            .provider(HoiioProvider.ID)
            .callbackBindings(
                new InMemoryCallbackBindings(clock, GRACE, Duration.ofHours(24), WAIT))
            .onIncomingCall(call -> CallFlow.of(Gather.builder().say("Press 1.").build()))
            .onEvent(events),
        Map.of(
            HoiioProvider.APP_ID,
            HoiioConformanceTest.APP,
            HoiioProvider.ACCESS_TOKEN,
            HoiioConformanceTest.TOKEN,
            HoiioProvider.BASE_URL,
            vendor.toString()));
  }

  private VoiceClient connect() {
    return connect(URI.create(simulator.baseUrl() + "/open/"));
  }

  private Call placeAndFinish(VoiceClient client, CallFlow flow) {
    simulator.scriptNextCall(Callee.builder().presses("1").build());
    Call call = client.placeCall(FROM, TO, flow);
    simulator.awaitTranscript(call.id(), WAIT);
    events.awaitEnd(call.id(), WAIT);
    return call;
  }

  private int forge(WebhookRequest to, String form) {
    return webhooks.forge(to, FORM, form).status();
  }

  private static final CallFlow GATHER = CallFlow.of(Gather.builder().say("Press a key.").build());

  @Test
  @DisplayName("A notify URL refuses another call's session, a made-up one and none")
  void notifyUrlSpeaksForItsCallOnly() {
    VoiceClient client = connect();
    Call a = placeAndFinish(client, GATHER);
    Call b = placeAndFinish(client, GATHER);
    WebhookRequest aNotify = webhooks.deliveredTo("/hoiio/notify", "session=" + a.id());
    int before = events.size();

    for (String session : List.of(b.id(), "S-made-up")) {
      assertThat(forge(aNotify, "ivr_block=gather&call_state=ongoing&digits=9&session=" + session))
          .isEqualTo(403);
      assertThat(forge(aNotify, "call_state=ended&dial_status=answered&session=" + session))
          .isEqualTo(403);
    }
    assertThat(forge(aNotify, "ivr_block=gather&call_state=ongoing&digits=9")).isEqualTo(403);
    assertThat(events.size()).isEqualTo(before);
  }

  @Test
  @DisplayName("The monitor-file URL refuses other sessions, and reports the call's file once")
  void monitorUrlSpeaksForItsCallOnly() {
    VoiceClient client = connect();
    Call a = placeAndFinish(client, CallFlow.of(RecordCall.after(), Say.of("Recorded.")));
    Call b = placeAndFinish(client, GATHER);
    events.await(e -> e instanceof RecordingReady, WAIT);
    WebhookRequest monitor = webhooks.deliveredTo("/hoiio/monitor", "session=" + a.id());
    int before = events.size();

    for (String session : List.of(b.id(), "S-made-up", "")) {
      assertThat(
              forge(
                  monitor,
                  "monitor_status=success&monitor_url=http://evil.example/x.mp3&session="
                      + session))
          .isEqualTo(403);
    }
    webhooks.assertNoReplayReaches(monitor, events);
    assertThat(events.size()).isEqualTo(before);
    assertThat(events.count(RecordingReady.class)).isEqualTo(1);
  }

  @Test
  @DisplayName("The incoming-call URL refuses a notification that names no session")
  void incomingUrlNeedsASession() {
    VoiceClient client = connect();
    WebhookRequest incoming =
        WebhookRequest.builder().uri(client.incomingCallUrl().toString()).build();

    assertThat(forge(incoming, "ivr_block=answer&call_state=ringing&from=%2B6561234567"))
        .isEqualTo(403);
    assertThat(events.size()).isZero();
  }

  @Test
  @DisplayName("The incoming-call URL refuses a session already known, and touches no call")
  void incomingUrlRefusesKnownSessions() {
    VoiceClient client = connect();
    Call placed = placeAndFinish(client, GATHER);
    WebhookRequest incoming =
        WebhookRequest.builder().uri(client.incomingCallUrl().toString()).build();
    int requests = simulator.requestCount();
    int before = events.size();

    assertThat(
            forge(
                incoming,
                "ivr_block=answer&call_state=ringing&from=%2B6561234567&session=" + placed.id()))
        .isEqualTo(403);
    assertThat(simulator.requestCount()).isEqualTo(requests);
    assertThat(events.size()).isEqualTo(before);
  }

  @Test
  @DisplayName("Each URL takes only its own kind of notification")
  void wrongKind() {
    VoiceClient client = connect();
    Call call = placeAndFinish(client, CallFlow.of(RecordCall.after(), Say.of("Recorded.")));
    events.await(e -> e instanceof RecordingReady, WAIT);
    WebhookRequest notify = webhooks.deliveredTo("/hoiio/notify", "session=" + call.id());
    WebhookRequest monitor = webhooks.deliveredTo("/hoiio/monitor", "session=" + call.id());
    int before = events.size();

    assertThat(forge(notify, "ivr_block=answer&call_state=ringing&session=" + call.id()))
        .isEqualTo(403);
    assertThat(forge(notify, "monitor_status=success&session=" + call.id())).isEqualTo(403);
    assertThat(forge(monitor, "ivr_block=gather&digits=1&session=" + call.id())).isEqualTo(403);
    assertThat(
            forge(
                WebhookRequest.builder().uri(client.incomingCallUrl().toString()).build(),
                "ivr_block=gather&digits=1&session=S-new"))
        .isEqualTo(403);
    assertThat(events.size()).isEqualTo(before);
  }

  @Test
  @DisplayName("After the grace period even the call's own notifications are refused")
  void afterGrace() {
    VoiceClient client = connect();
    Call call = placeAndFinish(client, GATHER);
    WebhookRequest notify = webhooks.deliveredTo("/hoiio/notify", "session=" + call.id());
    int before = events.size();

    assertThat(webhooks.send(notify).status()).isEqualTo(200);
    clock.advance(GRACE.plusSeconds(1));
    assertThat(webhooks.send(notify).status()).isEqualTo(403);
    assertThat(events.size()).isEqualTo(before);
  }

  /** A Dial that Hoiio answers with {@code answer}: its notify URL must speak for nothing. */
  private void forgeriesRefusedAfter(MockResponse answer) throws Exception {
    try (MockWebServer vendor = new MockWebServer()) {
      vendor.enqueue(answer);
      vendor.start();
      VoiceClient client = connect(vendor.url("/open/").uri());
      assertThatThrownBy(() -> client.placeCall(FROM, TO, GATHER))
          .isInstanceOf(VoiceException.class);
      String notifyUrl = field(vendor.takeRequest().getBody().utf8(), "notify_url");
      WebhookRequest signed = WebhookRequest.builder().uri(URI.create(notifyUrl)).build();
      for (String session : List.of("S-1", "S-made-up", "")) {
        assertThat(
                forge(
                    signed,
                    "ivr_block=dial&call_state=ongoing&dial_status=answered&session=" + session))
            .isEqualTo(403);
        assertThat(forge(signed, "call_state=ended&session=" + session)).isEqualTo(403);
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

  @Test
  @DisplayName("After a Dial Hoiio refused, its notify URL speaks for nothing")
  void afterRefusedDial() throws Exception {
    forgeriesRefusedAfter(
        new MockResponse.Builder().code(200).body("{\"status\":\"error_dest_invalid\"}").build());
  }

  @Test
  @DisplayName("After a Dial answered with a server error, its notify URL speaks for nothing")
  void afterServerError() throws Exception {
    forgeriesRefusedAfter(new MockResponse.Builder().code(500).body("oops").build());
  }

  @Test
  @DisplayName("After a Dial whose answer never came, its notify URL speaks for nothing")
  void afterLostAnswer() throws Exception {
    forgeriesRefusedAfter(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
  }

  @Test
  @DisplayName("An incoming call re-sent ten times in every disguise is answered and told once")
  void disguisedReplaysOfIncomingCalls() {
    VoiceClient client = connect();
    simulator.incomingCall(
        client.incomingCallUrl(), TO, FROM, Callee.builder().presses("1").build());
    events.await(e -> e instanceof CallEnded, WAIT);
    WebhookRequest incoming = webhooks.deliveredTo("/hoiio/incoming", "ivr_block=answer");

    webhooks.assertNoReplayReaches(incoming, events);
    assertThat(events.count(IncomingCall.class)).isEqualTo(1);
  }
}
