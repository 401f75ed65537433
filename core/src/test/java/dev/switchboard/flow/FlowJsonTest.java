package dev.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.switchboard.FlowFileException;
import dev.switchboard.InvalidInputException;
import dev.switchboard.testing.SeedIvr;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("FlowJson")
class FlowJsonTest {

  /** The seed's simple VoxXML IVR, exactly as DESIGN.md section 9 writes it. */
  private static final String SEED_IVR =
      """
      {"verbs": [
        {"say": {"text": "Thank you for calling"}},
        {"gather": {"numDigits": 1, "timeout": 60, "attempts": 3,
                    "prompts": [{"say": {"text": "For United States support, press 1."}},
                                {"say": {"text": "For Canadian support, press 2."}}],
                    "branches": {"2": [{"say": {"text": "Dialing Canadian support. Please wait."}},
                                       {"transfer": {"to": ["+15556668888"]}},
                                       {"say": {"text": "Call has ended. Goodbye."}},
                                       {"hangup": {}}]}}},
        {"say": {"text": "Dialing United States support. Please wait."}},
        {"transfer": {"to": ["+15556667777"]}},
        {"say": {"text": "Call has ended. Goodbye."}},
        {"hangup": {}}
      ]}
      """;

  /** JSON written with ' for " so that the tables stay readable; no value here holds a '. */
  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** A flow file holding the given verbs, each written with ' for ". */
  private static String flow(String... verbs) {
    return json("{'verbs': [" + String.join(", ", verbs) + "]}");
  }

  /** The JSON with the whitespace between tokens removed, keeping whitespace inside strings. */
  private static String compact(String json) {
    StringBuilder out = new StringBuilder();
    boolean inString = false;
    boolean escaped = false;
    for (char c : json.toCharArray()) {
      if (inString) {
        out.append(c);
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static FlowFileException parseFailure(String json) {
    Throwable thrown = catchThrowable(() -> FlowJson.parse(json));
    assertThat(thrown).isExactlyInstanceOf(FlowFileException.class);
    return (FlowFileException) thrown;
  }

  private static void assertFailure(String json, String path, String ruleFragment) {
    FlowFileException e = parseFailure(json);
    assertThat(e.field()).isEqualTo(path);
    assertThat(e.rule()).contains(ruleFragment);
  }

  // --- Verbs for the round-trip tables ------------------------------------------------------

  private static Say sayEverything() {
    return Say.builder("Grüß Gott <&> \"welcome\"")
        .language("de-AT")
        .gender(VoiceGender.MALE)
        .loop(3)
        .build();
  }

  private static Gather gatherEverything() {
    return Gather.builder()
        .say("Enter your PIN or say help")
        .prompt(Play.of("https://example.com/beep.wav"))
        .prompt(Pause.of(1))
        .numDigits(4)
        .timeout(30)
        .finishOnKey("*")
        .attempts(3)
        .input(GatherInput.SPEECH)
        .branch("1234|help", Say.of("Helping"))
        .branch("0", Hangup.now())
        .build();
  }

  private static Transfer transferEverything() {
    return Transfer.builder()
        .to("+15556667777", "+15556668888")
        .callerId("+15550001111")
        .timeout(45)
        .onFailure(Say.of("Nobody answered"), Hangup.now())
        .build();
  }

  private static Conference conferenceEverything() {
    return Conference.builder("Room42")
        .muted(true)
        .beep(ConferenceBeep.ON_ENTER)
        .startOnEnter(false)
        .endOnExit(true)
        .label("agent7")
        .build();
  }

  /** Each verb with every attribute away from its default, and how it is written. */
  static Stream<Arguments> verbsWithEveryAttribute() {
    return Stream.of(
        arguments(
            "say",
            sayEverything(),
            "{'say': {'text': 'Grüß Gott <&> \\'welcome\\'', 'language': 'de-AT',"
                + " 'gender': 'male', 'loop': 3}}"),
        arguments(
            "play",
            Play.of("https://example.com/hold.mp3", 2),
            "{'play': {'url': 'https://example.com/hold.mp3', 'loop': 2}}"),
        arguments("pause", Pause.of(7), "{'pause': {'seconds': 7}}"),
        arguments(
            "gather",
            gatherEverything(),
            "{'gather': {'prompts': [{'say': {'text': 'Enter your PIN or say help'}},"
                + " {'play': {'url': 'https://example.com/beep.wav'}}, {'pause': {'seconds': 1}}],"
                + " 'numDigits': 4, 'timeout': 30, 'finishOnKey': '*', 'attempts': 3,"
                + " 'input': ['speech'], 'branches': {'1234|help': [{'say': {'text': 'Helping'}}],"
                + " '0': [{'hangup': {}}]}}}"),
        arguments(
            "record",
            new Record(List.of(Say.of("Leave a message")), 300, ""),
            "{'record': {'prompts': [{'say': {'text': 'Leave a message'}}], 'maxDuration': 300,"
                + " 'finishOnKey': ''}}"),
        arguments(
            "recordCall",
            RecordCall.after(Say.of("This call is recorded")),
            "{'recordCall': {'prompts': [{'say': {'text': 'This call is recorded'}}]}}"),
        arguments(
            "transfer",
            transferEverything(),
            "{'transfer': {'to': ['+15556667777', '+15556668888'], 'callerId': '+15550001111',"
                + " 'timeout': 45, 'onFailure': [{'say': {'text': 'Nobody answered'}},"
                + " {'hangup': {}}]}}"),
        arguments(
            "conference",
            conferenceEverything(),
            "{'conference': {'room': 'Room42', 'muted': true, 'beep': 'onEnter',"
                + " 'startOnEnter': false, 'endOnExit': true, 'label': 'agent7'}}"),
        arguments(
            "hangup",
            Hangup.after(Say.of("Goodbye")),
            "{'hangup': {'prompts': [{'say': {'text': 'Goodbye'}}]}}"),
        arguments("reject", new Reject(), "{'reject': {}}"),
        arguments(
            "redirect",
            new Redirect(URI.create("https://example.com/next"), RedirectMethod.GET),
            "{'redirect': {'url': 'https://example.com/next', 'method': 'GET'}}"));
  }

  /** Each verb with every attribute at its default, written with its required attributes only. */
  static Stream<Arguments> verbsWithDefaults() {
    return Stream.of(
        arguments("say", Say.of("Hello"), "{'say': {'text': 'Hello'}}"),
        arguments(
            "play",
            Play.of("https://example.com/a.mp3"),
            "{'play': {'url': 'https://example.com/a.mp3'}}"),
        arguments("pause", Pause.of(1), "{'pause': {'seconds': 1}}"),
        arguments("gather", Gather.builder().build(), "{'gather': {}}"),
        arguments("record", Record.after(), "{'record': {}}"),
        arguments("recordCall", RecordCall.after(), "{'recordCall': {}}"),
        arguments(
            "transfer", Transfer.to("+15556667777"), "{'transfer': {'to': ['+15556667777']}}"),
        arguments("conference", Conference.room("Sales"), "{'conference': {'room': 'Sales'}}"),
        arguments("hangup", Hangup.now(), "{'hangup': {}}"),
        arguments("reject", new Reject(), "{'reject': {}}"),
        arguments(
            "redirect",
            Redirect.to("https://example.com/next"),
            "{'redirect': {'url': 'https://example.com/next'}}"));
  }

  /** Every concrete verb type, found through the sealed hierarchy. */
  private static Set<Class<?>> concreteVerbTypes(Class<?> type) {
    Set<Class<?>> types = new HashSet<>();
    if (type.isSealed()) {
      for (Class<?> sub : type.getPermittedSubclasses()) {
        types.addAll(concreteVerbTypes(sub));
      }
    } else {
      types.add(type);
    }
    return types;
  }

  @Nested
  @DisplayName("writing then parsing")
  class RoundTrip {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.switchboard.flow.FlowJsonTest#verbsWithEveryAttribute")
    @DisplayName(
        "A verb with every attribute set away from its default is written in full and"
            + " parses back equal")
    void everyAttribute(String name, Verb verb, String verbJson) {
      CallFlow flow = CallFlow.of(verb);

      String written = FlowJson.write(flow);

      assertThat(compact(written)).isEqualTo(compact(flow(verbJson)));
      assertThat(FlowJson.parse(written)).isEqualTo(flow);
      assertThat(FlowJson.parse(flow(verbJson))).isEqualTo(flow);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.switchboard.flow.FlowJsonTest#verbsWithDefaults")
    @DisplayName(
        "A verb with every attribute at its default is written with its required"
            + " attributes only and parses back equal")
    void defaults(String name, Verb verb, String verbJson) {
      CallFlow flow = CallFlow.of(verb);

      String written = FlowJson.write(flow);

      assertThat(compact(written)).isEqualTo(compact(flow(verbJson)));
      assertThat(FlowJson.parse(written)).isEqualTo(flow);
    }

    @Test
    @DisplayName("The round-trip tables cover every verb type of the sealed hierarchy")
    void tablesCoverEveryVerb() {
      Set<Class<?>> everything =
          verbsWithEveryAttribute().map(a -> a.get()[1].getClass()).collect(Collectors.toSet());
      Set<Class<?>> defaults =
          verbsWithDefaults().map(a -> a.get()[1].getClass()).collect(Collectors.toSet());

      assertThat(everything).isEqualTo(concreteVerbTypes(Verb.class));
      assertThat(defaults).isEqualTo(concreteVerbTypes(Verb.class));
    }

    @Test
    @DisplayName("A flow holding every verb with every attribute set parses back equal")
    void everyVerbInOneFlow() {
      CallFlow flow =
          CallFlow.builder()
              .verb(sayEverything())
              .verb(Play.of("https://example.com/hold.mp3", 2))
              .verb(Pause.of(7))
              .verb(gatherEverything())
              .verb(new Record(List.of(Say.of("Leave a message")), 300, ""))
              .verb(RecordCall.after(Say.of("This call is recorded")))
              .verb(transferEverything())
              .verb(conferenceEverything())
              .verb(new Redirect(URI.create("https://example.com/next"), RedirectMethod.GET))
              .verb(Hangup.after(Say.of("Goodbye")))
              .build();

      assertThat(FlowJson.parse(FlowJson.write(flow))).isEqualTo(flow);
    }

    @Test
    @DisplayName(
        "A deeply nested flow, with gathers inside branches and verbs on transfer failure,"
            + " parses back equal")
    void deeplyNested() {
      Gather inner =
          Gather.builder()
              .input(GatherInput.DTMF, GatherInput.SPEECH)
              .say("Say help or press 2")
              .branch(
                  "2|help",
                  Transfer.builder()
                      .to("+15556667777")
                      .onFailure(
                          Gather.builder()
                              .say("Press 9 to leave a message")
                              .branch("9", Record.of(60))
                              .build(),
                          Redirect.to("https://example.com/fallback"))
                      .build(),
                  Hangup.after(Say.of("Bye")))
              .build();
      Gather outer =
          Gather.builder()
              .say("Press 1 for more")
              .branch("1", Say.of("More"), inner, Say.of("Back at the top"))
              .branch("3", RecordCall.after(Pause.of(2)), Conference.room("Ops"))
              .build();
      CallFlow flow =
          CallFlow.of(
              outer,
              Transfer.builder()
                  .to("+15550001111")
                  .timeout(20)
                  .onFailure(Say.of("Still nobody"), outer, Hangup.now())
                  .build());

      String written = FlowJson.write(flow);

      assertThat(FlowJson.parse(written)).isEqualTo(flow);
      assertThat(FlowJson.write(FlowJson.parse(written))).isEqualTo(written);
    }

    @Test
    @DisplayName(
        "Attributes spelled out at their defaults parse to the default verb and are left"
            + " out when written again")
    void explicitDefaults() {
      String file =
          flow(
              "{'say': {'text': 'Hi', 'language': 'en-US', 'gender': 'female', 'loop': 1}}",
              "{'gather': {'prompts': [], 'numDigits': 1, 'timeout': 5, 'finishOnKey': '#',"
                  + " 'attempts': 1, 'input': ['dtmf'], 'branches': {}}}",
              "{'record': {'prompts': [], 'maxDuration': 120, 'finishOnKey': '#'}}",
              "{'conference': {'room': 'Sales', 'muted': false, 'beep': true,"
                  + " 'startOnEnter': true, 'endOnExit': false, 'label': ''}}",
              "{'transfer': {'to': ['+15556667777'], 'onFailure': []}}",
              "{'redirect': {'url': 'https://example.com/next', 'method': 'POST'}}",
              "{'hangup': {'prompts': []}}");

      CallFlow flow = FlowJson.parse(file);

      assertThat(flow)
          .isEqualTo(
              CallFlow.of(
                  Say.of("Hi"),
                  Gather.builder().build(),
                  Record.after(),
                  Conference.room("Sales"),
                  Transfer.to("+15556667777"),
                  Redirect.to("https://example.com/next"),
                  Hangup.now()));
      assertThat(compact(FlowJson.write(flow)))
          .isEqualTo(
              compact(
                  flow(
                      "{'say': {'text': 'Hi'}}",
                      "{'gather': {}}",
                      "{'record': {}}",
                      "{'conference': {'room': 'Sales'}}",
                      "{'transfer': {'to': ['+15556667777']}}",
                      "{'redirect': {'url': 'https://example.com/next'}}",
                      "{'hangup': {}}")));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ConferenceBeep.class)
    @DisplayName(
        "Each conference beep is written as JSON true or false or as its wire name, and"
            + " parses back")
    void beep(ConferenceBeep beep) {
      CallFlow flow = CallFlow.of(Conference.builder("Room1").beep(beep).build());
      String expected;
      if (beep == ConferenceBeep.ALWAYS) {
        expected = "{'conference': {'room': 'Room1'}}";
      } else if (beep == ConferenceBeep.NEVER) {
        expected = "{'conference': {'room': 'Room1', 'beep': false}}";
      } else {
        expected = "{'conference': {'room': 'Room1', 'beep': '" + beep.wireName() + "'}}";
      }

      assertThat(compact(FlowJson.write(flow))).isEqualTo(compact(flow(expected)));
      assertThat(FlowJson.parse(FlowJson.write(flow))).isEqualTo(flow);
    }

    @Test
    @DisplayName("A beep of JSON true parses as the default: always beep")
    void beepTrue() {
      CallFlow flow = FlowJson.parse(flow("{'conference': {'room': 'Room1', 'beep': true}}"));

      assertThat(((Conference) flow.verbs().get(0)).beep()).isEqualTo(ConferenceBeep.ALWAYS);
    }

    static Stream<Arguments> inputs() {
      return Stream.of(
          arguments(EnumSet.of(GatherInput.DTMF), "{'gather': {}}"),
          arguments(EnumSet.of(GatherInput.SPEECH), "{'gather': {'input': ['speech']}}"),
          arguments(
              EnumSet.of(GatherInput.DTMF, GatherInput.SPEECH),
              "{'gather': {'input': ['dtmf', 'speech']}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    @DisplayName(
        "Each gather input set is written in a fixed order, left out for DTMF alone, and"
            + " parses back")
    void input(Set<GatherInput> input, String expected) {
      Gather.Builder builder = Gather.builder();
      List<GatherInput> values = new ArrayList<>(input);
      builder.input(values.get(0), values.subList(1, values.size()).toArray(new GatherInput[0]));
      CallFlow flow = CallFlow.of(builder.build());

      assertThat(compact(FlowJson.write(flow))).isEqualTo(compact(flow(expected)));
      assertThat(FlowJson.parse(FlowJson.write(flow))).isEqualTo(flow);
    }

    @Test
    @DisplayName("Inputs listed speech first parse to the same set as dtmf first")
    void inputOrderDoesNotMatter() {
      Gather gather =
          (Gather) FlowJson.parse(flow("{'gather': {'input': ['speech', 'dtmf']}}")).verbs().get(0);

      assertThat(gather.input()).containsExactlyInAnyOrder(GatherInput.DTMF, GatherInput.SPEECH);
    }

    @Test
    @DisplayName("Branches keep the order of the file, in the model and when written again")
    void branchOrder() {
      String file =
          flow(
              "{'gather': {'input': ['dtmf', 'speech'], 'branches': {"
                  + "'9': [{'say': {'text': 'nine'}}],"
                  + " '1': [{'say': {'text': 'one'}}],"
                  + " '5|help': [{'say': {'text': 'five'}}]}}}");

      CallFlow flow = FlowJson.parse(file);

      Gather gather = (Gather) flow.verbs().get(0);
      assertThat(gather.branches()).extracting(Branch::key).containsExactly("9", "1", "5|help");
      assertThat(compact(FlowJson.write(flow))).isEqualTo(compact(file));
    }

    @Test
    @DisplayName("Attributes are written in the documented order whatever their order in the file")
    void stableKeyOrder() {
      String shuffled =
          flow(
              "{'say': {'loop': 2, 'gender': 'male', 'text': 'Hi'}}",
              "{'transfer': {'onFailure': [{'hangup': {}}], 'timeout': 9, 'callerId':"
                  + " '+15550001111', 'to': ['+15556667777']}}");

      String written = FlowJson.write(FlowJson.parse(shuffled));

      assertThat(compact(written))
          .isEqualTo(
              compact(
                  flow(
                      "{'say': {'text': 'Hi', 'gender': 'male', 'loop': 2}}",
                      "{'transfer': {'to': ['+15556667777'], 'callerId': '+15550001111',"
                          + " 'timeout': 9, 'onFailure': [{'hangup': {}}]}}")));
    }

    @Test
    @DisplayName(
        "The written file is indented by two spaces with one value a line and ends with a"
            + " line end")
    void prettyPrinted() {
      CallFlow flow = CallFlow.of(Say.of("Hi"), Transfer.to("+15556667777"), Hangup.now());

      assertThat(FlowJson.write(flow))
          .isEqualTo(
              """
              {
                "verbs": [
                  {
                    "say": {
                      "text": "Hi"
                    }
                  },
                  {
                    "transfer": {
                      "to": [
                        "+15556667777"
                      ]
                    }
                  },
                  {
                    "hangup": {}
                  }
                ]
              }
              """);
    }

    @Test
    @DisplayName("Writing the same flow twice gives the same text")
    void writeIsStable() {
      CallFlow flow = CallFlow.of(gatherEverything(), transferEverything());

      assertThat(FlowJson.write(flow)).isEqualTo(FlowJson.write(flow));
    }

    @Test
    @DisplayName(
        "Every flow deep enough to be made writes a file that parses back equal; deeper ones"
            + " cannot be made")
    void nestingDepthIsSymmetric() {
      for (int depth = 0; depth <= FlowLimits.MAX_DEPTH + 1; depth++) {
        Verb verb = Say.of("bottom");
        for (int i = 0; i < depth; i++) {
          verb = Gather.builder().branch("1", verb).build();
        }
        Verb top = verb;
        if (depth > FlowLimits.MAX_DEPTH) {
          assertThatThrownBy(() -> CallFlow.of(top)).isInstanceOf(InvalidInputException.class);
        } else {
          CallFlow flow = CallFlow.of(top);
          assertThat(FlowJson.parse(FlowJson.write(flow))).isEqualTo(flow);
        }
      }
    }
  }

  @Nested
  @DisplayName("reading the seed IVR")
  class ReadingSeedIvr {

    private final CallFlow expected = SeedIvr.FLOW;

    @Test
    @DisplayName("The IVR example of DESIGN section 9 parses to the expected model")
    void parses() {
      assertThat(FlowJson.parse(SEED_IVR)).isEqualTo(expected);
    }

    @Test
    @DisplayName("The IVR example read from a file gives the same model as parsed from a string")
    void readsFromFile(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("ivr.json");
      Files.writeString(file, SEED_IVR, StandardCharsets.UTF_8);

      assertThat(FlowJson.read(file)).isEqualTo(expected);
    }

    @Test
    @DisplayName("The IVR example written and parsed again is unchanged")
    void roundTrips() {
      assertThat(FlowJson.parse(FlowJson.write(expected))).isEqualTo(expected);
    }
  }

  @Nested
  @DisplayName("reading files")
  class ReadingFiles {

    @Test
    @DisplayName("A written flow saved to a file reads back equal")
    void writeThenRead(@TempDir Path dir) throws IOException {
      CallFlow flow = CallFlow.of(sayEverything(), gatherEverything());
      Path file = dir.resolve("flow.json");
      Files.writeString(file, FlowJson.write(flow), StandardCharsets.UTF_8);

      assertThat(FlowJson.read(file)).isEqualTo(flow);
    }

    @Test
    @DisplayName("A UTF-8 file with a byte order mark and non-ASCII text is read")
    void byteOrderMark(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("bom.json");
      byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      byte[] body =
          flow("{'say': {'text': 'Grüß Gott, 你好', 'language': 'de'}}")
              .getBytes(StandardCharsets.UTF_8);
      byte[] content = Arrays.copyOf(bom, bom.length + body.length);
      System.arraycopy(body, 0, content, bom.length, body.length);
      Files.write(file, content);

      assertThat(FlowJson.read(file))
          .isEqualTo(CallFlow.of(Say.builder("Grüß Gott, 你好").language("de").build()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
    @DisplayName("A file in UTF-16 or UTF-32 is detected and read")
    void otherUnicodeEncodings(String charset, @TempDir Path dir) throws IOException {
      Path file = dir.resolve("wide.json");
      Files.write(
          file, flow("{'say': {'text': 'Grüß Gott, 你好'}}").getBytes(Charset.forName(charset)));

      assertThat(FlowJson.read(file)).isEqualTo(CallFlow.of(Say.of("Grüß Gott, 你好")));
    }

    @Test
    @DisplayName("A string starting with a byte order mark parses")
    void byteOrderMarkInString() {
      assertThat(FlowJson.parse("\uFEFF" + flow("{'reject': {}}")))
          .isEqualTo(CallFlow.of(new Reject()));
    }

    @Test
    @DisplayName("A missing file is a FlowFileException on $ that names the file")
    void missingFile(@TempDir Path dir) {
      Path file = dir.resolve("nowhere.json");

      Throwable thrown = catchThrowable(() -> FlowJson.read(file));

      assertThat(thrown).isExactlyInstanceOf(FlowFileException.class);
      FlowFileException e = (FlowFileException) thrown;
      assertThat(e.field()).isEqualTo("$");
      assertThat(e.rule()).isEqualTo("cannot read flow file " + file + ": no such file");
      assertThat(e.getMessage()).isEqualTo("$: " + e.rule());
    }

    @Test
    @DisplayName("A directory given as the flow file is a FlowFileException on $ that says so")
    void directory(@TempDir Path dir) {
      Throwable thrown = catchThrowable(() -> FlowJson.read(dir));

      assertThat(thrown).isExactlyInstanceOf(FlowFileException.class);
      FlowFileException e = (FlowFileException) thrown;
      assertThat(e.field()).isEqualTo("$");
      assertThat(e.rule()).startsWith("cannot read flow file " + dir + ": ").contains("directory");
    }

    @Test
    @DisplayName("A file with invalid UTF-8 is reported as malformed JSON with its position")
    void invalidUtf8(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("latin1.json");
      Files.write(
          file, flow("{'say': {'text': 'Gr\u00fc\u00df'}}").getBytes(StandardCharsets.ISO_8859_1));

      Throwable thrown = catchThrowable(() -> FlowJson.read(file));

      assertThat(thrown).isExactlyInstanceOf(FlowFileException.class);
      FlowFileException e = (FlowFileException) thrown;
      assertThat(e.field()).isEqualTo("$.verbs[0].say");
      assertThat(e.rule()).startsWith("malformed JSON at line 1, column ").contains("UTF-8");
    }

    @Test
    @DisplayName("Problems in a file are reported with the same JSON path as in a string")
    void errorsInFiles(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("bad.json");
      Files.writeString(file, flow("{'say': {'text': 'Hi'}}", "{'gather': {'numDigits': 0}}"));

      Throwable thrown = catchThrowable(() -> FlowJson.read(file));

      assertThat(thrown).isExactlyInstanceOf(FlowFileException.class);
      assertThat(((FlowFileException) thrown).field()).isEqualTo("$.verbs[1].gather.numDigits");
    }
  }

  @Nested
  @DisplayName("malformed JSON")
  class MalformedJson {

    @Test
    @DisplayName("A syntax error names its line and column and the object it is in")
    void lineAndColumn() {
      String file =
          """
          {"verbs": [
            {"say": {"text": "hi",}}
          ]}
          """;

      FlowFileException e = parseFailure(file);

      assertThat(e.field()).isEqualTo("$.verbs[0].say");
      assertThat(e.rule())
          .startsWith("malformed JSON at line 2, column 25: ")
          .contains("double-quote to start property name");
    }

    @Test
    @DisplayName("A missing comma between attributes is malformed JSON in the verb's attributes")
    void missingComma() {
      assertFailure(
          flow("{'say': {'text': 'hi' 'loop': 2}}"),
          "$.verbs[0].say",
          "malformed JSON at line 1, column 34: ");
    }

    @Test
    @DisplayName("Text that ends early says that objects and arrays are left open")
    void endsEarly() {
      assertFailure(
          json("{'verbs': [{'say': {'text': 'hi'}}"),
          "$.verbs",
          "the text ends before every object and array is closed");
    }

    static Stream<Arguments> malformed() {
      return Stream.of(
          arguments("single quotes", "{'verbs': []}", "$", "malformed JSON at line 1, column 2"),
          arguments(
              "a comment",
              json("{'verbs': [] // none\n}"),
              "$",
              "malformed JSON at line 1, column 14"),
          arguments(
              "NaN",
              flow("{'pause': {'seconds': NaN}}"),
              "$.verbs[0].pause",
              "malformed JSON at line 1, column 37"),
          arguments(
              "an unquoted word",
              flow("{'say': {'text': hello}}"),
              "$.verbs[0].say",
              "malformed JSON at line 1, column 29: Unrecognized token 'hello'"),
          arguments(
              "a trailing comma in a list",
              flow("{'hangup': {}},"),
              "$.verbs",
              "malformed JSON at line 1, column 27"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    @DisplayName("JSON that is not strict JSON is malformed, with its position")
    void notStrictJson(String what, String file, String path, String rule) {
      assertFailure(file, path, rule);
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"", "   ", "\n\t\n"})
    @DisplayName("Empty text is reported on $ as an empty file")
    void empty(String file) {
      assertFailure(file, "$", "the file is empty");
    }

    @Test
    @DisplayName("A second JSON value after the flow is refused with its position")
    void trailingValue() {
      FlowFileException e = parseFailure(flow("{'reject': {}}") + " {}");

      assertThat(e.field()).isEqualTo("$");
      assertThat(e.rule())
          .isEqualTo(
              "unexpected content at line 1, column 29 after the end of the top-level object");
    }

    @Test
    @DisplayName("Garbage after the flow is malformed JSON")
    void trailingGarbage() {
      assertFailure(flow("{'reject': {}}") + " x", "$", "malformed JSON at line 1, column 29");
    }

    static Stream<Arguments> duplicates() {
      return Stream.of(
          arguments("verbs twice", json("{'verbs': [], 'verbs': []}"), "$.verbs", "\"verbs\""),
          arguments(
              "an attribute twice",
              flow("{'say': {'text': 'a', 'text': 'b'}}"),
              "$.verbs[0].say.text",
              "\"text\""),
          arguments(
              "a verb twice in one object",
              flow("{'say': {'text': 'a'}, 'say': {'text': 'b'}}"),
              "$.verbs[0].say",
              "\"say\""),
          arguments(
              "a branch key twice",
              flow("{'gather': {'branches': {'1': [], '1': []}}}"),
              "$.verbs[0].gather.branches[\"1\"]",
              "\"1\""),
          arguments(
              "a key twice deep inside a branch",
              flow(
                  "{'gather': {'branches': {'2': [{'transfer': {'to': ['+15556667777'],"
                      + " 'timeout': 5, 'timeout': 6}}]}}}"),
              "$.verbs[0].gather.branches[\"2\"][0].transfer.timeout",
              "\"timeout\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicates")
    @DisplayName("A key twice in one object is refused at the path of the repeated key")
    void duplicateKeys(String what, String file, String path, String key) {
      FlowFileException e = parseFailure(file);

      assertThat(e.field()).isEqualTo(path);
      assertThat(e.rule())
          .startsWith("duplicate key " + key + " at line 1, column ")
          .endsWith(": a key may appear only once in an object");
    }

    @Test
    @DisplayName("JSON nested beyond the parser's limit is refused on $ without its endless path")
    void tooDeep() {
      String file = json("{'verbs': ") + "[".repeat(600);

      FlowFileException e = parseFailure(file);

      assertThat(e.field()).isEqualTo("$");
      assertThat(e.rule()).startsWith("too large or too deeply nested at line 1").contains("500");
    }

    @Test
    @DisplayName(
        "Every truncation and every one-character deletion of a valid file gives a flow or"
            + " a FlowFileException, never another exception")
    void mutationsNeverLeak() {
      List<String> mutations = new ArrayList<>();
      for (int i = 0; i < SEED_IVR.length(); i++) {
        mutations.add(SEED_IVR.substring(0, i));
        mutations.add(SEED_IVR.substring(0, i) + SEED_IVR.substring(i + 1));
      }
      int failures = 0;
      for (String mutation : mutations) {
        Throwable thrown = catchThrowable(() -> FlowJson.parse(mutation));
        if (thrown != null) {
          failures++;
          assertThat(thrown).as(mutation).isExactlyInstanceOf(FlowFileException.class);
          assertThat(((FlowFileException) thrown).field()).as(mutation).startsWith("$");
        }
      }
      assertThat(failures).isPositive();
    }
  }

  @Nested
  @DisplayName("structure errors")
  class Structure {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "\"verbs\"", "42", "null", "true"})
    @DisplayName("A top level that is not an object is refused on $")
    void topLevelNotObject(String file) {
      assertFailure(file, "$", "must be a JSON object such as {\"verbs\": [...]}, was ");
    }

    @Test
    @DisplayName("A flow file without verbs says that verbs is required")
    void missingVerbs() {
      assertFailure("{}", "$.verbs", "is required");
    }

    @Test
    @DisplayName("An unknown top-level key is refused at its own path")
    void unknownTopLevelKey() {
      FlowFileException e = parseFailure(json("{'verbs': [{'reject': {}}], 'version': 2}"));

      assertThat(e.field()).isEqualTo("$.version");
      assertThat(e.rule()).isEqualTo("unknown key 'version'; a flow file has only \"verbs\"");
    }

    @Test
    @DisplayName("Verbs that are not a list are refused on $.verbs")
    void verbsNotList() {
      assertFailure(
          json("{'verbs': {'say': {'text': 'hi'}}}"),
          "$.verbs",
          "must be a list of verbs, was an object");
    }

    @Test
    @DisplayName("An empty list of verbs breaks the model's rule that a flow has a verb")
    void noVerbs() {
      assertFailure(json("{'verbs': []}"), "$.verbs", "a flow needs at least one verb");
    }

    @Test
    @DisplayName("A verb that is not an object is refused at its index")
    void verbNotObject() {
      assertFailure(
          flow("{'reject': {}}", "'say'"),
          "$.verbs[1]",
          "must be an object naming one verb, such as {\"say\": {\"text\": \"Hello\"}}, was the"
              + " string \"say\"");
    }

    @Test
    @DisplayName("A verb object with no key is refused and the known verbs are listed")
    void verbWithoutKey() {
      FlowFileException e = parseFailure(flow("{}"));

      assertThat(e.field()).isEqualTo("$.verbs[0]");
      assertThat(e.rule())
          .isEqualTo(
              "must have exactly one key naming the verb, found none; known verbs: say, play,"
                  + " pause, gather, record, recordCall, transfer, conference, hangup, reject,"
                  + " redirect");
    }

    @Test
    @DisplayName("A verb object with two keys is refused and both keys are named")
    void verbWithTwoKeys() {
      assertFailure(
          flow("{'say': {'text': 'a'}, 'play': {'url': 'https://example.com/a.mp3'}}"),
          "$.verbs[0]",
          "must have exactly one key naming the verb, found 2 (say, play)");
    }

    @Test
    @DisplayName("An unknown verb is refused at its key and the known verbs are listed")
    void unknownVerb() {
      FlowFileException e = parseFailure(flow("{'speak': {'text': 'hi'}}"));

      assertThat(e.field()).isEqualTo("$.verbs[0].speak");
      assertThat(e.rule())
          .isEqualTo(
              "unknown verb 'speak'; known verbs: say, play, pause, gather, record, recordCall,"
                  + " transfer, conference, hangup, reject, redirect");
    }

    @Test
    @DisplayName(
        "A verb or attribute spelled in the wrong case is refused with a hint at the"
            + " right spelling")
    void wrongCaseHints() {
      assertFailure(
          flow("{'recordcall': {}}"),
          "$.verbs[0].recordcall",
          "unknown verb 'recordcall' (did you mean 'recordCall'?); known verbs: say, ");
      assertFailure(
          flow("{'gather': {'numdigits': 2}}"),
          "$.verbs[0].gather.numdigits",
          "unknown attribute 'numdigits' of gather (did you mean 'numDigits'?); known"
              + " attributes: prompts, ");
    }

    @Test
    @DisplayName("An unknown verb inside a branch is refused at its full path")
    void unknownVerbInBranch() {
      assertFailure(
          flow("{'gather': {'branches': {'1': [{'say': {'text': 'a'}}, {'dial': {}}]}}}"),
          "$.verbs[0].gather.branches[\"1\"][1].dial",
          "unknown verb 'dial'");
    }

    @Test
    @DisplayName("An unknown attribute is refused at its path and the verb's attributes are listed")
    void unknownAttribute() {
      FlowFileException e = parseFailure(flow("{'say': {'text': 'hi', 'voice': 'alice'}}"));

      assertThat(e.field()).isEqualTo("$.verbs[0].say.voice");
      assertThat(e.rule())
          .isEqualTo(
              "unknown attribute 'voice' of say; known attributes: text, language, gender, loop");
    }

    @Test
    @DisplayName("An attribute name that is no identifier is quoted in the path")
    void oddAttributeName() {
      assertFailure(
          flow("{'gather': {'num digits': 2}}"),
          "$.verbs[0].gather[\"num digits\"]",
          "unknown attribute 'num digits' of gather; known attributes: prompts, numDigits,"
              + " timeout, finishOnKey, attempts, input, language, speechTimeout, branches");
    }

    @Test
    @DisplayName("Any attribute of reject is refused, since reject takes none")
    void rejectAttribute() {
      assertFailure(
          flow("{'reject': {'reason': 'busy'}}"),
          "$.verbs[0].reject.reason",
          "reject takes no attributes, found 'reason'");
    }

    static Stream<Arguments> attributesNotObject() {
      return Stream.of(
          arguments(
              "{'hangup': null}",
              "$.verbs[0].hangup",
              "must be an object of hangup's attributes, was null"),
          arguments(
              "{'reject': true}",
              "$.verbs[0].reject",
              "must be {}, since reject takes no attributes, was true"),
          arguments(
              "{'say': 'Hello'}",
              "$.verbs[0].say",
              "must be an object of say's attributes, was the string \"Hello\""),
          arguments(
              "{'pause': [2]}", "$.verbs[0].pause", "must be an object of pause's attributes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributesNotObject")
    @DisplayName("A verb whose value is not an object of attributes is refused at the verb's key")
    void attributesNotObject(String verb, String path, String rule) {
      assertFailure(flow(verb), path, rule);
    }

    static Stream<Arguments> nonPrompts() {
      return Stream.of(
          arguments(
              "{'gather': {'prompts': [{'say': {'text': 'hi'}}, {'transfer': {'to': []}}]}}",
              "$.verbs[0].gather.prompts[1].transfer",
              "transfer"),
          arguments(
              "{'record': {'prompts': [{'hangup': {}}]}}",
              "$.verbs[0].record.prompts[0].hangup",
              "hangup"),
          arguments(
              "{'recordCall': {'prompts': [{'record': {}}]}}",
              "$.verbs[0].recordCall.prompts[0].record",
              "record"),
          arguments(
              "{'hangup': {'prompts': [{'pause': {'seconds': 1}}, {'gather': {}}]}}",
              "$.verbs[0].hangup.prompts[1].gather",
              "gather"));
    }

    @ParameterizedTest(name = "{2} in {1}")
    @MethodSource("nonPrompts")
    @DisplayName(
        "A verb other than say, play or pause inside prompts is refused before its"
            + " attributes are read")
    void nonPromptInPrompts(String verb, String path, String name) {
      assertFailure(
          flow(verb),
          path,
          name + " is not a prompt: only say, play and pause may stand in prompts");
    }

    @Test
    @DisplayName("An unknown verb inside prompts is reported as unknown rather than as no prompt")
    void unknownVerbInPrompts() {
      assertFailure(
          flow("{'gather': {'prompts': [{'beep': {}}]}}"),
          "$.verbs[0].gather.prompts[0].beep",
          "unknown verb 'beep'; known verbs: ");
    }
  }

  @Nested
  @DisplayName("attribute type errors")
  class Types {

    static Stream<Arguments> wrongTypes() {
      return Stream.of(
          arguments("{'say': {'text': 5}}", "$.verbs[0].say.text", "must be a string, was 5"),
          arguments(
              "{'say': {'text': 'hi', 'language': null}}",
              "$.verbs[0].say.language",
              "must be a string, was null"),
          arguments(
              "{'say': {'text': 'hi', 'loop': '2'}}",
              "$.verbs[0].say.loop",
              "must be a whole number, was the string \"2\""),
          arguments(
              "{'say': {'text': 'hi', 'loop': 1.5}}",
              "$.verbs[0].say.loop",
              "must be a whole number, without a fraction or exponent, was 1.5"),
          arguments(
              "{'gather': {'numDigits': 1.0}}",
              "$.verbs[0].gather.numDigits",
              "without a fraction or exponent, was 1.0"),
          arguments(
              "{'gather': {'attempts': 1e1}}",
              "$.verbs[0].gather.attempts",
              "without a fraction or exponent, was 10.0"),
          arguments(
              "{'gather': {'timeout': 99999999999}}",
              "$.verbs[0].gather.timeout",
              "must be between 1 and 3600, was 99999999999"),
          arguments(
              "{'pause': {'seconds': -99999999999999999999999}}",
              "$.verbs[0].pause.seconds",
              "must be between 1 and 3600, was -99999999999999999999999"),
          arguments(
              "{'record': {'maxDuration': true}}",
              "$.verbs[0].record.maxDuration",
              "must be a whole number, was true"),
          arguments(
              "{'gather': {'finishOnKey': 5}}",
              "$.verbs[0].gather.finishOnKey",
              "must be a string, was 5"),
          arguments(
              "{'conference': {'room': 'R', 'muted': 'yes'}}",
              "$.verbs[0].conference.muted",
              "must be true or false, was the string \"yes\""),
          arguments(
              "{'conference': {'room': 'R', 'endOnExit': 1}}",
              "$.verbs[0].conference.endOnExit",
              "must be true or false, was 1"),
          arguments(
              "{'conference': {'room': 'R', 'beep': 'always'}}",
              "$.verbs[0].conference.beep",
              "must be true, false, \"onEnter\" or \"onExit\", was the string \"always\""),
          arguments(
              "{'conference': {'room': 'R', 'beep': 'true'}}",
              "$.verbs[0].conference.beep",
              "must be true, false, \"onEnter\" or \"onExit\", was the string \"true\""),
          arguments(
              "{'conference': {'room': 'R', 'label': 7}}",
              "$.verbs[0].conference.label",
              "must be a string, was 7"),
          arguments(
              "{'say': {'text': 'hi', 'gender': 'Female'}}",
              "$.verbs[0].say.gender",
              "must be one of \"female\", \"male\", was the string \"Female\""),
          arguments(
              "{'redirect': {'url': 'https://example.com/', 'method': 'get'}}",
              "$.verbs[0].redirect.method",
              "must be one of \"GET\", \"POST\", was the string \"get\""),
          arguments(
              "{'play': {'url': ['https://example.com/a.mp3']}}",
              "$.verbs[0].play.url",
              "must be a string, was a list"),
          arguments(
              "{'gather': {'input': 'dtmf'}}",
              "$.verbs[0].gather.input",
              "must be a list of \"dtmf\" and \"speech\""),
          arguments(
              "{'gather': {'input': ['dtmf', 'fax']}}",
              "$.verbs[0].gather.input[1]",
              "must be one of \"dtmf\", \"speech\", was the string \"fax\""),
          arguments(
              "{'gather': {'input': ['speech', 'speech']}}",
              "$.verbs[0].gather.input[1]",
              "lists \"speech\" twice"),
          arguments(
              "{'gather': {'branches': [{'1': []}]}}",
              "$.verbs[0].gather.branches",
              "must be an object from inputs to lists of verbs"),
          arguments(
              "{'gather': {'branches': {'1': {'hangup': {}}}}}",
              "$.verbs[0].gather.branches[\"1\"]",
              "must be a list of verbs, was an object"),
          arguments(
              "{'gather': {'prompts': {'say': {'text': 'hi'}}}}",
              "$.verbs[0].gather.prompts",
              "must be a list of say, play and pause verbs, was an object"),
          arguments(
              "{'transfer': {'to': '+15556667777'}}",
              "$.verbs[0].transfer.to",
              "must be a list of E.164 numbers such as [\"+15556667777\"], was the string"),
          arguments(
              "{'transfer': {'to': [15556667777]}}",
              "$.verbs[0].transfer.to[0]",
              "must be a string, was 15556667777"),
          arguments(
              "{'transfer': {'to': ['+15556667777'], 'callerId': 15550001111}}",
              "$.verbs[0].transfer.callerId",
              "must be a string, was 15550001111"),
          arguments(
              "{'transfer': {'to': ['+15556667777'], 'timeout': '30'}}",
              "$.verbs[0].transfer.timeout",
              "must be a whole number, was the string \"30\""),
          arguments(
              "{'transfer': {'to': ['+15556667777'], 'onFailure': {}}}",
              "$.verbs[0].transfer.onFailure",
              "must be a list of verbs, was an object"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("wrongTypes")
    @DisplayName("A value of the wrong JSON type is refused at its path, saying what it must be")
    void wrongType(String verb, String path, String rule) {
      assertFailure(flow(verb), path, rule);
    }

    @Test
    @DisplayName("A long string in an error is shortened so the message stays readable")
    void longStringShortened() {
      String text = "x".repeat(500);

      FlowFileException e = parseFailure(flow("{'say': {'text': 'hi', 'loop': '" + text + "'}}"));

      assertThat(e.rule())
          .isEqualTo("must be a whole number, was the string \"" + "x".repeat(37) + "...\"");
    }

    static Stream<Arguments> missing() {
      return Stream.of(
          arguments("{'say': {'loop': 2}}", "$.verbs[0].say.text"),
          arguments("{'play': {}}", "$.verbs[0].play.url"),
          arguments("{'pause': {}}", "$.verbs[0].pause.seconds"),
          arguments("{'transfer': {'timeout': 5}}", "$.verbs[0].transfer.to"),
          arguments("{'conference': {'muted': true}}", "$.verbs[0].conference.room"),
          arguments("{'redirect': {'method': 'GET'}}", "$.verbs[0].redirect.url"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("missing")
    @DisplayName("A missing required attribute is reported at the path it should have")
    void missingRequired(String verb, String path) {
      assertFailure(flow(verb), path, "is required");
    }
  }

  @Nested
  @DisplayName("model rules")
  class ModelRules {

    static Stream<Arguments> violations() {
      return Stream.of(
          arguments(
              flow("{'say': {'text': 'hi'}}", "{'gather': {'numDigits': 0}}"),
              "$.verbs[1].gather.numDigits",
              "must be between 1 and 255, was 0"),
          arguments(
              flow("{'gather': {'timeout': 3601}}"),
              "$.verbs[0].gather.timeout",
              "must be between 1 and 3600, was 3601"),
          arguments(
              flow("{'gather': {'attempts': 0}}"),
              "$.verbs[0].gather.attempts",
              "must be between 1 and 100, was 0"),
          arguments(
              flow("{'gather': {'finishOnKey': '##'}}"),
              "$.verbs[0].gather.finishOnKey",
              "must be distinct keys among 0-9, * and #, or empty, was '##'"),
          arguments(
              flow("{'gather': {'input': []}}"),
              "$.verbs[0].gather.input",
              "must name dtmf, speech or both"),
          arguments(flow("{'say': {'text': '   '}}"), "$.verbs[0].say.text", "must not be blank"),
          arguments(
              flow("{'say': {'text': 'hi', 'language': 'english!'}}"),
              "$.verbs[0].say.language",
              "must be a BCP-47 language tag such as en-US, was 'english!'"),
          arguments(
              flow("{'say': {'text': 'hi', 'loop': 101}}"),
              "$.verbs[0].say.loop",
              "must be between 1 and 100, was 101"),
          arguments(
              flow("{'play': {'url': 'ftp://example.com/a.mp3'}}"),
              "$.verbs[0].play.url",
              "must be an absolute http or https URL, was 'ftp://example.com/a.mp3'"),
          arguments(
              flow("{'play': {'url': 'https://example.com/a.mp3', 'loop': 0}}"),
              "$.verbs[0].play.loop",
              "must be between 1 and 100, was 0"),
          arguments(
              flow("{'pause': {'seconds': 0}}"),
              "$.verbs[0].pause.seconds",
              "must be between 1 and 3600, was 0"),
          arguments(
              flow("{'record': {'maxDuration': 86401}}"),
              "$.verbs[0].record.maxDuration",
              "must be between 1 and 86400, was 86401"),
          arguments(
              flow("{'record': {'finishOnKey': '1a'}}"),
              "$.verbs[0].record.finishOnKey",
              "must be distinct keys among 0-9, * and #"),
          arguments(
              flow("{'transfer': {'to': []}}"),
              "$.verbs[0].transfer.to",
              "needs at least one number"),
          arguments(
              flow("{'transfer': {'to': ['+15556667777', '+15556668888', '+15556667777']}}"),
              "$.verbs[0].transfer.to[2]",
              "repeats +15556667777 from to[0]; the numbers must be distinct"),
          arguments(
              flow("{'transfer': {'to': ['5556667777']}}"),
              "$.verbs[0].transfer.to[0]",
              "must be E.164: '+' then 1 to 15 digits, the first not 0, was '5556667777'"),
          arguments(
              flow("{'transfer': {'to': ['+15556667777'], 'callerId': '+0123'}}"),
              "$.verbs[0].transfer.callerId",
              "must be E.164"),
          arguments(
              flow("{'transfer': {'to': ['+15556667777'], 'timeout': 601}}"),
              "$.verbs[0].transfer.timeout",
              "must be between 1 and 600, was 601"),
          arguments(
              flow(
                  "{'transfer': {'to': ['+15556667777'], 'onFailure': [{'hangup': {}},"
                      + " {'say': {'text': 'late'}}]}}"),
              "$.verbs[0].transfer.onFailure[1]",
              "nothing may follow hangup: it would never run"),
          arguments(
              flow("{'transfer': {'to': ['+15556667777'], 'onFailure': [{'reject': {}}]}}"),
              "$.verbs[0].transfer.onFailure[0]",
              "reject may only be the first verb of a flow"),
          arguments(
              flow("{'conference': {'room': ''}}"),
              "$.verbs[0].conference.room",
              "must be 1 to 64 letters and digits, was ''"),
          arguments(
              flow("{'conference': {'room': 'R', 'label': 'agent-7'}}"),
              "$.verbs[0].conference.label",
              "must be 0 to 64 letters and digits, was 'agent-7'"),
          arguments(
              flow("{'redirect': {'url': 'not a url'}}"),
              "$.verbs[0].redirect.url",
              "must be an absolute http or https URL"),
          arguments(
              flow("{'gather': {'branches': {'A': []}}}"),
              "$.verbs[0].gather.branches[\"A\"]",
              "an input must be 1 to 64 of 0-9, *, #, a-z and inner spaces, was 'A'"),
          arguments(
              flow("{'gather': {'branches': {'': []}}}"),
              "$.verbs[0].gather.branches[\"\"]",
              "an input must be 1 to 64"),
          arguments(
              flow("{'gather': {'branches': {'1|1': []}}}"),
              "$.verbs[0].gather.branches[\"1|1\"]",
              "inputs must be distinct"),
          arguments(
              flow("{'gather': {'branches': {'1': [], '2|1': []}}}"),
              "$.verbs[0].gather.branches[\"2|1\"]",
              "input '1' is in two branches"),
          arguments(
              flow("{'gather': {'branches': {'1|english': []}}}"),
              "$.verbs[0].gather.branches[\"1|english\"]",
              "input 'english' needs speech input; this gather listens to dtmf only"),
          arguments(
              flow("{'gather': {'branches': {'12': []}}}"),
              "$.verbs[0].gather.branches[\"12\"]",
              "input '12' is longer than numDigits (1) and never matches"),
          arguments(
              flow("{'gather': {'branches': {'1': [{'hangup': {}}, {'say': {'text': 'x'}}]}}}"),
              "$.verbs[0].gather.branches[\"1\"][1]",
              "nothing may follow hangup: it would never run"),
          arguments(
              flow(
                  "{'gather': {'branches': {'2': [{'say': {'text': 'Dialing'}},"
                      + " {'transfer': {'to': ['555']}}]}}}"),
              "$.verbs[0].gather.branches[\"2\"][1].transfer.to[0]",
              "must be E.164"),
          arguments(
              flow(
                  "{'gather': {'branches': {'1': [{'gather': {'branches': {'2': [{'say':"
                      + " {'text': ' '}}]}}}]}}}"),
              "$.verbs[0].gather.branches[\"1\"][0].gather.branches[\"2\"][0].say.text",
              "must not be blank"),
          arguments(
              flow("{'say': {'text': 'hi'}}", "{'reject': {}}"),
              "$.verbs[1]",
              "reject may only be the first verb of a flow"),
          arguments(
              flow("{'hangup': {}}", "{'say': {'text': 'hi'}}"),
              "$.verbs[1]",
              "nothing may follow hangup: it would never run"),
          arguments(
              flow("{'reject': {}}", "{'say': {'text': 'hi'}}"),
              "$.verbs[1]",
              "nothing may follow reject: it would never run"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("violations")
    @DisplayName(
        "A value the model refuses is reported at the JSON path of the attribute with the"
            + " model's rule")
    void modelViolation(String file, String path, String rule) {
      assertFailure(file, path, rule);
    }

    @Test
    @DisplayName("A branch key holding a quote is escaped in the path")
    void quotedBranchKey() {
      assertFailure(
          "{\"verbs\": [{\"gather\": {\"branches\": {\"a\\\"b\": []}}}]}",
          "$.verbs[0].gather.branches[\"a\\\"b\"]",
          "an input must be 1 to 64");
    }
  }

  @Nested
  @DisplayName("public API")
  class Api {

    @Test
    @DisplayName("No public method of FlowJson mentions a Jackson type")
    void noJacksonInApi() {
      for (Method method : FlowJson.class.getDeclaredMethods()) {
        if (!Modifier.isPublic(method.getModifiers())) {
          continue;
        }
        assertThat(method.toGenericString()).doesNotContain("jackson");
      }
      assertThat(
              Arrays.stream(FlowJson.class.getMethods())
                  .filter(m -> m.getDeclaringClass() == FlowJson.class)
                  .map(Method::getName))
          .containsExactlyInAnyOrder("read", "parse", "write");
    }
  }
}
