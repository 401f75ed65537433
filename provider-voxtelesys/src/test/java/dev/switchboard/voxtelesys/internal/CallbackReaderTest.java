package dev.switchboard.voxtelesys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.InvalidInputException;
import dev.switchboard.event.CallAnswered;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.CallRinging;
import dev.switchboard.event.ConferenceEvent;
import dev.switchboard.event.ConferenceEventType;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.event.SpeechGathered;
import dev.switchboard.event.TransferFinished;
import dev.switchboard.event.TransferOutcome;
import dev.switchboard.event.UnknownEvent;
import dev.switchboard.webhook.WebhookRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every callback payload of the v1 document, as written there, read into neutral events. */
class CallbackReaderTest {
  private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

  private static CallEvent read(String json) {
    WebhookRequest request =
        WebhookRequest.builder()
            .uri("/hooks/voxtelesys/callback?sb_call=c&sb_sig=s")
            .body("application/json", json)
            .build();
    return CallbackReader.event(CallbackReader.fields(request), RECEIVED);
  }

  @Test
  @DisplayName("The incoming-call request is recognised and read with its numbers in E.164")
  void incoming() {
    WebhookRequest request =
        WebhookRequest.builder()
            .uri("/hooks/voxtelesys/incoming?sb_call=incoming&sb_sig=s")
            .body(
                "application/json",
                "{\"type\":\"api\",\"event\":\"incoming_call\",\"time\":\"2021-08-30T20:49:35Z\","
                    + "\"call_id\":\"889317ac\",\"to\":\"15556667777\",\"from\":\"15556668888\"}")
            .build();
    Map<String, String> fields = CallbackReader.fields(request);
    assertThat(CallbackReader.isIncomingCall(fields)).isTrue();
    IncomingCall call = CallbackReader.incomingCall(fields, RECEIVED);
    assertThat(call.callId()).isEqualTo("889317ac");
    assertThat(call.from()).isEqualTo("+15556668888");
    assertThat(call.to()).isEqualTo("+15556667777");
    assertThat(call.time()).isEqualTo(Instant.parse("2021-08-30T20:49:35Z"));
    assertThat(call.raw()).doesNotContainKeys("sb_call", "sb_sig");
  }

  @Test
  @DisplayName("Partial and complete gather input become digits or speech events")
  void gather() {
    assertThat(
            read(
                "{\"type\":\"gather\",\"event\":\"partial_input\",\"call_id\":\"3d07\",\"time\":\"2021-08-12T14:23:31Z\",\"partial_input\":\"7\",\"input_method\":\"dtmf\"}"))
        .isEqualTo(
            new DigitsGathered(
                "voxtelesys",
                "3d07",
                Instant.parse("2021-08-12T14:23:31Z"),
                "7",
                false,
                Map.of(
                    "type",
                    "gather",
                    "event",
                    "partial_input",
                    "call_id",
                    "3d07",
                    "time",
                    "2021-08-12T14:23:31Z",
                    "partial_input",
                    "7",
                    "input_method",
                    "dtmf")));
    CallEvent complete =
        read(
            "{\"type\":\"gather\",\"event\":\"complete_input\",\"call_id\":\"3d07\",\"time\":\"2021-08-12T14:23:35Z\",\"complete_input\":\"7785\",\"input_method\":\"dtmf\"}");
    assertThat(complete)
        .isInstanceOfSatisfying(
            DigitsGathered.class,
            d -> {
              assertThat(d.digits()).isEqualTo("7785");
              assertThat(d.complete()).isTrue();
            });
    assertThat(
            read(
                "{\"type\":\"gather\",\"event\":\"complete_input\",\"call_id\":\"x\",\"complete_input\":\"english\",\"input_method\":\"speech\"}"))
        .isInstanceOfSatisfying(
            SpeechGathered.class, s -> assertThat(s.text()).isEqualTo("english"));
  }

  @ParameterizedTest(name = "number/{0}")
  @CsvSource({"ringing", "answered", "complete", "no_connect", "queued"})
  @DisplayName(
      "Number and Dial events map to ringing, answered, transfer finished, or are kept whole")
  void number(String event) {
    CallEvent read =
        read(
            "{\"type\":\"number\",\"event\":\""
                + event
                + "\",\"call_id\":\"c88f\",\"destination_number\":\"15556667777\",\"time\":\"2021-08-16T19:37:04Z\"}");
    switch (event) {
      case "ringing":
        assertThat(read)
            .isInstanceOfSatisfying(
                CallRinging.class, r -> assertThat(r.number()).isEqualTo("+15556667777"));
        break;
      case "answered":
        assertThat(read).isInstanceOf(CallAnswered.class);
        break;
      case "complete":
        assertThat(read)
            .isInstanceOfSatisfying(
                TransferFinished.class,
                t -> assertThat(t.outcome()).isEqualTo(TransferOutcome.ANSWERED));
        break;
      case "no_connect":
        assertThat(read)
            .isInstanceOfSatisfying(
                TransferFinished.class,
                t -> assertThat(t.outcome()).isEqualTo(TransferOutcome.NO_ANSWER));
        break;
      default:
        assertThat(read)
            .isInstanceOfSatisfying(
                UnknownEvent.class, u -> assertThat(u.type()).isEqualTo("number/queued"));
    }
  }

  @ParameterizedTest(name = "conference/{0}")
  @CsvSource({
    "start, STARTED",
    "end, ENDED",
    "join, JOINED",
    "leave, LEFT",
    "dtmf, KEY_PRESSED",
    "mute, MUTED",
    "unmute, UNMUTED",
    "mute_all, ALL_MUTED",
    "unmute_all, ALL_UNMUTED"
  })
  @DisplayName("Every conference event maps to its neutral type with ids, label and key")
  void conference(String event, ConferenceEventType type) {
    CallEvent read =
        read(
            "{\"type\":\"conference\",\"event\":\""
                + event
                + "\",\"time\":\"2021-08-19T13:27:05Z\",\"participant_id\":\"56ce\",\"conference_id\":\"f191\",\"participant_label\":\"john\",\"dtmf\":\"2\"}");
    assertThat(read)
        .isInstanceOfSatisfying(
            ConferenceEvent.class,
            c -> {
              assertThat(c.type()).isEqualTo(type);
              assertThat(c.conferenceId()).isEqualTo("f191");
              assertThat(c.participantId()).isEqualTo("56ce");
              assertThat(c.label()).isEqualTo("john");
            });
  }

  @Test
  @DisplayName("A body that is not a JSON object is unreadable: empty, multipart, an array")
  void notJsonObject() {
    for (String[] body :
        List.of(
            new String[] {"application/json", ""},
            new String[] {"multipart/form-data; boundary=x", "--x\r\n\r\ntype=gather\r\n--x--"},
            new String[] {"application/json", "[1]"})) {
      WebhookRequest request =
          WebhookRequest.builder()
              .uri("/hooks/voxtelesys/callback?sb_call=c&sb_sig=s&type=gather&call_id=a1")
              .body(body[0], body[1])
              .build();
      assertThatThrownBy(() -> CallbackReader.fields(request))
          .as(body[0])
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("JSON object");
    }
  }

  @Test
  @DisplayName("The document's malformed timestamps fall back to the time of receipt")
  void badTime() {
    assertThat(
            read("{\"type\":\"conference\",\"event\":\"start\",\"time\":\"2018-0-05T16:01:03Z06:00\",\"conference_id\":\"f\"}")
                .time())
        .isEqualTo(RECEIVED);
  }

  @Test
  @DisplayName("A body that is not a JSON object is unreadable input")
  void unreadable() {
    WebhookRequest request =
        WebhookRequest.builder().uri("/x").body("application/json", "[1,2").build();
    assertThatThrownBy(() -> CallbackReader.fields(request))
        .isInstanceOf(InvalidInputException.class);
  }
}
