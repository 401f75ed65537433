package dev.switchboard.testkit.simulator;

import static dev.switchboard.testkit.simulator.VoxTestSupport.JSON;
import static dev.switchboard.testkit.simulator.VoxTestSupport.createBody;
import static dev.switchboard.testkit.simulator.VoxTestSupport.voxBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.Observation.Gathered;
import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.Said;
import dev.switchboard.testkit.Observation.Unanswered;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.simulator.VoxTestSupport.Api;
import dev.switchboard.testkit.simulator.VoxTestSupport.App;
import dev.switchboard.webhook.WebhookResponse;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The simulator's REST API over real HTTP: auth, errors, calls, lists, modify and delete. */
class VoxtelesysSimulatorRestTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String HELLO =
      "<Response><Say voice='Joanna' language='en-US'>Hello!</Say></Response>";

  private VoxtelesysSimulator simulator;
  private Api api;

  @BeforeEach
  void start() {
    simulator = new VoxtelesysSimulator(VoxTestSupport.KEY);
    simulator.start();
    api = new Api(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private static JsonNode body(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /**
   * The error as the document shows one: an {@code error} object of {@code code}, {@code
   * description} and {@code time}, and nothing else but, on a 500, the {@code error_id} to quote.
   */
  private static void assertError(HttpResponse<String> response, int status, int code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = body(response);
    assertThat(body.propertyNames())
        .as(response.body())
        .containsExactlyInAnyOrderElementsOf(
            status == 500 ? List.of("error", "error_id") : List.of("error"));
    assertThat(body.get("error").propertyNames())
        .containsExactlyInAnyOrder("code", "description", "time");
    assertThat(body.get("error").get("code").asInt()).isEqualTo(code);
    assertThat(body.get("error").get("description").asString()).isNotBlank();
    assertThat(body.get("error").get("time").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
  }

  @Nested
  @DisplayName("Authentication and unknown resources")
  class Errors {
    @Test
    @DisplayName("A missing or wrong Bearer key is 401, before anything else is looked at")
    void unauthorized() {
      assertError(new Api(simulator.baseUrl(), null).get("/calls"), 401, 401);
      assertError(new Api(simulator.baseUrl(), "wrong").get("/calls"), 401, 401);
      assertError(new Api(simulator.baseUrl(), "wrong").get("/nowhere"), 401, 401);
    }

    @Test
    @DisplayName("Unknown paths, methods and ids are 404")
    void notFound() {
      assertError(api.get("/nowhere"), 404, 404);
      assertError(api.get("/calls/"), 404, 404);
      assertError(api.send("PUT", "/calls", "{}"), 404, 404);
      assertError(api.get("/calls/8d658f67-3879-4938-bbad-863878bd5341"), 404, 404);
      assertError(api.post("/calls/unknown", voxBody(HELLO)), 404, 404);
      assertError(api.delete("/calls/unknown"), 404, 404);
      assertError(api.get("/conferences/unknown/participants"), 404, 404);
      assertError(api.delete("/conferences/unknown"), 404, 404);
      assertError(api.post("/conferences/unknown", voxBody("<Response/>")), 404, 404);
    }

    @Test
    @DisplayName("Bad JSON fields are 422 with code 422")
    void badFields() {
      assertError(api.post("/calls", "not json"), 422, 422);
      assertError(api.post("/calls", "[]"), 422, 422);
      assertError(
          api.post("/calls", "{\"from\":\"15556668888\",\"voxXML\":\"<Response/>\"}"), 422, 422);
      assertError(api.post("/calls", createBody("+15556667777", "15556668888", HELLO)), 422, 422);
      assertError(api.post("/calls", createBody("15556667777", "0555", HELLO)), 422, 422);
      assertError(
          api.post("/calls", createBody("15556667777", "1234567890123456", HELLO)), 422, 422);
      assertError(
          api.post("/calls", "{\"to\":\"15556667777\",\"from\":\"15556668888\"}"), 422, 422);
      assertError(
          api.post("/calls", "{\"to\":15556667777,\"from\":\"15556668888\",\"voxXML\":\"x\"}"),
          422,
          422);
      assertError(api.get("/calls?page=0"), 422, 422);
      assertError(api.get("/calls?page_size=0"), 422, 422);
      assertError(api.get("/calls?page_size=ten"), 422, 422);
      assertThat(api.get("/calls?page").statusCode()).isEqualTo(422);
    }

    @Test
    @DisplayName("A server error carries an error_id to quote to support, a new one each time")
    void serverError() {
      simulator.failNext("GET", "/calls", 500, 2);
      HttpResponse<String> first = api.get("/calls?page=1");
      HttpResponse<String> second = api.get("/calls");
      assertError(first, 500, 6100);
      assertError(second, 500, 6100);
      assertThat(body(first).get("error_id").asString()).matches("[0-9a-f-]{36}");
      assertThat(body(first).get("error_id").asString())
          .isNotEqualTo(body(second).get("error_id").asString());
      assertThat(api.get("/calls").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("A refusal asked for by a test answers only the requests it names")
    void refusalAsked() {
      simulator.failNext("GET", "/calls", 422, 1);
      assertThat(api.get("/conferences").statusCode()).isEqualTo(200);
      assertError(api.get("/calls?page=1&page_size=50"), 422, 422);
      assertThat(api.get("/calls").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("VoxXML without a Response root is 422 with code 5105")
    void noRoot() {
      HttpResponse<String> response =
          api.post(
              "/calls",
              createBody(
                  "15556667777",
                  "15556668888",
                  "<Say voice='Joanna' language='en-US'>Hello!</Say>"));
      assertError(response, 422, 5105);
      assertThat(body(response).get("error").get("description").asString()).contains("Response");
    }

    @Test
    @DisplayName("Malformed VoxXML, an unknown verb or an out-of-range value is 422 with code 5106")
    void badSyntax() {
      for (String voxXml :
          List.of(
              "<Response><Say>Hi</Response>",
              "<Response><Speak>Hi</Speak></Response>",
              "<Response><Pause length='61'/></Response>",
              "<Response><Gather loop='1.5'/></Response>",
              "<Response><Gather input='speech' language='nl-NL'/></Response>",
              "<Response><Gather input='speech' speechTimeout='auto'/></Response>",
              "<Response><If variable='$GATHER' test='LIKE' value='1'/></Response>")) {
        assertError(
            api.post("/calls", createBody("15556667777", "15556668888", voxXml)), 422, 5106);
      }
      assertThat(api.get("/calls").body()).contains("\"count\":0");
    }
  }

  @Nested
  @DisplayName("Calls")
  class Calls {
    @Test
    @DisplayName("Create answers 200 with the queued call object, then the call completes")
    void create() {
      simulator.scriptNextCall(Callee.answering());
      HttpResponse<String> response =
          api.post("/calls", createBody("15556667777", "15556668888", HELLO));
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode call = body(response);
      assertThat(call.get("id").asString()).matches("[0-9a-f-]{36}");
      assertThat(call.get("to").asString()).isEqualTo("15556667777");
      assertThat(call.get("from").asString()).isEqualTo("15556668888");
      assertThat(call.get("status").asString()).isEqualTo("queued");
      assertThat(call.get("created_time").asString())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(call.get("modified_time").asString())
          .isEqualTo(call.get("created_time").asString());
      assertThat(call.has("answer_time")).isFalse();

      String id = call.get("id").asString();
      assertThat(simulator.awaitTranscript(id, WAIT))
          .isEqualTo(Transcript.of(new Said("Hello!", "en-US", "female"), new HungUp("flow")));
      JsonNode row = api.call(id);
      assertThat(row.get("status").asString()).isEqualTo("complete");
      Instant created = Instant.parse(row.get("created_time").asString());
      Instant answered = Instant.parse(row.get("answer_time").asString());
      Instant hungUp = Instant.parse(row.get("hangup_time").asString());
      assertThat(answered).isAfterOrEqualTo(created);
      assertThat(hungUp).isAfterOrEqualTo(answered);
      assertThat(row.get("modified_time").asString()).isEqualTo(row.get("hangup_time").asString());
      assertThat(row.has("error")).isFalse();
    }

    @Test
    @DisplayName(
        "A gather taking speech listens in its language (default en-US) with its speechTimeout"
            + " (default 30, cut to 60)")
    void speechGathers() {
      simulator.scriptNextCall(Callee.builder().says("oui").says("yes").presses("1").build());
      String id =
          api.createCall(
              "<Response>"
                  + "<Gather input='speech' language='fr-FR' speechTimeout='90'>"
                  + "<Say voice='Celine'>Dites oui.</Say></Gather>"
                  + "<Gather input='dtmf speech'><Say>Say yes.</Say></Gather>"
                  + "<Gather input='dtmf' language='de-DE' speechTimeout='5'/>"
                  + "</Response>");
      simulator.awaitTranscript(id, WAIT);
      assertThat(simulator.speechGathers(id))
          .containsExactly(
              new VoxtelesysSimulator.SpeechGather("fr-FR", 60),
              new VoxtelesysSimulator.SpeechGather("en-US", 30));
    }

    @Test
    @DisplayName("[SEM-12] A busy callee ends the call busy, an absent one no_answer, unanswered")
    void unanswered() {
      simulator.scriptNextCall(Callee.builder().pickup(Callee.Pickup.BUSY).build());
      String busy = api.createCall(HELLO);
      assertThat(simulator.awaitTranscript(busy, WAIT))
          .isEqualTo(Transcript.of(new Unanswered("busy")));
      simulator.scriptNextCall(Callee.builder().pickup(Callee.Pickup.NO_ANSWER).build());
      String absent = api.createCall(HELLO);
      assertThat(simulator.awaitTranscript(absent, WAIT))
          .isEqualTo(Transcript.of(new Unanswered("no-answer")));

      assertThat(api.call(busy).get("status").asString()).isEqualTo("busy");
      assertThat(api.call(absent).get("status").asString()).isEqualTo("no_answer");
      for (String id : List.of(busy, absent)) {
        assertThat(api.call(id).has("answer_time")).isFalse();
        assertThat(api.call(id).has("hangup_time")).isTrue();
      }
    }

    @Test
    @DisplayName(
        "Lists are newest first and paginated with page, page_size (no maximum) and page_count")
    void pagination() {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 27; i++) {
        ids.add(api.createCall(HELLO));
      }
      for (String id : ids) {
        simulator.awaitTranscript(id, WAIT);
      }
      JsonNode first = api.json("/calls");
      assertThat(first.get("page").asInt()).isEqualTo(1);
      assertThat(first.get("page_size").asInt()).isEqualTo(25);
      assertThat(first.get("page_count").asInt()).isEqualTo(2);
      assertThat(first.get("count").asInt()).isEqualTo(27);
      assertThat(first.get("results")).hasSize(25);
      assertThat(first.get("results").get(0).get("id").asString()).isEqualTo(ids.get(26));

      JsonNode second = api.json("/calls?page=2");
      assertThat(second.get("results")).hasSize(2);
      assertThat(second.get("results").get(1).get("id").asString()).isEqualTo(ids.get(0));

      JsonNode small = api.json("/calls?page=3&page_size=10");
      assertThat(small.get("page_count").asInt()).isEqualTo(3);
      assertThat(small.get("results")).hasSize(7);
      assertThat(small.get("results").get(0).get("id").asString()).isEqualTo(ids.get(6));

      assertThat(api.json("/calls?page=9").get("results")).isEmpty();
      // The document names no maximum page size; page_size says which size was used.
      JsonNode large = api.json("/calls?page_size=1000");
      assertThat(large.get("page_size").asInt()).isEqualTo(1000);
      assertThat(large.get("page_count").asInt()).isEqualTo(1);
      assertThat(large.get("results")).hasSize(27);
      JsonNode none = api.json("/conferences");
      assertThat(none.get("count").asInt()).isZero();
      assertThat(none.get("page_count").asInt()).isZero();
    }

    @Test
    @DisplayName(
        "Modify answers 204 and replaces the running VoxXML, keeping $GATHER; the call is"
            + " answered meanwhile")
    void modifyLiveCall() {
      try (App app = new App()) {
        AtomicReference<String> statusDuringCall = new AtomicReference<>();
        AtomicReference<Integer> modified = new AtomicReference<>();
        app.reacting(
            request -> {
              String id = JSON.readTree(request.bodyText()).get("call_id").asString();
              statusDuringCall.set(api.call(id).get("status").asString());
              modified.set(
                  api.send(
                          "PATCH",
                          "/calls/" + id,
                          voxBody("<Response><Say>New document heard $GATHER</Say></Response>"))
                      .statusCode());
              return WebhookResponse.ok();
            });
        simulator.scriptNextCall(Callee.builder().presses("7").build());
        String id =
            api.createCall(
                "<Response><Gather statusCallback='"
                    + app.url("/gather")
                    + "' statusCallbackEvent='fullResult'><Say>Press a key</Say></Gather>"
                    + "<Say>Old document</Say></Response>");
        assertThat(simulator.awaitTranscript(id, WAIT))
            .isEqualTo(
                Transcript.of(
                    new Said("Press a key", "en-US", "female"),
                    new Gathered("7", ""),
                    new Said("New document heard 7", "en-US", "female"),
                    new HungUp("flow")));
        assertThat(statusDuringCall).hasValue("answered");
        assertThat(modified).hasValue(204);
        assertThat(api.call(id).get("status").asString()).isEqualTo("complete");
      }
    }

    @Test
    @DisplayName("Delete answers 204 and hangs a live call up at once")
    void deleteLiveCall() {
      try (App app = new App()) {
        AtomicReference<Integer> deleted = new AtomicReference<>();
        app.reacting(
            request -> {
              String id = JSON.readTree(request.bodyText()).get("call_id").asString();
              deleted.set(api.delete("/calls/" + id).statusCode());
              return WebhookResponse.ok();
            });
        simulator.scriptNextCall(Callee.builder().presses("1").build());
        String id =
            api.createCall(
                "<Response><Gather statusCallback='"
                    + app.url("/gather")
                    + "' statusCallbackEvent='fullResult'/><Say>Never heard</Say></Response>");
        assertThat(simulator.awaitTranscript(id, WAIT))
            .isEqualTo(Transcript.of(new Gathered("1", ""), new HungUp("flow")));
        assertThat(deleted).hasValue(204);
        assertThat(api.call(id).get("status").asString()).isEqualTo("complete");
      }
    }

    @Test
    @DisplayName(
        "A call that is over cannot be modified (422) but can be deleted (204) and stays listed")
    void overCall() {
      String id = api.createCall(HELLO);
      simulator.awaitTranscript(id, WAIT);
      assertError(api.post("/calls/" + id, voxBody(HELLO)), 422, 422);
      assertThat(api.delete("/calls/" + id).statusCode()).isEqualTo(204);
      assertThat(api.call(id).get("status").asString()).isEqualTo("complete");
    }

    @Test
    @DisplayName("Modify checks its VoxXML like create: 5105, 5106, or 422 without voxXML")
    void modifyValidates() {
      String id = api.createCall(HELLO);
      assertError(api.post("/calls/" + id, voxBody("<Say>x</Say>")), 422, 5105);
      assertError(api.post("/calls/" + id, voxBody("<Response><Say>x</Response>")), 422, 5106);
      assertError(api.post("/calls/" + id, "{\"xml\":\"<Response/>\"}"), 422, 422);
      simulator.awaitTranscript(id, WAIT);
    }
  }
}
