package dev.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.InvalidInputException;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every numeric limit of every verb, with values just inside and just outside. */
class VerbLimitsTest {

  private static final List<Prompt> NO_PROMPTS = List.of();

  static Stream<Arguments> numericLimits() {
    return Stream.of(
        limit("say.loop", 1, Say.MAX_LOOP, n -> new Say("hi", "en-US", VoiceGender.FEMALE, n)),
        limit(
            "play.loop", 1, Say.MAX_LOOP, n -> new Play(URI.create("https://a.example/x.mp3"), n)),
        limit("pause.seconds", 1, Pause.MAX_SECONDS, Pause::new),
        limit("gather.numDigits", 1, Gather.MAX_DIGITS, n -> Gather.builder().numDigits(n).build()),
        limit("gather.timeout", 1, Gather.MAX_TIMEOUT, n -> Gather.builder().timeout(n).build()),
        limit("gather.attempts", 1, Gather.MAX_ATTEMPTS, n -> Gather.builder().attempts(n).build()),
        limit("record.maxDuration", 1, Record.MAX_DURATION, n -> new Record(NO_PROMPTS, n, "#")),
        limit(
            "transfer.timeout",
            1,
            Transfer.MAX_TIMEOUT,
            n -> Transfer.builder().to("+15556667777").timeout(n).build()));
  }

  private static Arguments limit(String field, int min, int max, IntFunction<Verb> make) {
    return Arguments.of(field, min, max, make);
  }

  @ParameterizedTest(name = "{0} accepts {1} and {2}, refuses {1}-1 and {2}+1")
  @MethodSource("numericLimits")
  @DisplayName("Each numeric attribute accepts its bounds and refuses one beyond, naming the field")
  void numericBounds(String field, int min, int max, IntFunction<Verb> make) {
    assertThat(make.apply(min)).isNotNull();
    assertThat(make.apply(max)).isNotNull();
    for (int outside : new int[] {min - 1, max + 1}) {
      assertThatThrownBy(() -> make.apply(outside))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.rule()).contains("between " + min + " and " + max, "was " + outside);
              });
    }
  }

  @Nested
  @DisplayName("Say")
  class SayRules {
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    @DisplayName("Blank text is refused")
    void blankText(String text) {
      assertThatThrownBy(() -> Say.of(text))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("say.text"));
    }

    @Test
    @DisplayName("Markup-looking text is kept literally, not interpreted")
    void literalText() {
      String text = "<speak>Tom & \"Jerry\" say 'hi' </Say><Hangup/>";
      assertThat(Say.of(text).text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "zh-HK", "ja", "es-419", "fr-CA"})
    @DisplayName("BCP-47 language tags are accepted")
    void languageTags(String tag) {
      assertThat(Say.builder("hola").language(tag).build().language()).isEqualTo(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "english", "en_US", "e", "12-US", "en-"})
    @DisplayName("Anything that is not a BCP-47 tag is refused naming say.language")
    void badLanguage(String tag) {
      assertThatThrownBy(() -> Say.builder("hi").language(tag).build())
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("say.language"));
    }

    @Test
    @DisplayName("The defaults are en-US and a female voice")
    void defaults() {
      Say say = Say.of("hi");
      assertThat(say.language()).isEqualTo("en-US");
      assertThat(say.gender()).isEqualTo(VoiceGender.FEMALE);
      assertThat(say.hasDefaultVoice()).isTrue();
      assertThat(Say.builder("hi").gender(VoiceGender.MALE).build().hasDefaultVoice()).isFalse();
    }
  }

  @Nested
  @DisplayName("Play and Redirect URLs")
  class Urls {
    @ParameterizedTest
    @ValueSource(strings = {"http://a.example/x.mp3", "https://a.example:8443/x.wav?v=1"})
    @DisplayName("Absolute http and https URLs are accepted")
    void accepted(String url) {
      assertThat(Play.of(url).url()).hasToString(url);
      assertThat(Redirect.to(url).method()).isEqualTo(RedirectMethod.POST);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "ftp://a.example/x.mp3",
          "/x.mp3",
          "x.mp3",
          "https://",
          "file:///x",
          "http ://a"
        })
    @DisplayName("Other URLs are refused naming the field")
    void refused(String url) {
      assertThatThrownBy(() -> Play.of(url))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("play.url"));
      assertThatThrownBy(() -> Redirect.to(url))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("redirect.url"));
    }
  }

  @Nested
  @DisplayName("Gather")
  class GatherRules {
    @ParameterizedTest
    @ValueSource(strings = {"", "#", "*", "0#*", "1234567890*#"})
    @DisplayName("Finish keys are distinct keys among 0-9, * and #, or none")
    void finishKeys(String keys) {
      assertThat(Gather.builder().finishOnKey(keys).build().finishOnKey()).isEqualTo(keys);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "##", "# ", "+"})
    @DisplayName("Other finish keys are refused")
    void badFinishKeys(String keys) {
      assertThatThrownBy(() -> Gather.builder().finishOnKey(keys).build())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("gather.finishOnKey"));
    }

    @Test
    @DisplayName("An empty input set is refused")
    void emptyInput() {
      assertThatThrownBy(
              () -> new Gather(NO_PROMPTS, 1, 5, "#", 1, Set.of(), "en-US", 3, List.of()))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("gather.input"));
    }

    @Test
    @DisplayName("The same input in two branches is refused")
    void duplicateInput() {
      assertThatThrownBy(
              () -> Gather.builder().branch("1", Hangup.now()).branch("2|1", Hangup.now()).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'1' is in two branches");
    }

    @Test
    @DisplayName("A DTMF branch longer than numDigits is refused because it could never match")
    void branchLongerThanDigits() {
      assertThatThrownBy(() -> Gather.builder().numDigits(1).branch("12", Hangup.now()).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("longer than numDigits");
      assertThat(Gather.builder().numDigits(2).branch("12", Hangup.now()).build().branches())
          .hasSize(1);
    }

    @Test
    @DisplayName("A branch containing a finish key is refused because the key ends input first")
    void branchWithFinishKey() {
      assertThatThrownBy(() -> Gather.builder().numDigits(2).branch("1#", Hangup.now()).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("contains a finish key");
      assertThat(Gather.builder().finishOnKey("*").numDigits(2).branch("1#", Hangup.now()).build())
          .isNotNull();
    }

    @Test
    @DisplayName("A word branch needs speech input")
    void wordNeedsSpeech() {
      assertThatThrownBy(() -> Gather.builder().branch("1|english", Hangup.now()).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("needs speech input");
      Gather both =
          Gather.builder()
              .input(GatherInput.DTMF, GatherInput.SPEECH)
              .branch("1|english", Hangup.now())
              .build();
      assertThat(both.branchFor("english")).isPresent();
      assertThat(both.branchFor("1")).isPresent();
      assertThat(both.branchFor("2")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "English",
          "a|",
          "|1",
          "a b ",
          "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
        })
    @DisplayName("Malformed branch keys are refused")
    void badBranchKeys(String key) {
      assertThatThrownBy(() -> Branch.of(key, List.of()))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("gather.branches");
    }

    @Test
    @DisplayName("A gather's input set cannot be changed through the record")
    void immutableInput() {
      EnumSet<GatherInput> input = EnumSet.of(GatherInput.DTMF);
      Gather gather = new Gather(NO_PROMPTS, 1, 5, "#", 1, input, "en-US", 3, List.of());
      input.add(GatherInput.SPEECH);
      assertThat(gather.input()).containsExactly(GatherInput.DTMF);
      assertThatThrownBy(() -> gather.input().add(GatherInput.SPEECH))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  @DisplayName("Transfer")
  class TransferRules {
    @Test
    @DisplayName("No target is refused")
    void noTarget() {
      assertThatThrownBy(() -> Transfer.builder().build())
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("transfer.to"));
    }

    @Test
    @DisplayName("A target that is not E.164 is refused naming its index")
    void badTarget() {
      assertThatThrownBy(() -> Transfer.to("+15556667777", "5556668888"))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("transfer.to[1]"));
    }

    @Test
    @DisplayName("The same target twice is refused")
    void duplicateTarget() {
      assertThatThrownBy(() -> Transfer.to("+15556667777", "+15556667777"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("distinct");
    }

    @Test
    @DisplayName("Several targets ring in parallel; caller id and timeout are optional")
    void parallel() {
      Transfer transfer = Transfer.to("+15556667777", "+15556668888");
      assertThat(transfer.isParallel()).isTrue();
      assertThat(transfer.callerId()).isEmpty();
      assertThat(transfer.timeout()).isEmpty();
      assertThat(
              new Transfer(
                      transfer.to(), Optional.empty(), OptionalInt.of(30), List.of(Hangup.now()))
                  .timeout())
          .hasValue(30);
    }
  }

  @Nested
  @DisplayName("Conference")
  class ConferenceRules {
    @ParameterizedTest
    @ValueSource(strings = {"", "room 1", "room-1", "räume"})
    @DisplayName("Room names other than 1 to 64 letters and digits are refused")
    void badRoom(String room) {
      assertThatThrownBy(() -> Conference.room(room))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("conference.room"));
    }

    @Test
    @DisplayName("Room names of 1 and 64 characters are accepted, 65 refused")
    void roomLength() {
      assertThat(Conference.room("a").room()).isEqualTo("a");
      assertThat(Conference.room("a".repeat(64)).room()).hasSize(64);
      assertThatThrownBy(() -> Conference.room("a".repeat(65)))
          .isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("A label with punctuation is refused")
    void badLabel() {
      assertThatThrownBy(() -> Conference.builder("r1").label("bob!").build())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("conference.label"));
    }

    @Test
    @DisplayName("Default options are recognised as such")
    void defaults() {
      assertThat(Conference.room("r1").hasDefaultOptions()).isTrue();
      assertThat(Conference.builder("r1").muted(true).build().hasDefaultOptions()).isFalse();
      assertThat(Conference.builder("r1").beep(ConferenceBeep.ON_EXIT).build().hasDefaultOptions())
          .isFalse();
    }
  }

  @Nested
  @DisplayName("Sequences")
  class SequenceRules {
    @Test
    @DisplayName("An empty flow is refused")
    void emptyFlow() {
      assertThatThrownBy(() -> new CallFlow(List.of()))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("verbs"));
    }

    @Test
    @DisplayName("Verbs after a hangup are refused because they would never run")
    void afterHangup() {
      assertThatThrownBy(() -> CallFlow.of(Hangup.now(), Say.of("never")))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("verbs[1]"));
    }

    @Test
    @DisplayName("Reject is allowed only as the first verb of a flow")
    void rejectPosition() {
      assertThat(CallFlow.of(new Reject()).verbs()).hasSize(1);
      assertThatThrownBy(() -> CallFlow.of(Say.of("hi"), new Reject()))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("verbs[1]"));
      assertThatThrownBy(() -> Branch.of("1", new Reject()))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("reject may only be the first verb");
      assertThatThrownBy(
              () -> Transfer.builder().to("+15556667777").onFailure(new Reject()).build())
          .isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("A null verb is refused naming its index")
    void nullVerb() {
      assertThatThrownBy(() -> new CallFlow(java.util.Arrays.asList(Say.of("a"), null)))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("verbs[1]"));
    }

    @Test
    @DisplayName("A flow does not change when the list it was built from does")
    void defensiveCopy() {
      List<Verb> verbs = new java.util.ArrayList<>(List.of(Say.of("a")));
      CallFlow flow = new CallFlow(verbs);
      verbs.add(Say.of("b"));
      assertThat(flow.verbs()).hasSize(1);
    }
  }
}
