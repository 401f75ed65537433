package dev.switchboard.testkit.simulator;

import static dev.switchboard.testkit.simulator.XoxzoTestSupport.SID;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.TOKEN;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.WAIT;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.body;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.Played;
import dev.switchboard.testkit.Observation.Rejected;
import dev.switchboard.testkit.Observation.Said;
import dev.switchboard.testkit.Observation.Transferred;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.simulator.XoxzoTestSupport.Api;
import dev.switchboard.testkit.simulator.XoxzoTestSupport.App;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** DINs over real HTTP: offers, subscriptions, action URLs, and the incoming calls they take. */
class XoxzoSimulatorDinTest {
  private static final String CALLER = "+818011112222";
  private static final String MP3 = "http://www.mysite.com/welcome.mp3";

  private XoxzoSimulator simulator;
  private Api api;
  private App app;

  @BeforeEach
  void start() {
    simulator = new XoxzoSimulator(SID, TOKEN);
    simulator.start();
    api = new Api(simulator);
    app = new App();
  }

  @AfterEach
  void stop() {
    app.close();
    simulator.close();
  }

  private JsonNode offers(String query) {
    return api.json("/voice/dins/" + query);
  }

  private static List<String> texts(JsonNode array, String field) {
    return array.valueStream().map(n -> n.get(field).asString()).toList();
  }

  private HttpResponse<String> subscribe(String uid) {
    return api.post("/voice/dins/subscriptions/", fields("din_uid", uid));
  }

  private HttpResponse<String> route(String uid, String url) {
    return api.post("/voice/dins/subscriptions/" + uid + "/", fields("action_url", url));
  }

  /** Rents the first Tokyo DIN and routes it to the app; its number. */
  private String rentedDin(String actionPath) {
    JsonNode din = offers("?prefix=813").get(0);
    String uid = din.get("din_uid").asString();
    SimulatorHttp.expect(201, "subscribe", subscribe(uid));
    SimulatorHttp.expect(200, "route", route(uid, app.url(actionPath)));
    return din.get("din").asString();
  }

  @Nested
  @DisplayName("Offers and subscriptions")
  class Subscriptions {
    @Test
    @DisplayName("The offers list each DIN's documented fields, filtered by country and prefix")
    void offerList() {
      JsonNode all = offers("");
      assertThat(all.size()).isGreaterThanOrEqualTo(3);
      assertThat(all.get(0).propertyNames())
          .containsExactlyInAnyOrder(
              "din", "din_uid", "country_code", "prefix", "minute_cost", "monthly_cost");
      assertThat(texts(offers("?country=JP"), "country_code")).isNotEmpty().containsOnly("JP");
      assertThat(texts(offers("?country=US"), "country_code")).isNotEmpty().containsOnly("US");
      assertThat(texts(offers("?prefix=816"), "din"))
          .isNotEmpty()
          .allMatch(d -> d.startsWith("+816"));
      assertThat(offers("?country=JP&prefix=1")).isEmpty();
    }

    @Test
    @DisplayName(
        "Subscribing answers 201 with the subscription, takes the DIN off offer, and lists it")
    void subscribed() {
      String uid = offers("").get(0).get("din_uid").asString();
      HttpResponse<String> created = subscribe(uid);
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(body(created).get("din_uid").asString()).isEqualTo(uid);
      assertThat(body(created).get("action").get("url").isNull()).isTrue();
      assertThat(texts(offers(""), "din_uid")).doesNotContain(uid);
      assertThat(texts(api.json("/voice/dins/subscriptions/"), "din_uid")).containsExactly(uid);
    }

    @Test
    @DisplayName("A missing, unknown or already rented din_uid is a 400 on din_uid")
    void badSubscriptions() {
      String uid = offers("").get(0).get("din_uid").asString();
      SimulatorHttp.expect(201, "subscribe", subscribe(uid));
      for (HttpResponse<String> refused :
          List.of(
              subscribe(uid),
              subscribe("no-such-din"),
              api.post("/voice/dins/subscriptions/", fields()))) {
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body(refused).propertyNames()).containsExactly("din_uid");
      }
      assertThat(api.json("/voice/dins/subscriptions/")).hasSize(1);
    }

    @Test
    @DisplayName(
        "The action URL is set with 200, must be a URL, and is listed as action.url; an unrented"
            + " DIN is 404")
    void routing() {
      String uid = offers("").get(0).get("din_uid").asString();
      assertThat(route(uid, app.url("/in")).statusCode()).isEqualTo(404);
      SimulatorHttp.expect(201, "subscribe", subscribe(uid));
      HttpResponse<String> bad = route(uid, "not a url");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(body(bad).propertyNames()).containsExactly("action_url");
      HttpResponse<String> routed = route(uid, app.url("/in"));
      assertThat(routed.statusCode()).isEqualTo(200);
      assertThat(body(routed).get("action").get("url").asString()).isEqualTo(app.url("/in"));
      assertThat(api.json("/voice/dins/subscriptions/").get(0).get("action").get("url").asString())
          .isEqualTo(app.url("/in"));
    }

    @Test
    @DisplayName("DELETE gives the DIN back with 204 and puts it on offer again; twice is 404")
    void unsubscribe() {
      String uid = offers("").get(0).get("din_uid").asString();
      SimulatorHttp.expect(201, "subscribe", subscribe(uid));
      assertThat(api.send("DELETE", "/voice/dins/subscriptions/" + uid + "/", null).statusCode())
          .isEqualTo(204);
      assertThat(api.send("DELETE", "/voice/dins/subscriptions/" + uid + "/", null).statusCode())
          .isEqualTo(404);
      assertThat(api.json("/voice/dins/subscriptions/")).isEmpty();
      assertThat(texts(offers(""), "din_uid")).contains(uid);
    }

    @Test
    @DisplayName("The DIN endpoints need credentials and serve only their documented methods")
    void methodsAndCredentials() {
      Api stranger = new Api(simulator.baseUrl(), null);
      assertThat(stranger.get("/voice/dins/").statusCode()).isEqualTo(401);
      assertThat(stranger.get("/voice/dins/subscriptions/").statusCode()).isEqualTo(401);
      assertThat(api.post("/voice/dins/", fields()).statusCode()).isEqualTo(405);
      assertThat(api.get("/voice/dins/subscriptions/x/").statusCode()).isEqualTo(405);
      assertThat(api.send("DELETE", "/voice/dins/subscriptions/", null).statusCode())
          .isEqualTo(405);
      assertThat(api.get("/voice/dins").statusCode()).isEqualTo(404);
    }
  }

  @Nested
  @DisplayName("Incoming calls")
  class Incoming {
    @Test
    @DisplayName(
        "A call GETs the action URL with caller and recipient, keeping the URL's own query, and"
            + " plays the answered MP3")
    void playback() {
      app.reacting(r -> WebhookResponse.text("playback " + MP3));
      String din = rentedDin("/in?sb_call=incoming&sb_sig=abc");
      XoxzoIncomingCall call = simulator.simulateIncomingCall(CALLER, din);
      assertThat(call.status()).isEqualTo(200);
      assertThat(call.action()).isEqualTo("playback " + MP3);
      WebhookRequest asked = app.received().get(0);
      assertThat(asked.method()).isEqualTo("GET");
      assertThat(asked.path()).isEqualTo("/in");
      assertThat(asked.query())
          .containsEntry("caller", List.of(CALLER))
          .containsEntry("recipient", List.of(din))
          .containsEntry("sb_call", List.of("incoming"))
          .containsEntry("sb_sig", List.of("abc"));
      assertThat(simulator.awaitTranscript(call.id(), WAIT))
          .isEqualTo(Transcript.of(new Played(MP3), new HungUp("flow")));
    }

    @Test
    @DisplayName("say and transfer are run as the caller hears them")
    void sayAndTransfer() {
      String din = rentedDin("/in");
      app.reacting(r -> WebhookResponse.text("say ja \"こんにちは\""));
      XoxzoIncomingCall said = simulator.simulateIncomingCall(CALLER, din);
      app.reacting(r -> WebhookResponse.text("say fr \"Bonjour\"\n"));
      XoxzoIncomingCall french = simulator.simulateIncomingCall(CALLER, din);
      app.reacting(r -> WebhookResponse.text("transfer +81336042000"));
      XoxzoIncomingCall answered = simulator.simulateIncomingCall(CALLER, din);
      simulator.scriptNextCall(
          Callee.builder().target("+81336042000", Callee.Target.NO_ANSWER).build());
      XoxzoIncomingCall unanswered = simulator.simulateIncomingCall(CALLER, din);
      assertThat(simulator.awaitTranscript(said.id(), WAIT))
          .isEqualTo(Transcript.of(new Said("こんにちは", "ja-JP", "female"), new HungUp("flow")));
      assertThat(simulator.awaitTranscript(french.id(), WAIT))
          .isEqualTo(Transcript.of(new Said("Bonjour", "fr", "female"), new HungUp("flow")));
      assertThat(simulator.awaitTranscript(answered.id(), WAIT))
          .isEqualTo(
              Transcript.of(
                  new Transferred(List.of("+81336042000"), "answered", "+81336042000"),
                  new HungUp("flow")));
      assertThat(simulator.awaitTranscript(unanswered.id(), WAIT))
          .isEqualTo(
              Transcript.of(
                  new Transferred(List.of("+81336042000"), "unanswered", ""), new HungUp("flow")));
    }

    @Test
    @DisplayName(
        "No action, an error status, an unknown line or a refused URL or number refuses the call")
    void noAction() {
      String din = rentedDin("/in");
      List<WebhookResponse> answers =
          List.of(
              WebhookResponse.ok(),
              new WebhookResponse(500, "text/plain", "playback " + MP3),
              WebhookResponse.text("hangup"),
              WebhookResponse.text("playback https://www.mysite.com/welcome.mp3"),
              WebhookResponse.text("transfer +81080111122"),
              WebhookResponse.text("say en Hello"));
      for (WebhookResponse answer : answers) {
        app.reacting(r -> answer);
        XoxzoIncomingCall call = simulator.simulateIncomingCall(CALLER, din);
        assertThat(simulator.awaitTranscript(call.id(), WAIT))
            .as(answer.body())
            .isEqualTo(Transcript.of(new Rejected()));
      }
    }

    @Test
    @DisplayName("Two calls from one caller are two requests and two calls")
    void twoCalls() {
      app.reacting(r -> WebhookResponse.text("playback " + MP3));
      String din = rentedDin("/in");
      XoxzoIncomingCall first = simulator.simulateIncomingCall(CALLER, din);
      XoxzoIncomingCall second = simulator.simulateIncomingCall(CALLER, din);
      assertThat(first.id()).isNotEqualTo(second.id());
      assertThat(app.received()).hasSize(2);
      assertThat(app.received().get(0).uri()).isEqualTo(app.received().get(1).uri());
    }

    @Test
    @DisplayName("Only a rented DIN with an action URL can be called")
    void notCallable() {
      JsonNode din = offers("").get(0);
      assertThatThrownBy(() -> simulator.simulateIncomingCall(CALLER, din.get("din").asString()))
          .isInstanceOf(IllegalArgumentException.class);
      SimulatorHttp.expect(201, "subscribe", subscribe(din.get("din_uid").asString()));
      assertThatThrownBy(() -> simulator.simulateIncomingCall(CALLER, din.get("din").asString()))
          .isInstanceOf(IllegalStateException.class);
      assertThat(app.received()).isEmpty();
    }
  }
}
