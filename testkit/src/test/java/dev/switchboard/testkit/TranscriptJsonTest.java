package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TranscriptJsonTest {
  private static final Transcript EVERY_TYPE =
      Transcript.of(
          new Observation.Said("Hi <b>&amp;", "en-US", "female"),
          new Observation.Played("https://a.example/x.mp3"),
          new Observation.Paused(2),
          new Observation.Gathered("12", ""),
          new Observation.Gathered("", "english"),
          new Observation.Recorded("https://rec.example/1.mp3"),
          new Observation.RecordingCall(),
          new Observation.Transferred(List.of("+15556667777"), "answered", "+15556667777"),
          new Observation.Transferred(List.of("+1555", "+1666"), "unanswered", ""),
          new Observation.JoinedConference("r1"),
          new Observation.Redirected("https://a.example/next"),
          new Observation.Rejected(),
          new Observation.HungUp("callee"),
          new Observation.Unanswered("busy"));

  @Test
  @DisplayName("Every observation type survives writing and reading JSON lines")
  void roundTrip() {
    String lines = EVERY_TYPE.toJsonLines();
    assertThat(lines.lines()).hasSize(EVERY_TYPE.observations().size());
    assertThat(Transcript.fromJsonLines(lines)).isEqualTo(EVERY_TYPE);
  }

  @Test
  @DisplayName("Each line is an object whose first key is the type, as simulate --json prints it")
  void lineShape() {
    assertThat(TranscriptJson.write(new Observation.Gathered("", "")))
        .isEqualTo("{\"type\":\"gather\",\"digits\":\"\"}");
    assertThat(TranscriptJson.write(new Observation.Said("Hi", "en-US", "female")))
        .isEqualTo(
            "{\"type\":\"say\",\"text\":\"Hi\",\"language\":\"en-US\",\"gender\":\"female\"}");
  }

  @Test
  @DisplayName("A malformed or unknown line is refused naming its line number")
  void errors() {
    assertThatThrownBy(
            () -> Transcript.fromJsonLines("{\"type\":\"hangup\",\"by\":\"flow\"}\n{oops"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 2:");
    assertThatThrownBy(() -> Transcript.fromJsonLines("{\"type\":\"dance\"}"))
        .hasMessageContaining("unknown observation type 'dance'");
    assertThatThrownBy(() -> Transcript.fromJsonLines("{\"type\":\"say\"}"))
        .hasMessageContaining("'text' must be a string");
  }

  @Test
  @DisplayName("[SEM-14] Normalising numbers recordings in order, so vendors' URLs compare equal")
  void normalized() {
    Transcript t =
        Transcript.of(
            new Observation.Recorded("https://x/abc.mp3"), new Observation.Recorded("https://y/z"));
    assertThat(t.normalized())
        .isEqualTo(
            Transcript.of(
                new Observation.Recorded("recording-1"), new Observation.Recorded("recording-2")));
  }

  @Test
  @DisplayName(
      "The readable form has one line per observation, naming the voice only when it is not the default")
  void render() {
    assertThat(EVERY_TYPE.render().lines()).hasSize(EVERY_TYPE.observations().size());
    assertThat(EVERY_TYPE.render()).startsWith("say \"Hi <b>&amp;\"\nplay https://a.example/x.mp3");
    assertThat(Transcript.of(new Observation.Said("Hola", "es-US", "male")).render())
        .isEqualTo("say \"Hola\" (es-US, male)");
  }
}
