package dev.switchboard.testkit.simulator;

import static dev.switchboard.testkit.simulator.VoxTestSupport.JSON;
import static dev.switchboard.testkit.simulator.VoxTestSupport.voxBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.Observation.Gathered;
import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.JoinedConference;
import dev.switchboard.testkit.Observation.Redirected;
import dev.switchboard.testkit.Observation.Rejected;
import dev.switchboard.testkit.Observation.Said;
import dev.switchboard.testkit.Observation.Transferred;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.simulator.VoxTestSupport.Api;
import dev.switchboard.testkit.simulator.VoxTestSupport.App;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Callbacks, incoming calls, redirects and conferences, with a loopback application receiving what
 * the simulator sends.
 */
class VoxtelesysSimulatorCallbackTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String SECONDS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
  private static final String UUID = "[0-9a-f-]{36}";

  private VoxtelesysSimulator simulator;
  private Api api;
  private App app;

  @BeforeEach
  void start() {
    simulator = new VoxtelesysSimulator(VoxTestSupport.KEY);
    simulator.start();
    api = new Api(simulator);
    app = new App();
  }

  @AfterEach
  void stop() {
    app.close();
    simulator.close();
  }

  private static Said say(String text) {
    return new Said(text, "en-US", "female");
  }

  /** The event names of the JSON bodies received so far. */
  private List<String> events() {
    return app.bodies().stream().map(b -> b.get("event").asString()).toList();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.properties().forEach(e -> names.add(e.getKey()));
    return names;
  }

  @Nested
  @DisplayName("Gather callbacks")
  class GatherCallbacks {
    @Test
    @DisplayName(
        "partialResult sends partial_input per key with the input so far, fullResult one"
            + " complete_input")
    void dtmf() {
      simulator.scriptNextCall(Callee.builder().presses("4567").build());
      String id =
          api.createCall(
              "<Response><Gather numDigits='3' statusCallback='"
                  + app.url("/gather")
                  + "' statusCallbackEvent='partialResult fullResult'>"
                  + "<Say>Code?</Say></Gather></Response>");
      assertThat(simulator.awaitTranscript(id, WAIT))
          .isEqualTo(Transcript.of(say("Code?"), new Gathered("456", ""), new HungUp("flow")));
      List<JsonNode> bodies = app.bodies();
      assertThat(events())
          .containsExactly("partial_input", "partial_input", "partial_input", "complete_input");
      assertThat(bodies.stream().map(b -> b.path("partial_input").asString("")).toList())
          .containsExactly("4", "45", "456", "");
      JsonNode partial = bodies.get(0);
      assertThat(fieldNames(partial))
          .containsExactly("type", "event", "call_id", "time", "partial_input", "input_method");
      assertThat(partial.get("type").asString()).isEqualTo("gather");
      assertThat(partial.get("call_id").asString()).isEqualTo(id);
      assertThat(partial.get("time").asString()).matches(SECONDS);
      assertThat(partial.get("input_method").asString()).isEqualTo("dtmf");
      JsonNode complete = bodies.get(3);
      assertThat(fieldNames(complete))
          .containsExactly("type", "event", "call_id", "time", "complete_input", "input_method");
      assertThat(complete.get("complete_input").asString()).isEqualTo("456");
      assertThat(app.received().get(0).contentType()).hasValue("application/json");
      assertThat(app.received().get(0).path()).isEqualTo("/gather");
    }

    @Test
    @DisplayName("A silent callee still gets one complete_input, empty; speech is reported as such")
    void silenceAndSpeech() {
      String voxXml =
          "<Response><Gather input='dtmf speech' statusCallback='"
              + app.url("/g")
              + "' statusCallbackEvent='fullResult partialResult'/></Response>";
      simulator.scriptNextCall(Callee.answering());
      simulator.awaitTranscript(api.createCall(voxXml), WAIT);
      simulator.scriptNextCall(Callee.builder().says("sales please").build());
      simulator.awaitTranscript(api.createCall(voxXml), WAIT);
      List<JsonNode> bodies = app.bodies();
      assertThat(events()).containsExactly("complete_input", "partial_input", "complete_input");
      assertThat(bodies.get(0).get("complete_input").asString()).isEmpty();
      assertThat(bodies.get(0).get("input_method").asString()).isEqualTo("dtmf");
      assertThat(bodies.get(1).get("partial_input").asString()).isEqualTo("sales please");
      assertThat(bodies.get(2).get("complete_input").asString()).isEqualTo("sales please");
      assertThat(bodies.get(2).get("input_method").asString()).isEqualTo("speech");
    }

    @Test
    @DisplayName("statusCallbackMethod GET sends the same fields as query parameters")
    void get() {
      simulator.run(
          "<Response><Gather statusCallback='"
              + app.url("/g?app=1")
              + "' statusCallbackMethod='GET' statusCallbackEvent='fullResult'/></Response>",
          Callee.builder().presses("9").build());
      assertThat(app.received()).hasSize(1);
      WebhookRequest request = app.received().get(0);
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.bodyText()).isEmpty();
      Map<String, String> query = request.parameters();
      assertThat(query.keySet())
          .containsExactly(
              "app", "type", "event", "call_id", "time", "complete_input", "input_method");
      assertThat(query)
          .containsEntry("type", "gather")
          .containsEntry("event", "complete_input")
          .containsEntry("complete_input", "9")
          .containsEntry("input_method", "dtmf");
      assertThat(query.get("time")).matches(SECONDS);
    }

    @Test
    @DisplayName("Without statusCallback, or without keywords, nothing is sent")
    void none() {
      simulator.run(
          "<Response><Gather statusCallbackEvent='fullResult'/><Gather statusCallback='"
              + app.url("/g")
              + "'/></Response>",
          Callee.builder().presses("1").presses("2").build());
      assertThat(app.received()).isEmpty();
    }
  }

  @Nested
  @DisplayName("Number and Dial callbacks")
  class NumberCallbacks {
    @Test
    @DisplayName(
        "[SEM-07] A parallel Dial sends queued and ringing for each number, answered and complete"
            + " for the winner, no_connect for the others")
    void dial() {
      Callee callee =
          Callee.builder()
              .target("+15550000001", Callee.Target.NO_ANSWER)
              .target("+15550000002", Callee.Target.ANSWERS)
              .build();
      simulator.scriptNextCall(callee);
      String id =
          api.createCall(
              "<Response><Dial callerId='15550009999' statusCallback='"
                  + app.url("/n")
                  + "' statusCallbackEvent='queued ringing answered complete noConnect'>"
                  + "<Number statusCallback='"
                  + app.url("/ignored")
                  + "' statusCallbackEvent='queued'>15550000001</Number>"
                  + "<Number>15550000002</Number><Number>15550000003</Number></Dial>"
                  + "<Say>Back</Say></Response>");
      assertThat(simulator.awaitTranscript(id, WAIT))
          .isEqualTo(
              Transcript.of(
                  new Transferred(
                      List.of("+15550000001", "+15550000002", "+15550000003"),
                      "answered",
                      "+15550000002"),
                  say("Back"),
                  new HungUp("flow")));
      List<String> pairs = new ArrayList<>();
      for (JsonNode body : app.bodies()) {
        assertThat(fieldNames(body))
            .containsExactly("type", "event", "call_id", "destination_number", "time");
        assertThat(body.get("type").asString()).isEqualTo("number");
        assertThat(body.get("call_id").asString()).isEqualTo(id);
        pairs.add(body.get("event").asString() + " " + body.get("destination_number").asString());
      }
      assertThat(pairs)
          .containsExactly(
              "queued 15550000001",
              "queued 15550000002",
              "queued 15550000003",
              "ringing 15550000001",
              "ringing 15550000002",
              "ringing 15550000003",
              "answered 15550000002",
              "no_connect 15550000001",
              "no_connect 15550000003",
              "complete 15550000002");
      assertThat(app.received()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/n"));
    }

    @Test
    @DisplayName("A Number alone sends what it asks for; nobody answering gives no_connect")
    void number() {
      simulator.run(
          "<Response><Number statusCallback='"
              + app.url("/n")
              + "' statusCallbackEvent='ringing noConnect'>15550000001</Number></Response>",
          Callee.builder().target("+15550000001", Callee.Target.BUSY).build());
      assertThat(events()).containsExactly("ringing", "no_connect");
    }
  }

  @Nested
  @DisplayName("Conferences")
  class Conferences {
    private static final String EVERYTHING =
        "start end join leave dtmf mute unmute muteAll unmuteAll";

    @Test
    @DisplayName(
        "[SEM-08] Joining sends start and join; leaving sends leave and end; the room is then"
            + " complete")
    void lifecycle() {
      Transcript transcript =
          simulator.run(
              "<Response><Conference participantLabel='ann' statusCallback='"
                  + app.url("/c")
                  + "' statusCallbackEvent='"
                  + EVERYTHING
                  + "'>room1</Conference><Say>After</Say></Response>",
              Callee.answering());
      assertThat(transcript)
          .isEqualTo(
              Transcript.of(new JoinedConference("room1"), say("After"), new HungUp("flow")));
      assertThat(events()).containsExactly("start", "join", "leave", "end");
      List<JsonNode> bodies = app.bodies();
      assertThat(fieldNames(bodies.get(0)))
          .containsExactly("type", "event", "time", "conference_id");
      assertThat(fieldNames(bodies.get(1)))
          .containsExactly(
              "type", "event", "time", "participant_id", "conference_id", "participant_label");
      assertThat(bodies.get(1).get("participant_label").asString()).isEqualTo("ann");
      assertThat(bodies.get(1).get("participant_id").asString()).matches(UUID);
      assertThat(bodies.get(2).get("participant_id").asString())
          .isEqualTo(bodies.get(1).get("participant_id").asString());
      assertThat(bodies)
          .allSatisfy(b -> assertThat(b.get("type").asString()).isEqualTo("conference"));
      String conferenceId = bodies.get(0).get("conference_id").asString();

      JsonNode room = api.json("/conferences").get("results").get(0);
      assertThat(room.get("id").asString()).isEqualTo(conferenceId);
      assertThat(room.get("name").asString()).isEqualTo("room1");
      assertThat(room.get("status").asString()).isEqualTo("complete");
      assertThat(api.json("/conferences/" + conferenceId + "/participants").get("count").asInt())
          .isZero();
    }

    @Test
    @DisplayName("While the caller is in the room it is listed, and muting it over REST sends mute")
    void visibleWhileInRoom() {
      List<JsonNode> seen = new CopyOnWriteArrayList<>();
      List<Integer> statuses = new CopyOnWriteArrayList<>();
      app.reacting(
          request -> {
            JsonNode event = JSON.readTree(request.bodyText());
            if (event.get("event").asString().equals("join")) {
              String conference = event.get("conference_id").asString();
              String participant = event.get("participant_id").asString();
              seen.add(api.json("/conferences/" + conference + "/participants"));
              statuses.add(
                  api.post(
                          "/conferences/" + conference + "/participants/" + participant,
                          voxBody("<Response><SetMute muted='true'/></Response>"))
                      .statusCode());
              seen.add(api.json("/conferences/" + conference + "/participants"));
              seen.add(api.json("/conferences"));
            }
            return WebhookResponse.ok();
          });
      simulator.run(
          "<Response><Conference participantLabel='bob' statusCallback='"
              + app.url("/c")
              + "' statusCallbackEvent='join mute leave'>room2</Conference></Response>",
          Callee.answering());
      assertThat(statuses).containsExactly(204);
      JsonNode before = seen.get(0).get("results").get(0);
      assertThat(before.get("label").asString()).isEqualTo("bob");
      assertThat(before.get("muted").asBoolean()).isFalse();
      assertThat(fieldNames(before))
          .containsExactly(
              "id",
              "label",
              "created_time",
              "modified_time",
              "joined_time",
              "conference_id",
              "muted");
      assertThat(seen.get(1).get("results").get(0).get("muted").asBoolean()).isTrue();
      assertThat(seen.get(2).get("results").get(0).get("status").asString())
          .isEqualTo("in_progress");
      assertThat(events()).containsExactly("join", "mute", "leave");
    }

    @Test
    @DisplayName("Deleting the room while the caller is in it hangs the caller up")
    void deleteWhileInRoom() {
      List<Integer> statuses = new CopyOnWriteArrayList<>();
      app.reacting(
          request -> {
            JsonNode event = JSON.readTree(request.bodyText());
            if (event.get("event").asString().equals("join")) {
              statuses.add(
                  api.delete("/conferences/" + event.get("conference_id").asString()).statusCode());
            }
            return WebhookResponse.ok();
          });
      String id =
          api.createCall(
              "<Response><Conference statusCallback='"
                  + app.url("/c")
                  + "' statusCallbackEvent='"
                  + EVERYTHING
                  + "'>room4</Conference><Say>Never heard</Say></Response>");
      assertThat(simulator.awaitTranscript(id, WAIT))
          .isEqualTo(Transcript.of(new JoinedConference("room4"), new HungUp("flow")));
      assertThat(statuses).containsExactly(204);
      assertThat(events()).containsExactly("start", "join", "leave", "end");
      assertThat(api.call(id).get("status").asString()).isEqualTo("complete");
      assertThat(api.json("/conferences").get("results").get(0).get("status").asString())
          .isEqualTo("complete");
    }

    @Test
    @DisplayName("The first participant's callback settings hold for the whole room")
    void firstParticipantSetsCallbacks() {
      simulator.openConference("room3", "host");
      simulator.run(
          "<Response><Conference statusCallback='"
              + app.url("/c")
              + "' statusCallbackEvent='"
              + EVERYTHING
              + "'>room3</Conference></Response>",
          Callee.answering());
      assertThat(app.received()).isEmpty();
      JsonNode room = api.json("/conferences").get("results").get(0);
      assertThat(room.get("status").asString()).isEqualTo("in_progress");
      assertThat(
              api.json("/conferences/" + room.get("id").asString() + "/participants")
                  .get("count")
                  .asInt())
          .isEqualTo(1);
    }

    @Test
    @DisplayName(
        "A room opened for control tests lists its participants newest first; SetMute and"
            + " Hangup act on them, DELETE ends the room")
    void control() {
      String id = simulator.openConference("board", "alice", "bob", "carol");
      String participants = "/conferences/" + id + "/participants";
      JsonNode list = api.json(participants);
      assertThat(list.get("count").asInt()).isEqualTo(3);
      assertThat(list.get("results").findValuesAsString("label"))
          .containsExactly("carol", "bob", "alice");
      assertThat(list.get("results").get(0).get("conference_id").asString()).isEqualTo(id);
      String bob = list.get("results").get(1).get("id").asString();
      String carol = list.get("results").get(0).get("id").asString();

      assertThat(
              api.post(
                      participants + "/" + bob,
                      voxBody("<Response><SetMute muted='true'/></Response>"))
                  .statusCode())
          .isEqualTo(204);
      assertThat(api.json(participants).get("results").findValuesAsString("muted"))
          .containsExactly("false", "true", "false");

      assertThat(
              api.send(
                      "PATCH",
                      "/conferences/" + id,
                      voxBody("<Response><SetMute muted='true'/></Response>"))
                  .statusCode())
          .isEqualTo(204);
      assertThat(api.json(participants).get("results").findValuesAsString("muted"))
          .containsExactly("true", "true", "true");

      assertThat(
              api.send(
                      "PATCH",
                      participants + "/" + carol,
                      voxBody("<Response><Say>Bye</Say><Hangup/></Response>"))
                  .statusCode())
          .isEqualTo(204);
      assertThat(api.json(participants).get("results").findValuesAsString("label"))
          .containsExactly("bob", "alice");
      assertThat(
              api.post(participants + "/" + carol, voxBody("<Response><Hangup/></Response>"))
                  .statusCode())
          .isEqualTo(404);

      HttpResponse<String> gather =
          api.post(participants + "/" + bob, voxBody("<Response><Gather/></Response>"));
      assertThat(gather.statusCode()).isEqualTo(422);
      assertThat(JSON.readTree(gather.body()).get("error").get("code").asInt()).isEqualTo(5106);

      assertThat(api.delete("/conferences/" + id).statusCode()).isEqualTo(204);
      assertThat(api.json("/conferences").get("results").get(0).get("status").asString())
          .isEqualTo("complete");
      assertThat(api.json(participants).get("count").asInt()).isZero();
      assertThat(
              api.post("/conferences/" + id, voxBody("<Response><Hangup/></Response>"))
                  .statusCode())
          .isEqualTo(422);
      assertThat(api.delete("/conferences/" + id).statusCode()).isEqualTo(204);
    }

    @Test
    @DisplayName("A conference Hangup ends the room; SetMute is refused on calls with 5106")
    void conferenceHangup() {
      String id = simulator.openConference("hall", "x");
      assertThat(
              api.post("/conferences/" + id, voxBody("<Response><Pause/><Hangup/></Response>"))
                  .statusCode())
          .isEqualTo(204);
      assertThat(api.json("/conferences").get("results").get(0).get("status").asString())
          .isEqualTo("complete");
      HttpResponse<String> refused =
          api.post(
              "/calls",
              VoxTestSupport.createBody(
                  "15556667777", "15556668888", "<Response><SetMute/></Response>"));
      assertThat(JSON.readTree(refused.body()).get("error").get("code").asInt()).isEqualTo(5106);
    }
  }

  @Nested
  @DisplayName("Incoming calls")
  class Incoming {
    @Test
    @DisplayName(
        "[SEM-13] The number's URL gets the incoming_call JSON; Reject first refuses the call"
            + " unanswered")
    void reject() {
      app.reacting(r -> WebhookResponse.xml("<Response><Reject/><Say>Never</Say></Response>"));
      Transcript transcript =
          simulator.incomingCall(
              URI.create(app.url("/incoming")), "15556668888", "15556667777", Callee.answering());
      assertThat(transcript).isEqualTo(Transcript.of(new Rejected()));
      JsonNode event = app.bodies().get(0);
      assertThat(fieldNames(event))
          .containsExactly("type", "event", "time", "call_id", "to", "from");
      assertThat(event.get("type").asString()).isEqualTo("api");
      assertThat(event.get("event").asString()).isEqualTo("incoming_call");
      assertThat(event.get("to").asString()).isEqualTo("15556667777");
      assertThat(event.get("from").asString()).isEqualTo("15556668888");
      JsonNode call = api.call(event.get("call_id").asString());
      assertThat(call.get("status").asString()).isEqualTo("complete");
      assertThat(call.has("answer_time")).isFalse();
      assertThat(simulator.awaitTranscript(event.get("call_id").asString(), WAIT))
          .isEqualTo(transcript);
    }

    @Test
    @DisplayName("An answer with VoxXML is run for the caller; a Reject later in it does nothing")
    void answered() {
      app.reacting(
          r ->
              WebhookResponse.text(
                  "<Response><Say>Welcome</Say><Gather/><Reject/><Say>You pressed $GATHER</Say></Response>"));
      Transcript transcript =
          simulator.incomingCall(
              URI.create(app.url("/incoming")),
              "15556668888",
              "15556667777",
              Callee.builder().presses("5").build());
      assertThat(transcript)
          .isEqualTo(
              Transcript.of(
                  say("Welcome"), new Gathered("5", ""), say("You pressed 5"), new HungUp("flow")));
      JsonNode call = api.call(app.bodies().get(0).get("call_id").asString());
      assertThat(call.get("status").asString()).isEqualTo("complete");
      assertThat(call.has("answer_time")).isTrue();
    }

    @Test
    @DisplayName("An answer that is not 200, not VoxXML or empty fails the call with its code")
    void failures() {
      List<Object[]> cases =
          List.of(
              new Object[] {WebhookResponse.serverError(), 5107},
              new Object[] {new WebhookResponse(200, "application/json", "{}"), 5108},
              new Object[] {WebhookResponse.xml(""), 5105},
              new Object[] {WebhookResponse.xml("<Response><Nope/></Response>"), 5106});
      for (Object[] each : cases) {
        app.reacting(r -> (WebhookResponse) each[0]);
        Transcript transcript =
            simulator.incomingCall(
                URI.create(app.url("/incoming")), "15556668888", "15556667777", Callee.answering());
        assertThat(transcript).isEqualTo(Transcript.of(new HungUp("flow")));
        List<JsonNode> bodies = app.bodies();
        JsonNode call = api.call(bodies.get(bodies.size() - 1).get("call_id").asString());
        assertThat(call.get("status").asString()).isEqualTo("failed");
        assertThat(call.get("error").get("code").asInt()).isEqualTo(each[1]);
        assertThat(call.get("error").get("time").asString()).endsWith("Z");
      }
    }
  }

  @Nested
  @DisplayName("Redirect")
  class Redirect {
    @Test
    @DisplayName("[SEM-09] A fetched document runs instead of the rest, with the method asked for")
    void fetched() {
      app.reacting(r -> WebhookResponse.xml("<Response><Say>Fetched</Say></Response>"));
      Transcript transcript =
          simulator.run(
              "<Response><Redirect method='GET'>"
                  + app.url("/next")
                  + "</Redirect><Say>Skipped</Say></Response>",
              Callee.answering());
      assertThat(transcript)
          .isEqualTo(
              Transcript.of(new Redirected(app.url("/next")), say("Fetched"), new HungUp("flow")));
      assertThat(app.received().get(0).method()).isEqualTo("GET");
    }

    @Test
    @DisplayName("A failed fetch goes on with the document, and the call ends failed with 5107")
    void failed() {
      app.reacting(r -> new WebhookResponse(404, "text/plain", "no"));
      String id =
          api.createCall(
              "<Response><Redirect>"
                  + app.url("/next")
                  + "</Redirect><Say>Still here</Say></Response>");
      assertThat(simulator.awaitTranscript(id, WAIT))
          .isEqualTo(
              Transcript.of(
                  new Redirected(app.url("/next")), say("Still here"), new HungUp("flow")));
      assertThat(app.received().get(0).method()).isEqualTo("POST");
      JsonNode call = api.call(id);
      assertThat(call.get("status").asString()).isEqualTo("failed");
      assertThat(call.get("error").get("code").asInt()).isEqualTo(5107);
    }
  }
}
