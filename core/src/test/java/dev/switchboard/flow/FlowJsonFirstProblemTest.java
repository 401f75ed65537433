package dev.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.FlowFileException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which problem FlowJson reports when a file has several. */
@DisplayName("FlowJson, given several problems")
class FlowJsonFirstProblemTest {

  /** A verb with several problems, and the one reported. */
  record Case(String what, String verb, String path, String rule) {
    @Override
    public String toString() {
      return what;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "attributes are checked in the verb's order, not the file's",
            "{'say': {'loop': 'x', 'text': 5}}",
            "$.verbs[0].say.text",
            "must be a string, was 5"),
        new Case(
            "prompts come before branches whatever the file's order",
            "{'gather': {'branches': {'A': []}, 'prompts': 5}}",
            "$.verbs[0].gather.prompts",
            "must be a list of say, play and pause verbs, was 5"),
        new Case(
            "an unknown attribute comes before a bad value",
            "{'say': {'text': 5, 'voice': 'x'}}",
            "$.verbs[0].say.voice",
            "unknown attribute 'voice' of say; known attributes: text, language, gender, loop"),
        new Case(
            "a missing required attribute comes before a bad value, saying what it holds",
            "{'transfer': {'callerId': 5}}",
            "$.verbs[0].transfer.to",
            "is required: a list of E.164 numbers such as [\"+15556667777\"]"),
        new Case(
            "a verb with two keys comes before the first key's attributes",
            "{'say': {'text': 5}, 'play': {}}",
            "$.verbs[0]",
            "must have exactly one key naming the verb, found 2 (say, play); known verbs: say,"
                + " play, pause, gather, record, recordCall, transfer, conference, hangup, reject,"
                + " redirect"),
        new Case(
            "a number beyond any range is refused as it is read, before later attributes",
            "{'gather': {'timeout': 99999999999, 'branches': {'1': [{'say': {}}]}}}",
            "$.verbs[0].gather.timeout",
            "must be between 1 and 3600, was 99999999999"),
        new Case(
            "a URL that is no URI is checked with the verb, after its attributes are read",
            "{'play': {'url': 'h{ttps://example.com/', 'loop': 'two'}}",
            "$.verbs[0].play.loop",
            "must be a whole number, was the string \"two\""),
        new Case(
            "a URL that is no URI is checked before the verb's other rules",
            "{'play': {'url': 'h{ttps://example.com/', 'loop': 0}}",
            "$.verbs[0].play.url",
            "must be an absolute http or https URL, was 'h{ttps://example.com/'"),
        new Case(
            "a repeated number comes before a later bad one",
            "{'transfer': {'to': ['+15556667777', '+15556667777', 'x']}}",
            "$.verbs[0].transfer.to[1]",
            "repeats +15556667777 from to[0]; the numbers must be distinct"),
        new Case(
            "a bad branch key comes before a bad verb in a later branch",
            "{'gather': {'branches': {'A': [], '1': [{'say': {}}]}}}",
            "$.verbs[0].gather.branches[\"A\"]",
            "an input must be 1 to 64 of 0-9, *, #, a-z and inner spaces, was 'A'"));
  }

  @DisplayName("The first problem met reading in the documented order is the one reported")
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void firstProblem(Case given) {
    String file = ("{'verbs': [" + given.verb() + "]}").replace('\'', '"');

    FlowFileException e = catchThrowableOfType(FlowFileException.class, () -> FlowJson.parse(file));

    assertThat(e.field()).isEqualTo(given.path());
    assertThat(e.rule()).isEqualTo(given.rule());
  }
}
