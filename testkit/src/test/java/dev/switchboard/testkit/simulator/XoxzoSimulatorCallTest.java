package dev.switchboard.testkit.simulator;

import static dev.switchboard.testkit.simulator.XoxzoTestSupport.CALLER;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.MP3;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.RECIPIENT;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.SID;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.TIME;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.TOKEN;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.WAIT;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.fields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.Callee.Pickup;
import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.Played;
import dev.switchboard.testkit.Observation.Said;
import dev.switchboard.testkit.Observation.Unanswered;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.simulator.XoxzoTestSupport.Api;
import dev.switchboard.testkit.simulator.XoxzoTestSupport.App;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Playback and text-to-speech calls, their status and their callbacks, over real HTTP. */
class XoxzoSimulatorCallTest {
  private static final List<String> STATUS_FIELDS =
      List.of(
          "callid",
          "caller",
          "recipient",
          "url",
          "tags",
          "start_time",
          "end_time",
          "direction",
          "cost",
          "status",
          "duration",
          "call_type");
  private static final DateTimeFormatter TIME_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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

  private static Map<String, String> tts(String message, String lang) {
    return fields(
        "caller", CALLER, "recipient", RECIPIENT, "tts_message", message, "tts_lang", lang);
  }

  private static long secondsBetween(JsonNode status) {
    return java.time.Duration.between(
            LocalDateTime.parse(status.get("start_time").asString(), TIME_FORMAT),
            LocalDateTime.parse(status.get("end_time").asString(), TIME_FORMAT))
        .toSeconds();
  }

  private List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }

  private long callbacksOnTheWire() {
    return simulator.wireLog().stream()
        .filter(e -> e.direction() == WireExchange.Direction.TO_APPLICATION)
        .count();
  }

  @Nested
  @DisplayName("Answered calls")
  class Answered {
    @Test
    @DisplayName(
        "An MP3 playback is IN PROGRESS until it rings, then ANSWERED after the callee heard the"
            + " file and the flow hung up")
    void mp3() {
      simulator.holdCalls();
      Map<String, String> form =
          fields(
              "caller", CALLER,
              "recipient", RECIPIENT,
              "recording_url", MP3,
              "tags", " vip , campaign-7 ,,");
      String id = api.call(form);
      JsonNode ringing = api.status(id);
      assertThat(names(ringing)).containsExactlyElementsOf(STATUS_FIELDS);
      assertThat(ringing.get("callid").asString()).isEqualTo(id);
      assertThat(ringing.get("caller").asString()).isEqualTo(CALLER);
      assertThat(ringing.get("recipient").asString()).isEqualTo(RECIPIENT);
      assertThat(ringing.get("url").asString())
          .isEqualTo(simulator.baseUrl() + "/voice/calls/" + id + "/");
      assertThat(ringing.get("tags").valueStream().map(JsonNode::asString))
          .containsExactly("vip", "campaign-7");
      assertThat(ringing.get("start_time").asString()).matches(TIME);
      assertThat(ringing.get("end_time").isNull()).isTrue();
      assertThat(ringing.get("direction").asString()).isEqualTo("outbound");
      assertThat(ringing.get("cost").isInt()).isTrue();
      assertThat(ringing.get("cost").asInt()).isZero();
      assertThat(ringing.get("status").asString()).isEqualTo("IN PROGRESS");
      assertThat(ringing.get("duration").asInt()).isZero();
      assertThat(ringing.get("call_type").asString()).isEqualTo("simple/playbacks");

      simulator.releaseCalls();
      assertThat(simulator.awaitTranscript(id, WAIT))
          .isEqualTo(Transcript.of(new Played(MP3), new HungUp("flow")));
      JsonNode over = api.status(id);
      assertThat(over.get("status").asString()).isEqualTo("ANSWERED");
      assertThat(over.get("duration").asInt()).isEqualTo(XoxzoSimulator.MP3_SECONDS);
      assertThat(over.get("end_time").asString()).matches(TIME);
      assertThat(secondsBetween(over)).isEqualTo(XoxzoSimulator.MP3_SECONDS);
      assertThat(over.get("cost").asInt()).isEqualTo(1);
      assertThat(over.get("start_time")).isEqualTo(ringing.get("start_time"));
      assertThat(over.get("tags")).isEqualTo(ringing.get("tags"));
    }

    @Test
    @DisplayName("English text-to-speech is said in en-US by a female voice, and costs extra")
    void ttsEnglish() {
      String text = "Your code is 1,,2,,3,,4."; // 24 characters: 3 seconds
      String id = api.call(tts(text, "en"));
      assertThat(simulator.awaitTranscript(id, WAIT))
          .isEqualTo(Transcript.of(new Said(text, "en-US", "female"), new HungUp("flow")));
      JsonNode status = api.status(id);
      assertThat(status.get("status").asString()).isEqualTo("ANSWERED");
      assertThat(status.get("duration").asInt()).isEqualTo(3);
      assertThat(status.get("cost").asInt()).isEqualTo(2);
      assertThat(status.get("tags").isArray()).isTrue();
      assertThat(status.get("tags")).isEmpty();
    }

    @Test
    @DisplayName("Japanese text-to-speech is said in ja-JP, literally, markup included")
    void ttsJapanese() {
      String id = api.call(tts("こんにちは <b>世界</b>", "ja"));
      assertThat(simulator.awaitTranscript(id, WAIT))
          .isEqualTo(
              Transcript.of(new Said("こんにちは <b>世界</b>", "ja-JP", "female"), new HungUp("flow")));
      assertThat(api.status(id).get("duration").asInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("Text-to-speech in another language is said in that language as given")
    void ttsOtherLanguage() {
      String id = api.call(tts("Bonjour", "fr"));
      assertThat(simulator.awaitTranscript(id, WAIT))
          .isEqualTo(Transcript.of(new Said("Bonjour", "fr", "female"), new HungUp("flow")));
    }

    @Test
    @DisplayName("A callee who hangs up during the message ends the call, still ANSWERED")
    void calleeHangsUp() {
      simulator.scriptNextCall(Callee.builder().hangUpAfter(1).build());
      String id = api.callMp3();
      assertThat(simulator.awaitTranscript(id, WAIT))
          .isEqualTo(Transcript.of(new Played(MP3), new HungUp("callee")));
      assertThat(api.status(id).get("status").asString()).isEqualTo("ANSWERED");
    }
  }

  @Nested
  @DisplayName("Unanswered calls (SEM-12)")
  class NotAnswered {
    @Test
    @DisplayName("A callee who does not answer makes the call NO ANSWER, observed as no-answer")
    void noAnswer() {
      simulator.scriptNextCall(Callee.builder().pickup(Pickup.NO_ANSWER).build());
      String id = api.call(tts("Hello", "en"));
      assertThat(simulator.awaitTranscript(id, WAIT))
          .isEqualTo(Transcript.of(new Unanswered("no-answer")));
      JsonNode status = api.status(id);
      assertThat(status.get("status").asString()).isEqualTo("NO ANSWER");
      assertThat(status.get("duration").asInt()).isZero();
      assertThat(status.get("cost").asInt()).isEqualTo(1);
      assertThat(status.get("end_time").asString()).matches(TIME);
    }

    @Test
    @DisplayName("A busy callee makes the call FAILED, observed as busy")
    void busy() {
      simulator.scriptNextCall(Callee.builder().pickup(Pickup.BUSY).build());
      String id = api.callMp3();
      assertThat(simulator.awaitTranscript(id, WAIT))
          .isEqualTo(Transcript.of(new Unanswered("busy")));
      JsonNode status = api.status(id);
      assertThat(status.get("status").asString()).isEqualTo("FAILED");
      assertThat(status.get("duration").asInt()).isZero();
      assertThat(status.get("end_time").asString()).matches(TIME);
    }

    @Test
    @DisplayName("Scripted callees answer the calls in the order the requests were accepted")
    void order() {
      simulator.holdCalls();
      simulator.scriptNextCall(Callee.builder().pickup(Pickup.BUSY).build());
      simulator.scriptNextCall(Callee.builder().pickup(Pickup.NO_ANSWER).build());
      String first = api.callMp3();
      String second = api.callMp3();
      String third = api.callMp3();
      simulator.releaseCalls();
      assertThat(simulator.awaitTranscript(third, WAIT))
          .isEqualTo(Transcript.of(new Played(MP3), new HungUp("flow")));
      assertThat(simulator.awaitTranscript(second, WAIT))
          .isEqualTo(Transcript.of(new Unanswered("no-answer")));
      assertThat(simulator.awaitTranscript(first, WAIT))
          .isEqualTo(Transcript.of(new Unanswered("busy")));
      assertThat(simulator.createdCalls()).isEqualTo(3);
    }
  }

  @Nested
  @DisplayName("End-of-call callbacks")
  class Callbacks {
    private Map<String, String> withCallback(Map<String, String> form) {
      form.put("callbackurl", app.url("/xoxzo/ended?app=7"));
      return form;
    }

    @Test
    @DisplayName(
        "The call status is POSTed once as a form body, tags comma separated, when the app"
            + " answers 200")
    void formBody() {
      Map<String, String> form = withCallback(tts("Hello", "en"));
      form.put("tags", "a, b");
      String id = api.call(form);
      simulator.awaitTranscript(id, WAIT);
      assertThat(app.received()).hasSize(1);
      WebhookRequest callback = app.received().get(0);
      assertThat(callback.method()).isEqualTo("POST");
      assertThat(callback.path()).isEqualTo("/xoxzo/ended");
      assertThat(callback.query()).containsEntry("app", List.of("7"));
      assertThat(callback.contentType()).hasValue("application/x-www-form-urlencoded");
      assertThat(callback.form().keySet()).containsExactlyElementsOf(STATUS_FIELDS);
      JsonNode status = api.status(id);
      for (String field : STATUS_FIELDS) {
        String want =
            field.equals("tags")
                ? "a,b"
                : status.get(field).isString()
                    ? status.get(field).asString()
                    : status.get(field).toString();
        assertThat(callback.form().get(field)).as(field).containsExactly(want);
      }
      assertThat(callback.form().get("status")).containsExactly("ANSWERED");
      assertThat(callbacksOnTheWire()).isEqualTo(1);
    }

    @Test
    @DisplayName("The call's final status is visible to the app when the callback arrives")
    void statusBeforeCallback() {
      AtomicReference<String> seen = new AtomicReference<>();
      app.reacting(
          request -> {
            seen.set(api.status(request.form().get("callid").get(0)).get("status").asString());
            return WebhookResponse.ok();
          });
      simulator.scriptNextCall(Callee.builder().pickup(Pickup.NO_ANSWER).build());
      String id = api.call(withCallback(tts("Hello", "en")));
      simulator.awaitTranscript(id, WAIT);
      assertThat(seen.get()).isEqualTo("NO ANSWER");
    }

    @Test
    @DisplayName(
        "An app answering 500 nine times then 200 gets the callback ten times, the same each"
            + " time")
    void redeliveredUntil200() {
      AtomicInteger deliveries = new AtomicInteger();
      app.reacting(
          request ->
              deliveries.incrementAndGet() < 10
                  ? WebhookResponse.serverError()
                  : WebhookResponse.ok());
      String id =
          api.call(
              withCallback(fields("caller", CALLER, "recipient", RECIPIENT, "recording_url", MP3)));
      simulator.awaitTranscript(id, WAIT);
      assertThat(app.received()).hasSize(10);
      assertThat(app.received().stream().map(WebhookRequest::bodyText).distinct()).hasSize(1);
      assertThat(
              simulator.wireLog().stream()
                  .filter(e -> e.direction() == WireExchange.Direction.TO_APPLICATION)
                  .map(WireExchange::status))
          .containsExactly(500, 500, 500, 500, 500, 500, 500, 500, 500, 200);
    }

    @Test
    @DisplayName("An app always answering 500 gets the callback exactly ten times, then no more")
    void atMostTen() {
      app.reacting(request -> WebhookResponse.serverError());
      String first = api.call(withCallback(tts("Hello", "en")));
      simulator.awaitTranscript(first, WAIT);
      assertThat(app.received()).hasSize(10);
      assertThat(api.status(first).get("status").asString()).isEqualTo("ANSWERED");
      app.reacting(request -> WebhookResponse.ok());
      String second = api.call(withCallback(tts("Hello", "en")));
      simulator.awaitTranscript(second, WAIT);
      assertThat(app.received()).hasSize(11);
      assertThat(app.received().get(10).form().get("callid")).containsExactly(second);
    }

    @Test
    @DisplayName("An unreachable app is tried ten times, each attempt on the wire log")
    void unreachable() {
      App gone = new App();
      String url = gone.url("/gone");
      gone.close();
      Map<String, String> form = tts("Hello", "en");
      form.put("callbackurl", url);
      String id = api.call(form);
      simulator.awaitTranscript(id, WAIT);
      assertThat(
              simulator.wireLog().stream()
                  .filter(e -> e.direction() == WireExchange.Direction.TO_APPLICATION)
                  .map(WireExchange::status))
          .hasSize(10)
          .containsOnly(0);
    }

    @Test
    @DisplayName("Unanswered calls call back too; without a callbackurl nothing is sent")
    void unansweredAndNone() {
      simulator.scriptNextCall(Callee.builder().pickup(Pickup.BUSY).build());
      String busy = api.call(withCallback(tts("Hello", "en")));
      simulator.awaitTranscript(busy, WAIT);
      String silent = api.callMp3();
      simulator.awaitTranscript(silent, WAIT);
      assertThat(app.received()).hasSize(1);
      assertThat(app.received().get(0).form().get("status")).containsExactly("FAILED");
      assertThat(callbacksOnTheWire()).isEqualTo(1);
    }
  }
}
