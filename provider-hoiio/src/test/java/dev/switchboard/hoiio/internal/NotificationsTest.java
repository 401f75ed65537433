package dev.switchboard.hoiio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.CallStatus;
import dev.switchboard.InvalidInputException;
import dev.switchboard.event.CallAnswered;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.event.RecordingReady;
import dev.switchboard.event.TransferFinished;
import dev.switchboard.event.TransferOutcome;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NotificationsTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  @DisplayName(
      "Parameters are read from the query string and the form body together; core takes out the signature")
  void queryAndForm() {
    WebhookRequest request =
        WebhookRequest.builder()
            .uri("/hooks/hoiio/notify?sb_call=k.1&sb_sig=x&session=S-1&ivr_block=gather")
            .form(Map.of("digits", "42", "call_state", "ongoing"))
            .build();
    assertThat(Notifications.fields(WebhookSigner.unsigned(request)))
        .containsEntry("session", "S-1")
        .containsEntry("digits", "42")
        .containsEntry("call_state", "ongoing")
        .doesNotContainKeys("sb_call", "sb_sig");
  }

  @Test
  @DisplayName("A JSON body is tolerated, as one SDK expects; a broken one is unreadable input")
  void json() {
    WebhookRequest request =
        WebhookRequest.builder()
            .uri("/hooks/hoiio/notify?sb_call=k.1&sb_sig=x")
            .body("application/json", "{\"session\":\"S-2\",\"digits\":\"7\"}")
            .build();
    assertThat(Notifications.fields(request)).containsEntry("digits", "7");
    WebhookRequest broken =
        WebhookRequest.builder().uri("/x").body("application/json", "{nope").build();
    assertThatThrownBy(() -> Notifications.fields(broken))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName(
      "Each block's notification becomes its event, and an ended call a CallEnded with minutes and cost")
  void events() {
    assertThat(
            Notifications.events(
                BlockKind.DIAL,
                Map.of("session", "S", "dial_status", "answered", "dest", "+65"),
                "S",
                "",
                "",
                NOW))
        .singleElement()
        .isInstanceOf(CallAnswered.class);
    assertThat(
            Notifications.events(
                BlockKind.GATHER, Map.of("session", "S", "digits", "12"), "S", "answered", "", NOW))
        .singleElement()
        .isInstanceOfSatisfying(DigitsGathered.class, d -> assertThat(d.digits()).isEqualTo("12"));
    assertThat(
            Notifications.events(
                BlockKind.RECORD,
                Map.of("session", "S", "record_status", "success", "record_url", "https://r/1.mp3"),
                "S",
                "answered",
                "",
                NOW))
        .singleElement()
        .isInstanceOfSatisfying(
            RecordingReady.class, r -> assertThat(r.url()).isEqualTo("https://r/1.mp3"));
    assertThat(
            Notifications.events(
                BlockKind.RECORD,
                Map.of("session", "S", "record_status", "failed"),
                "S",
                "answered",
                "",
                NOW))
        .isEmpty();
    assertThat(
            Notifications.events(
                BlockKind.TRANSFER,
                Map.of("session", "S", "transfer_status", "busy", "dest", "+6560000000"),
                "S",
                "answered",
                "+6591112222",
                NOW))
        .singleElement()
        .isInstanceOfSatisfying(
            TransferFinished.class,
            t -> {
              assertThat(t.outcome()).isEqualTo(TransferOutcome.BUSY);
              // dest is the number the Dial called (Record and Monitor pages), not the transfer's.
              assertThat(t.target()).isEqualTo("+6591112222");
            });
    List<CallEvent> ended =
        Notifications.events(
            BlockKind.HANGUP,
            Map.of(
                "session",
                "S",
                "call_state",
                "ended",
                "date",
                "2026-01-01 08:00:00",
                "duration",
                "2",
                "debit",
                "0.013",
                "currency",
                "SGD"),
            "S",
            "answered",
            "",
            NOW);
    assertThat(ended)
        .singleElement()
        .isInstanceOfSatisfying(
            CallEnded.class,
            e -> {
              assertThat(e.status()).isEqualTo(CallStatus.COMPLETED);
              assertThat(e.duration()).hasValue(Duration.ofMinutes(2));
              assertThat(e.cost()).hasValue("0.013 SGD");
              assertThat(e.time()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            });
  }

  @Test
  @DisplayName("An unanswered or busy Dial ends the call with that status")
  void unanswered() {
    assertThat(
            Notifications.events(
                BlockKind.DIAL,
                Map.of("session", "S", "call_state", "ended", "dial_status", "busy"),
                "S",
                "",
                "",
                NOW))
        .singleElement()
        .isInstanceOfSatisfying(
            CallEnded.class, e -> assertThat(e.status()).isEqualTo(CallStatus.BUSY));
    assertThat(
            Notifications.events(
                BlockKind.DIAL,
                Map.of("session", "S", "call_state", "ended", "dial_status", "unanswered"),
                "S",
                "",
                "",
                NOW))
        .singleElement()
        .isInstanceOfSatisfying(
            CallEnded.class, e -> assertThat(e.status()).isEqualTo(CallStatus.NO_ANSWER));
  }

  @Test
  @DisplayName("Monitor's file notification is a whole-call recording")
  void monitor() {
    assertThat(
            Notifications.monitorFile(
                Map.of(
                    "session", "S", "monitor_status", "success", "monitor_url", "https://m/1.mp3"),
                NOW))
        .hasValueSatisfying(e -> assertThat(((RecordingReady) e).wholeCall()).isTrue());
  }
}
