package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.ReferenceInterpreter;
import dev.switchboard.testkit.SeedFlows;
import dev.switchboard.testkit.Transcript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every offline command through the command's own entry point, with its output and exit code. */
class CommandTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  /** What one run printed and returned. */
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String example(String name) {
    return EXAMPLES.resolve(name + ".json").toString();
  }

  @Test
  @DisplayName("providers lists the three providers and the capability matrix")
  void providers() {
    Result result = run("providers");
    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains(
            "3 providers found",
            "hoiio",
            "voxtelesys",
            "xoxzo",
            "| capability | Hoiio | Voxtelesys | Xoxzo |");
  }

  @Test
  @DisplayName("--help works for the command and every subcommand")
  void help() {
    for (String command :
        new String[] {
          "providers",
          "validate",
          "render",
          "simulate",
          "emulate",
          "call",
          "status",
          "hangup",
          "serve"
        }) {
      Result result = run(command, "--help");
      assertThat(result.code()).as(command).isZero();
      assertThat(result.out()).as(command).startsWith("Usage: switchboard " + command);
    }
    assertThat(run("--help").out()).contains("simulate", "render", "validate");
  }

  @Nested
  @DisplayName("validate")
  class Validate {
    @Test
    @DisplayName("exits 0 when the provider can run the flow")
    void runnable() {
      Result result = run("validate", "--provider", "voxtelesys", example("complex-ivr"));
      assertThat(result.code()).isZero();
      assertThat(result.out()).contains("voxtelesys can run");
    }

    @Test
    @DisplayName("exits 2 listing every gap with its position, and one line on stderr")
    void gaps() {
      Result result = run("validate", "--provider", "xoxzo", example("voicemail"));
      assertThat(result.code()).isEqualTo(2);
      assertThat(result.out().lines())
          .containsExactly(
              "verbs[0] record: record the caller",
              "verbs[1] hangup: more than one message in a call");
      assertThat(result.err().lines()).hasSize(1).first().asString().contains("2 gap(s)");
    }

    @Test
    @DisplayName("with several providers, shows each verdict and the one a routed call would use")
    void routed() {
      Result result = run("validate", "--provider", "xoxzo,hoiio", example("voicemail"));
      assertThat(result.code()).isZero();
      assertThat(result.out().lines())
          .containsExactly(
              "xoxzo: cannot run it",
              "  verbs[0] record: record the caller",
              "  verbs[1] hangup: more than one message in a call",
              "hoiio: can run it",
              "A call routed through xoxzo,hoiio would use hoiio");
    }

    @Test
    @DisplayName("without --provider, judges every provider found, in id order")
    void everyProvider() {
      Result result = run("validate", example("voicemail"));
      assertThat(result.code()).isZero();
      assertThat(result.out())
          .contains("hoiio: can run it", "voxtelesys: ", "xoxzo: cannot run it")
          .contains("A call routed through hoiio,voxtelesys,xoxzo would use hoiio");
    }

    @Test
    @DisplayName("exits 2 when none of the providers can run the flow, in one line on stderr")
    void noneCan() {
      Result result = run("validate", "--provider", "xoxzo,xoxzo", example("voicemail"));
      assertThat(result.code()).isEqualTo(2);
      assertThat(result.err()).contains("names a provider twice");
      Result none = run("validate", "--provider", "xoxzo", example("voicemail"));
      assertThat(none.code()).isEqualTo(2);
    }

    @Test
    @DisplayName("exits 2 listing every vendor limit broken")
    void limits(@TempDir Path dir) throws IOException {
      Path flow = dir.resolve("long-pause.json");
      Files.writeString(
          flow, "{\"verbs\":[{\"pause\":{\"seconds\":90}},{\"say\":{\"text\":\"hi\"}}]}");
      Result result = run("validate", "--provider", "voxtelesys", flow.toString());
      assertThat(result.code()).isEqualTo(2);
      assertThat(result.out())
          .contains("verbs[0].pause.seconds: Voxtelesys pauses 1 to 60 seconds, was 90");
    }
  }

  @Nested
  @DisplayName("render")
  class Render {
    @Test
    @DisplayName("shows the VoxXML, the Hoiio blocks and the Xoxzo request")
    void each() {
      assertThat(run("render", "--provider", "voxtelesys", example("simple-ivr")).out())
          .contains("<Response>", "<If variable=\"$GATHER\" test=\"EQUAL\" value=\"2\">");
      assertThat(run("render", "--provider", "hoiio", example("voicemail")).out())
          .contains("POST ivr/start/dial", "POST ivr/middle/record", "max_duration=120");
      assertThat(run("render", "--provider", "xoxzo", example("reminder-mp3")).out())
          .contains("POST /voice/simple/playbacks/", "recording_url=http://www.mysite.com/123.mp3");
    }

    @Test
    @DisplayName("exits 2 for a flow the provider cannot run")
    void unsupported() {
      Result result = run("render", "--provider", "hoiio", example("simple-ivr"));
      assertThat(result.code()).isEqualTo(2);
      assertThat(result.err()).contains("continue after bridge");
    }
  }

  @Nested
  @DisplayName("simulate")
  class Simulate {
    @Test
    @DisplayName(
        "runs the flow through the real provider against its simulator and prints what was heard")
    void oneProvider() {
      Result result =
          run("simulate", "--provider", "voxtelesys", "--press", "2", example("simple-ivr"));
      assertThat(result.code()).isZero();
      assertThat(result.out())
          .isEqualTo(
              ReferenceInterpreter.run(SeedFlows.simpleIvr(), Callee.builder().presses("2").build())
                      .render()
                  + "\n");
    }

    @Test
    @DisplayName("--json prints JSON lines that read back to the reference transcript")
    void json() {
      Result result =
          run(
              "simulate",
              "--provider",
              "hoiio",
              "--json",
              "--press",
              "2",
              "--press",
              "1111",
              example("voicemail"));
      assertThat(Transcript.fromJsonLines(result.out()).normalized())
          .isEqualTo(
              ReferenceInterpreter.run(SeedFlows.voicemail(), Callee.answering()).normalized());
    }

    @Test
    @DisplayName("--wire adds the HTTP exchanges with the simulated vendor")
    void wire() {
      Result result = run("simulate", "--provider", "xoxzo", "--wire", example("reminder-tts"));
      assertThat(result.out())
          .contains(
              "--- HTTP exchanges with the simulated Xoxzo ---",
              ">> POST /voice/simple/playbacks/");
    }

    @Test
    @DisplayName(
        "without --provider, shows the reference and every provider side by side, with gaps")
    void sideBySide() {
      Result result = run("simulate", "--press", "2", example("simple-ivr"));
      assertThat(result.code()).isZero();
      assertThat(result.out().lines().findFirst().orElseThrow())
          .contains("reference (what the flow means)", "Hoiio", "Voxtelesys", "Xoxzo");
      assertThat(result.out())
          .contains("cannot run this flow:", "transfer to +15556668888: answered by");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"--no-answer, unanswered (no-answer)", "--busy, unanswered (busy)"})
    @DisplayName("the callee can be scripted not to answer, or to be busy")
    void unanswered(String option, String expected) {
      assertThat(
              run("simulate", "--provider", "voxtelesys", option, example("reminder-tts"))
                  .out()
                  .strip())
          .isEqualTo(expected);
    }

    @Test
    @DisplayName("--hangup-after ends the call after that many observations")
    void hangupAfter() {
      assertThat(
              run(
                      "simulate",
                      "--provider",
                      "voxtelesys",
                      "--hangup-after",
                      "2",
                      example("simple-ivr"))
                  .out()
                  .lines())
          .hasSize(3)
          .last()
          .isEqualTo("hangup (by callee)");
    }
  }

  @Nested
  @DisplayName("Bad input: one line on stderr and the right exit code")
  class BadInput {
    private void assertOneLine(Result result, int code, String contains) {
      assertThat(result.code()).isEqualTo(code);
      assertThat(result.err().lines()).as(result.err()).isNotEmpty();
      assertThat(result.err().lines().findFirst().orElseThrow())
          .startsWith("switchboard: ")
          .contains(contains);
      assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    @DisplayName("a device, an endless config file, a malformed escape, an impossible port")
    void endlessAndImpossible(@TempDir Path dir) throws IOException {
      assertOneLine(run("validate", "--provider", "voxtelesys", "/dev/zero"), 2, "regular file");
      assertOneLine(
          run("status", "--provider", "voxtelesys", "--config", "/dev/zero", "c1"), 2, "/dev/zero");
      Path escape = dir.resolve("escape.properties");
      Files.writeString(escape, "switchboard.voxtelesys.api-key=\\uZZZZ\n");
      assertOneLine(
          run("status", "--provider", "voxtelesys", "--config", escape.toString(), "c1"),
          2,
          escape.toString());
      for (String port : List.of("-1", "70000")) {
        assertOneLine(
            run("serve", "--provider", "voxtelesys", "--port", port, example("reminder-tts")),
            2,
            "--port");
      }
    }

    @Test
    @DisplayName("a missing file")
    void missingFile() {
      assertOneLine(run("simulate", "--provider", "voxtelesys", "no-such.json"), 2, "no-such.json");
    }

    @Test
    @DisplayName("malformed JSON, with line and column")
    void malformed(@TempDir Path dir) throws IOException {
      Path flow = dir.resolve("bad.json");
      Files.writeString(flow, "{\"verbs\": [ {\"say\": {\"text\": \"hi\"} ");
      assertOneLine(run("validate", "--provider", "voxtelesys", flow.toString()), 2, "line");
    }

    @Test
    @DisplayName("an unknown verb, naming its JSON path")
    void unknownVerb(@TempDir Path dir) throws IOException {
      Path flow = dir.resolve("dance.json");
      Files.writeString(flow, "{\"verbs\": [{\"dance\": {}}]}");
      assertOneLine(
          run("render", "--provider", "voxtelesys", flow.toString()),
          2,
          "$.verbs[0].dance: unknown verb 'dance'");
    }

    @Test
    @DisplayName("a flow the provider cannot run")
    void unsupported() {
      assertOneLine(
          run("simulate", "--provider", "xoxzo", example("simple-ivr")), 2, "cannot run this");
    }

    @Test
    @DisplayName("an unknown provider, listing the known ones")
    void unknownProvider() {
      assertOneLine(
          run("validate", "--provider", "twilio", example("simple-ivr")),
          2,
          "known providers: hoiio, voxtelesys, xoxzo");
    }

    @Test
    @DisplayName("missing credentials, listing every missing key (a runtime error, exit 1)")
    void missingCredentials(@TempDir Path dir) throws IOException {
      Path empty = dir.resolve("empty.properties");
      Files.writeString(empty, "");
      assertOneLine(
          run(
              "call",
              "--provider",
              "xoxzo",
              "--config",
              empty.toString(),
              "--from",
              "+818012345678",
              "--to",
              "+818011112222",
              example("reminder-tts")),
          1,
          "switchboard.xoxzo.sid");
    }

    @Test
    @DisplayName("emulate refuses unknown vendors, unmatched ports and bad callees in one line")
    void emulateUsage(@TempDir Path dir) throws IOException {
      assertOneLine(run("emulate", "--vendor", "twilio", "--port", "0"), 2, "twilio");
      assertOneLine(
          run("emulate", "--vendor", "hoiio", "--vendor", "xoxzo", "--port", "0"), 2, "--port");
      assertOneLine(run("emulate", "--vendor", "hoiio", "--port", "70000"), 2, "--port");
      assertOneLine(
          run("emulate", "--vendor", "hoiio", "--port", "0", "--credential", "a.b=c"),
          2,
          "--credential");
      Path callees = dir.resolve("callees.jsonl");
      Files.writeString(callees, "{\"presses\": \"1\"}\n{\"pickup\": \"maybe\"}\n");
      assertOneLine(
          run("emulate", "--vendor", "hoiio", "--port", "0", "--callees", callees.toString()),
          2,
          "line 2");
    }

    @Test
    @DisplayName("a usage error, such as a missing option or an unknown command")
    void usage() {
      assertOneLine(run("validate", "--provider", "voxtelesys"), 2, "FLOW");
      assertOneLine(run("dance"), 2, "dance");
      assertOneLine(
          run("simulate", "--provider", "voxtelesys", "--press", "abc", example("simple-ivr")),
          2,
          "--press");
    }

    @Test
    @DisplayName("--verbose adds the stack trace")
    void verbose() {
      Result result = run("validate", "--verbose", "--provider", "twilio", example("simple-ivr"));
      assertThat(result.code()).isEqualTo(2);
      assertThat(result.err()).contains("\tat ");
    }
  }
}
