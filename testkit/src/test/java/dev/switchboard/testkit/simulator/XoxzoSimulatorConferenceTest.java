package dev.switchboard.testkit.simulator;

import static dev.switchboard.testkit.simulator.XoxzoTestSupport.CALLER;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.SID;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.TIME;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.TOKEN;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.UUID;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.WAIT;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.body;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.fields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.Callee.Pickup;
import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.JoinedConference;
import dev.switchboard.testkit.Observation.Unanswered;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.simulator.XoxzoTestSupport.Api;
import dev.switchboard.testkit.simulator.XoxzoTestSupport.App;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The simple conference: how many participants, each participant's call, the status. */
class XoxzoSimulatorConferenceTest {
  private static final String A = "+818011110001";
  private static final String B = "+818011110002";
  private static final String C = "+818011110003";
  private static final String D = "+818011110004";

  private XoxzoSimulator simulator;
  private Api api;

  @BeforeEach
  void start() {
    simulator = new XoxzoSimulator(SID, TOKEN);
    simulator.start();
    api = new Api(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private HttpResponse<String> conference(String participants) {
    return api.conference(fields("caller", CALLER, "participants", participants, "lang", "en"));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array, String field) {
    return array.valueStream().map(n -> n.get(field).asString()).toList();
  }

  private JsonNode status(String conferenceId) {
    return api.json("/voice/simple/conferences/" + conferenceId + "/");
  }

  @Nested
  @DisplayName("How many participants")
  class Participants {
    @Test
    @DisplayName("One participant is refused with 400 on participants, and nobody is called")
    void one() {
      HttpResponse<String> response = conference(A);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(body(response).toString())
          .isEqualTo("{\"participants\":[\"Ensure this field has at least 2 elements.\"]}");
      assertThat(simulator.createdCalls()).isZero();
    }

    @Test
    @DisplayName("Four participants are refused with 400 on participants, and nobody is called")
    void four() {
      HttpResponse<String> response = conference(A + "," + B + "," + C + "," + D);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(body(response).toString())
          .isEqualTo("{\"participants\":[\"Ensure this field has no more than 3 elements.\"]}");
      assertThat(simulator.createdCalls()).isZero();
    }

    @Test
    @DisplayName(
        "Two participants are accepted with 201, each with a call that joins the room named by the"
            + " conference id")
    void two() {
      HttpResponse<String> response = conference(A + " , " + B);
      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      JsonNode created = body(response);
      assertThat(names(created)).containsExactly("conferenceid", "participants");
      String id = created.get("conferenceid").asString();
      assertThat(id).matches(UUID);
      JsonNode participants = created.get("participants");
      assertThat(participants).hasSize(2);
      assertThat(names(participants.get(0))).containsExactly("callid", "participant");
      assertThat(texts(participants, "participant")).containsExactly(A, B);
      List<String> callIds = texts(participants, "callid");
      assertThat(callIds).doesNotHaveDuplicates().allMatch(callId -> callId.matches(UUID));
      for (String callId : callIds) {
        assertThat(simulator.awaitTranscript(callId, WAIT))
            .isEqualTo(Transcript.of(new JoinedConference(id), new HungUp("flow")));
      }
      assertThat(simulator.createdCalls()).isEqualTo(1);

      JsonNode status = status(id);
      assertThat(names(status))
          .containsExactly(
              "conferenceid", "participants", "start_time", "end_time", "duration", "cost");
      assertThat(status.get("conferenceid").asString()).isEqualTo(id);
      assertThat(texts(status.get("participants"), "callid")).isEqualTo(callIds);
      assertThat(texts(status.get("participants"), "recipient")).containsExactly(A, B);
      assertThat(texts(status.get("participants"), "status"))
          .containsExactly("ANSWERED", "ANSWERED");
      assertThat(texts(status.get("participants"), "call_type")).containsOnly("simple/conferences");
      assertThat(texts(status.get("participants"), "caller")).containsOnly(CALLER);
      assertThat(status.get("start_time").asString()).matches(TIME);
      assertThat(status.get("end_time").asString()).matches(TIME);
      assertThat(status.get("duration").asInt()).isEqualTo(XoxzoSimulator.CONFERENCE_SECONDS);
      assertThat(status.get("cost").asInt()).isEqualTo(2);
      for (JsonNode leg : status.get("participants")) {
        assertThat(api.status(leg.get("callid").asString())).isEqualTo(leg);
      }
    }

    @Test
    @DisplayName(
        "Three participants are accepted with 201, each rung by the next scripted callee in"
            + " order, and the status shows each leg's outcome")
    void three() {
      simulator.scriptNextCall(Callee.answering());
      simulator.scriptNextCall(Callee.builder().pickup(Pickup.BUSY).build());
      simulator.scriptNextCall(Callee.builder().pickup(Pickup.NO_ANSWER).build());
      HttpResponse<String> response =
          api.conference(fields("caller", CALLER, "participants", A + "," + B + "," + C));
      assertThat(response.statusCode()).isEqualTo(201);
      JsonNode created = body(response);
      String id = created.get("conferenceid").asString();
      List<String> callIds = texts(created.get("participants"), "callid");
      assertThat(texts(created.get("participants"), "participant")).containsExactly(A, B, C);
      assertThat(simulator.awaitTranscript(callIds.get(0), WAIT))
          .isEqualTo(Transcript.of(new JoinedConference(id), new HungUp("flow")));
      assertThat(simulator.awaitTranscript(callIds.get(1), WAIT))
          .isEqualTo(Transcript.of(new Unanswered("busy")));
      assertThat(simulator.awaitTranscript(callIds.get(2), WAIT))
          .isEqualTo(Transcript.of(new Unanswered("no-answer")));
      JsonNode status = status(id);
      assertThat(texts(status.get("participants"), "status"))
          .containsExactly("ANSWERED", "FAILED", "NO ANSWER");
      assertThat(status.get("participants").valueStream().map(n -> n.get("duration").asInt()))
          .containsExactly(XoxzoSimulator.CONFERENCE_SECONDS, 0, 0);
      assertThat(status.get("duration").asInt()).isEqualTo(XoxzoSimulator.CONFERENCE_SECONDS);
      assertThat(status.get("cost").asInt()).isEqualTo(3);
    }
  }

  @Nested
  @DisplayName("While the participants are rung")
  class InProgress {
    @Test
    @DisplayName("The conference has no end time and its legs are IN PROGRESS until they ring")
    void held() {
      simulator.holdCalls();
      JsonNode created = body(conference(A + "," + B));
      String id = created.get("conferenceid").asString();
      JsonNode ringing = status(id);
      assertThat(ringing.get("end_time").isNull()).isTrue();
      assertThat(ringing.get("cost").asInt()).isZero();
      assertThat(texts(ringing.get("participants"), "status"))
          .containsExactly("IN PROGRESS", "IN PROGRESS");
      assertThat(ringing.get("participants").get(0).get("end_time").isNull()).isTrue();
      simulator.releaseCalls();
      for (String callId : texts(created.get("participants"), "callid")) {
        simulator.awaitTranscript(callId, WAIT);
      }
      JsonNode over = status(id);
      assertThat(over.get("end_time").asString()).matches(TIME);
      assertThat(over.get("start_time")).isEqualTo(ringing.get("start_time"));
    }

    @Test
    @DisplayName("A callbackurl is not a conference field: the legs call nobody back")
    void noCallbacks() {
      try (App app = new App()) {
        JsonNode created =
            body(
                api.conference(
                    fields(
                        "caller",
                        CALLER,
                        "participants",
                        A + "," + B,
                        "callbackurl",
                        app.url("/cb"))));
        for (String callId : texts(created.get("participants"), "callid")) {
          simulator.awaitTranscript(callId, WAIT);
        }
        assertThat(app.received()).isEmpty();
      }
    }
  }
}
