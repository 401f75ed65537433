package dev.switchboard.cli.corpus;

import dev.switchboard.CallRequest;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.FlowJson;
import dev.switchboard.flow.FlowLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Bad flow files, from hand-written templates and a fixed seed: each is read by {@code FlowJson}
 * and placed as a call on a client connected to a simulated vendor, and handed to {@code
 * switchboard call} configured for that vendor. The bad part sits at a random place in an otherwise
 * valid flow (at the top, in a gather's prompts or branches, a transfer's on-failure flow, ...), so
 * that each error must name the bad value's own JSON path.
 */
final class FlowFileCases {
  /** The seed of every random choice: the same corpus on every run. */
  static final long SEED = 0x5EED_F10EL;

  /** Verbs that are valid anywhere, put before and after the bad one. */
  private static final List<String> SAFE =
      List.of(
          json("{'say':{'text':'Welcome to the corpus'}}"),
          json("{'pause':{'seconds':2}}"),
          json("{'play':{'url':'https://example.com/hello.mp3'}}"),
          json("{'say':{'text':'Bonjour','language':'fr-FR'}}"));

  /** Where the bad verb is placed: at the top of the flow, or inside another verb. */
  private record Spot(String before, String after, String path, boolean promptsOnly, boolean last) {
    static final List<Spot> ALL =
        List.of(
            new Spot("", "", "", false, false),
            new Spot(
                json("{'gather':{'numDigits':1,'prompts':["),
                json("],'branches':{'1':[{'say':{'text':'One'}}]}}}"),
                ".gather.prompts[0]",
                true,
                false),
            new Spot(
                json(
                    "{'gather':{'numDigits':1,'prompts':[{'say':{'text':'Press one'}}],"
                        + "'branches':{'1':["),
                "]}}}",
                ".gather.branches[\"1\"][0]",
                false,
                false),
            new Spot(
                json("{'transfer':{'to':['+15556668888'],'onFailure':["),
                "]}}",
                ".transfer.onFailure[0]",
                false,
                false),
            new Spot(json("{'record':{'prompts':["), "]}}", ".record.prompts[0]", true, false),
            new Spot(json("{'hangup':{'prompts':["), "]}}", ".hangup.prompts[0]", true, true));

    String wrap(String verb) {
      return before + verb + after;
    }
  }

  /** A flow holding the bad verb, and the JSON path of that verb. */
  private record Placed(String json, String path) {}

  private final Random random = new Random(SEED);
  private final LoopbackVendors vendors;
  private final ScratchFiles files;
  private final Map<String, Path> configs = new HashMap<>();
  private final List<BadInput> cases = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private int turn;

  private FlowFileCases(LoopbackVendors vendors, ScratchFiles files) {
    this.vendors = vendors;
    this.files = files;
  }

  /** Every flow-file case, in the same order on every run. */
  static List<BadInput> all(LoopbackVendors vendors, ScratchFiles files) {
    FlowFileCases corpus = new FlowFileCases(vendors, files);
    corpus.malformedJson();
    corpus.wrongTypes();
    corpus.unknownVerbs();
    corpus.unknownAttributes();
    corpus.missingRequired();
    corpus.outOfRange();
    corpus.badNumbers();
    corpus.invalidUtf8();
    corpus.unspeakableText();
    corpus.limits();
    corpus.structure();
    corpus.badValues();
    corpus.vendorLimits();
    return List.copyOf(corpus.cases);
  }

  // ---------------------------------------------------------------------------------------------
  // Families of bad files

  private void malformedJson() {
    String[][] templates = {
      {"empty file", "", "$: the file is empty"},
      {"only blanks", "   \n\t  ", "$: the file is empty"},
      {"JSON null", "null", "$: must be a JSON object"},
      {"top-level array", json("[{'say':{'text':'Hi'}}]"), "$: must be a JSON object"},
      {"top-level string", json("'verbs'"), "$: must be a JSON object"},
      {"top-level number", "42", "$: must be a JSON object"},
      {"lone brace", "{", "malformed JSON at line 1, column"},
      {"verbs without value", json("{'verbs':"), "malformed JSON at line 1, column"},
      {"unclosed verbs list", json("{'verbs':["), "malformed JSON at line 1, column"},
      {
        "unclosed string",
        json("{'verbs':[{'say':{'text':'Hi}}]}"),
        "malformed JSON at line 1, column"
      },
      {
        "trailing comma in list",
        json("{'verbs':[{'hangup':{}},]}"),
        "malformed JSON at line 1, column"
      },
      {
        "trailing comma in object",
        json("{'verbs':[{'say':{'text':'Hi',}}]}"),
        "malformed JSON at line 1, column"
      },
      {
        "line comment",
        json("// flow\n{'verbs':[{'hangup':{}}]}"),
        "malformed JSON at line 1, column"
      },
      {
        "block comment",
        json("{/* c */'verbs':[{'hangup':{}}]}"),
        "malformed JSON at line 1, column"
      },
      {"single quotes", "{'verbs':[{'hangup':{}}]}", "malformed JSON at line 1, column"},
      {"unquoted key", json("{verbs:[{'hangup':{}}]}"), "malformed JSON at line 1, column"},
      {
        "NaN value",
        json("{'verbs':[{'pause':{'seconds':NaN}}]}"),
        "malformed JSON at line 1, column"
      },
      {
        "leading zeros",
        json("{'verbs':[{'pause':{'seconds':007}}]}"),
        "malformed JSON at line 1, column"
      },
      {
        "plus sign number",
        json("{'verbs':[{'pause':{'seconds':+5}}]}"),
        "malformed JSON at line 1, column"
      },
      {
        "hex number",
        json("{'verbs':[{'pause':{'seconds':0x10}}]}"),
        "malformed JSON at line 1, column"
      },
      {
        "content after the object",
        json("{'verbs':[{'hangup':{}}]} {'verbs':[]}"),
        "after the end of the top-level object"
      },
      {
        "garbage after the object",
        json("{'verbs':[{'hangup':{}}]}x"),
        "malformed JSON at line 1, column"
      },
      {
        "duplicate verbs key",
        json("{'verbs':[{'hangup':{}}],'verbs':[{'hangup':{}}]}"),
        "duplicate key \"verbs\""
      },
      {
        "duplicate attribute",
        json("{'verbs':[{'say':{'text':'a','text':'b'}}]}"),
        "duplicate key \"text\""
      },
      {"verbs is null", json("{'verbs':null}"), "$.verbs"},
      {"verbs is an object", json("{'verbs':{'say':{'text':'Hi'}}}"), "$.verbs"},
      {"verbs is a string", json("{'verbs':'say hello'}"), "$.verbs"},
      {"byte order mark then garbage", "\uFEFFhello", "malformed JSON at line 1, column"},
    };
    for (String[] template : templates) {
      add("malformed: " + template[0], template[2], template[1]);
    }
    // Cut a valid flow at a random point: whatever is left, the text ends before it is closed.
    String whole =
        json(
            "{'verbs':[{'say':{'text':'Hi'}},{'gather':{'numDigits':1,'prompts':[{'say':"
                + "{'text':'Press one'}}],'branches':{'1':[{'transfer':{'to':['+15556668888']}}]}}}]}");
    for (int i = 0; i < 8; i++) {
      int cut = 1 + random.nextInt(whole.length() - 1);
      add(
          "malformed: cut after " + cut + " chars",
          "malformed JSON at line 1, column",
          whole.substring(0, cut));
    }
  }

  /** A slot of some JSON type in a verb, and values of other types. */
  private record Slot(String verb, String path, boolean prompt, List<String> wrong) {}

  private void wrongTypes() {
    List<String> notString = List.of("5", "true", "[]", "{}", "null", "['Hi']");
    List<String> notNumber = List.of("'5'", "true", "[]", "{}", "1.5", "1e1", "null", "2.0");
    List<String> notBoolean = List.of("'yes'", "1", "0", "'true'", "[]", "null");
    List<String> notList = List.of("'+15556668888'", "5", "{}", "true", "null");
    List<String> notObject = List.of("'1'", "[]", "5", "true", "null");
    List<Slot> slots =
        List.of(
            new Slot("{'say':{'text':%s}}", "say.text", true, notString),
            new Slot("{'say':{'text':'Hi','loop':%s}}", "say.loop", true, notNumber),
            new Slot("{'say':{'text':'Hi','gender':%s}}", "say.gender", true, notString),
            new Slot("{'say':{'text':'Hi','language':%s}}", "say.language", true, notString),
            new Slot("{'pause':{'seconds':%s}}", "pause.seconds", true, notNumber),
            new Slot("{'play':{'url':%s}}", "play.url", true, notString),
            new Slot("{'gather':{'numDigits':%s}}", "gather.numDigits", false, notNumber),
            new Slot("{'gather':{'timeout':%s}}", "gather.timeout", false, notNumber),
            new Slot("{'gather':{'prompts':%s}}", "gather.prompts", false, notList),
            new Slot("{'gather':{'branches':%s}}", "gather.branches", false, notObject),
            new Slot("{'gather':{'input':%s}}", "gather.input", false, notList),
            new Slot("{'transfer':{'to':%s}}", "transfer.to", false, notList),
            new Slot(
                "{'transfer':{'to':['+15556668888'],'timeout':%s}}",
                "transfer.timeout", false, notNumber),
            new Slot(
                "{'conference':{'room':'r1','muted':%s}}", "conference.muted", false, notBoolean),
            new Slot("{'conference':{'room':%s}}", "conference.room", false, notString),
            new Slot("{'record':{'maxDuration':%s}}", "record.maxDuration", false, notNumber),
            new Slot(
                "{'redirect':{'url':'https://example.com/next','method':%s}}",
                "redirect.method", false, notString));
    for (Slot slot : slots) {
      for (String wrong : pickTwo(slot.wrong())) {
        String value = json(wrong);
        Placed placed = place(json(slot.verb()).replace("%s", value), slot.prompt());
        add(
            "wrong type: " + slot.path() + " = " + value,
            placed.path() + "." + slot.path(),
            placed.json());
      }
    }
  }

  private void unknownVerbs() {
    List<String> verbs =
        new ArrayList<>(List.of("dance", "Say", "SAY", "speak", "hang_up", "gather2", "tts"));
    for (int i = 0; i < 6; i++) {
      verbs.add(letters(3 + random.nextInt(6)));
    }
    for (String verb : verbs) {
      Placed placed = place(json("{'" + verb + "':{}}"), true);
      add("unknown verb: " + verb, placed.path() + "." + verb, placed.json());
    }
  }

  private void unknownAttributes() {
    String[][] typos = {
      {"say", "'text':'Hi'", "txt"},
      {"say", "'text':'Hi'", "Text"},
      {"say", "'text':'Hi'", "voice"},
      {"say", "'text':'Hi'", "loops"},
      {"pause", "'seconds':1", "secs"},
      {"play", "'url':'https://example.com/a.mp3'", "uri"},
      {"gather", "'numDigits':1", "numdigits"},
      {"gather", "'numDigits':1", "finish_on_key"},
      {"transfer", "'to':['+15556668888']", "callerID"},
      {"conference", "'room':'r1'", "name"},
    };
    for (String[] typo : typos) {
      unknownAttribute(typo[0], typo[1], typo[2]);
    }
    String[][] verbs = {
      {"say", "'text':'Hi'"}, {"pause", "'seconds':1"}, {"hangup", ""}, {"record", ""}
    };
    for (int i = 0; i < 5; i++) {
      String[] verb = verbs[random.nextInt(verbs.length)];
      unknownAttribute(verb[0], verb[1], letters(4 + random.nextInt(5)));
    }
  }

  private void unknownAttribute(String verb, String valid, String attribute) {
    String attributes = (valid.isEmpty() ? "" : valid + ",") + "'" + attribute + "':1";
    boolean prompt = Set.of("say", "pause", "play").contains(verb);
    Placed placed = place(json("{'" + verb + "':{" + attributes + "}}"), prompt);
    add(
        "unknown attribute: " + verb + "." + attribute,
        placed.path() + "." + verb + "." + attribute,
        placed.json());
  }

  private void missingRequired() {
    String[][] verbs = {
      {"say {}", "{'say':{}}", ".say.text", "prompt"},
      {"say with only a language", "{'say':{'language':'en-GB'}}", ".say.text", "prompt"},
      {"play {}", "{'play':{}}", ".play.url", "prompt"},
      {"pause {}", "{'pause':{}}", ".pause.seconds", "prompt"},
      {"transfer {}", "{'transfer':{}}", ".transfer.to", ""},
      {"transfer to nobody", "{'transfer':{'to':[]}}", ".transfer.to", ""},
      {"conference {}", "{'conference':{}}", ".conference.room", ""},
      {"redirect {}", "{'redirect':{}}", ".redirect.url", ""},
      {"verb with no name", "{}", "", "prompt"},
      {"verb with two names", "{'say':{'text':'Hi'},'pause':{'seconds':1}}", "", "prompt"},
    };
    for (String[] verb : verbs) {
      Placed placed = place(json(verb[1]), !verb[3].isEmpty());
      add("missing: " + verb[0], placed.path() + verb[2], placed.json());
    }
    add("missing: no verbs key", "$.verbs", "{}");
    add("missing: empty verbs list", "$.verbs", json("{'verbs':[]}"));
  }

  /** A whole-number attribute and its range. */
  private record Range(String verb, String path, boolean prompt, long min, long max) {}

  private void outOfRange() {
    List<Range> ranges =
        List.of(
            new Range("{'say':{'text':'Hi','loop':%d}}", "say.loop", true, 1, 100),
            new Range(
                "{'play':{'url':'https://example.com/a.mp3','loop':%d}}",
                "play.loop", true, 1, 100),
            new Range("{'pause':{'seconds':%d}}", "pause.seconds", true, 1, 3600),
            new Range("{'gather':{'numDigits':%d}}", "gather.numDigits", false, 1, 255),
            new Range("{'gather':{'timeout':%d}}", "gather.timeout", false, 1, 3600),
            new Range("{'gather':{'attempts':%d}}", "gather.attempts", false, 1, 100),
            new Range(
                "{'gather':{'input':['speech'],'speechTimeout':%d}}",
                "gather.speechTimeout", false, 1, 60),
            new Range("{'record':{'maxDuration':%d}}", "record.maxDuration", false, 1, 86400),
            new Range(
                "{'transfer':{'to':['+15556668888'],'timeout':%d}}",
                "transfer.timeout", false, 1, 600));
    for (Range range : ranges) {
      long below = range.min() - 1 - random.nextInt(3) * random.nextInt(1000);
      long above = range.max() + 1 + random.nextInt((int) range.max());
      for (long value : new long[] {below, above}) {
        Placed placed =
            place(json(range.verb()).replace("%d", Long.toString(value)), range.prompt());
        add(
            "out of range: " + range.path() + " = " + value,
            placed.path() + "." + range.path(),
            placed.json());
      }
    }
    String[] huge = {"2147483648", "-2147483649", "99999999999999999999", "9223372036854775808"};
    for (String value : huge) {
      Placed placed = place(json("{'pause':{'seconds':" + value + "}}"), true);
      add(
          "out of range: pause.seconds = " + value,
          placed.path() + ".pause.seconds",
          placed.json());
    }
  }

  private void badNumbers() {
    String[] numbers = {
      "5556667777",
      "+0123456789",
      "+",
      "",
      "+1234567890123456",
      "+1 555 666 7777",
      "+1-555-666-7777",
      "++15556667777",
      "+1555666777x",
      "+\u0661\u0665\u0665\u0665\u0666\u0666\u0666",
      "tel:+15556667777",
      "+1\r5556667777",
      "+1\n5556667777",
      " +15556667777",
    };
    for (String number : numbers) {
      int others = random.nextInt(3);
      int at = random.nextInt(others + 1);
      List<String> to = new ArrayList<>();
      for (int i = 0; i < others; i++) {
        to.add("'+1555666" + (1000 + random.nextInt(9000)) + "'");
      }
      String field;
      String verb;
      if (random.nextInt(4) == 0) {
        to.add("'+15556668888'");
        verb =
            "{'transfer':{'to':["
                + String.join(",", to)
                + "],'callerId':'"
                + escaped(number)
                + "'}}";
        field = ".transfer.callerId";
      } else {
        to.add(at, "'" + escaped(number) + "'");
        verb = "{'transfer':{'to':[" + String.join(",", to) + "]}}";
        field = ".transfer.to[" + at + "]";
      }
      Placed placed = place(json(verb), false);
      add(
          "bad E.164: " + field.substring(1) + " = " + BadInput.show(number),
          placed.path() + field,
          placed.json());
    }
  }

  private void invalidUtf8() {
    String[][] sequences = {
      {"overlong C0 AF", "C0AF"},
      {"overlong C1 BF", "C1BF"},
      {"overlong NUL C0 80", "C080"},
      {"overlong 3-byte E0 80 AF", "E080AF"},
      {"overlong 4-byte F0 80 80 AF", "F08080AF"},
      {"beyond Unicode F5 80 80 80", "F5808080"},
      {"beyond U+10FFFF F4 90 80 80", "F4908080"},
      {"lone continuation 80", "80"},
      {"lone continuation BF", "BF"},
      {"continuations 80 80 80", "808080"},
      {"truncated 2-byte C3", "C3"},
      {"truncated 3-byte E2 82", "E282"},
      {"truncated 4-byte F0 9F 98", "F09F98"},
      {"encoded surrogate ED A0 80", "EDA080"},
      {"byte FE", "FE"},
      {"byte FF", "FF"},
    };
    for (String[] sequence : sequences) {
      byte[] bad = HexFormat.of().parseHex(sequence[1].toLowerCase());
      Placed placed = place(json("{'say':{'text':'Hello @@ world'}}"), true);
      add("invalid UTF-8: " + sequence[0] + " in say.text", "UTF-8", splice(placed.json(), bad));
    }
    Placed key = place(json("{'say':{'te@@xt':'Hello'}}"), true);
    add(
        "invalid UTF-8: overlong C0 AF in an attribute name",
        "UTF-8",
        splice(key.json(), new byte[] {(byte) 0xC0, (byte) 0xAF}));
    Placed url = place(json("{'play':{'url':'https://example.com/@@.mp3'}}"), true);
    add(
        "invalid UTF-8: F5 80 80 80 in play.url",
        "UTF-8",
        splice(url.json(), new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}));
    add(
        "invalid UTF-8: truncated E2 82 at the end of the file",
        "UTF-8",
        splice(json("{'verbs':[{'hangup':{}}]}@@"), new byte[] {(byte) 0xE2, (byte) 0x82}));
  }

  private void unspeakableText() {
    String[][] texts = {
      {"NUL", "Hello \\u0000 world"},
      {"BEL", "Hello \\u0007 world"},
      {"ESC", "Hello \\u001b[31m world"},
      {"VT", "Hello \\u000b world"},
      {"FF", "Hello \\u000c world"},
      {"backspace", "Hello\\u0008 world"},
      {"U+FFFE", "Hello \\ufffe world"},
      {"U+FFFF", "Hello \\uffff world"},
      {"lone high surrogate", "Hello \\ud800 world"},
      {"lone low surrogate", "Hello \\udc00 world"},
      {"reversed surrogate pair", "Hello \\udc00\\ud800 world"},
      {"high surrogate at the end", "Hello \\udbff"},
      {"only a zero-width space", "\\u200b"},
      {"only invisible format characters", "\\u200b\\u2060\\ufeff"},
      {"only blanks", "   "},
      {"only a tab and a line break", "\\t\\n"},
      {"only no-break spaces", "\\u00a0\\u00a0"},
      {"empty", ""},
    };
    for (String[] text : texts) {
      Placed placed = place(json("{'say':{'text':'" + text[1] + "'}}"), true);
      add("unspeakable say.text: " + text[0], placed.path() + ".say.text", placed.json());
    }
    String[][] raw = {{"raw NUL", "00"}, {"raw BEL", "07"}, {"raw ESC", "1b"}};
    for (String[] control : raw) {
      Placed placed = place(json("{'say':{'text':'Hello @@ world'}}"), true);
      add(
          "unspeakable say.text: " + control[0] + " byte",
          "malformed JSON at line 1, column",
          splice(placed.json(), HexFormat.of().parseHex(control[1])));
    }
  }

  private void limits() {
    String pause = json("{'pause':{'seconds':1}}");
    add(
        "limit: 10,001 verbs",
        "$.verbs",
        json("{'verbs':[") + String.join(",", Collections.nCopies(10_001, pause)) + "]}");
    add(
        "limit: 10,001 prompts in one gather",
        "$.verbs",
        json("{'verbs':[{'gather':{'prompts':[")
            + String.join(",", Collections.nCopies(10_001, pause))
            + "]}}]}");
    StringBuilder branches = new StringBuilder();
    for (int key = 0; key < 10; key++) {
      branches
          .append(key == 0 ? "" : ",")
          .append("\"")
          .append(key)
          .append("\":[")
          .append(String.join(",", Collections.nCopies(1_001, pause)))
          .append("]");
    }
    add(
        "limit: 10,010 verbs across ten branches",
        "$.verbs",
        json("{'verbs':[{'gather':{'numDigits':1,'branches':{") + branches + "}}}]}");
    for (int depth : new int[] {FlowLimits.MAX_DEPTH + 1, FlowLimits.MAX_DEPTH + 8}) {
      add("limit: gathers nested " + depth + " deep in branches", "$.verbs", nestedGathers(depth));
      add(
          "limit: transfers nested " + depth + " deep in onFailure",
          "$.verbs",
          nestedTransfers(depth));
    }
    add(
        "limit: JSON arrays nested 5,000 deep",
        "$: too large or too deeply nested",
        "[".repeat(5_000) + "]".repeat(5_000));
    add(
        "limit: JSON objects nested 3,000 deep in a say",
        "$: too large or too deeply nested",
        json("{'verbs':[{'say':{'text':")
            + "{\"a\":".repeat(3_000)
            + "1"
            + "}".repeat(3_000)
            + "}}]}");
    int length = FlowLimits.MAX_TEXT + 1 + random.nextInt(5_000);
    Placed placed = place(json("{'say':{'text':'" + "a".repeat(length) + "'}}"), true);
    add("limit: say.text of " + length + " chars", placed.path() + ".say.text", placed.json());
    Placed emoji = place(json("{'say':{'text':'" + "\uD83D\uDCDE".repeat(10_001) + "'}}"), true);
    add("limit: say.text of 10,001 emoji (20,002 chars)", emoji.path() + ".say.text", emoji.json());
    String small = json("{'verbs':[{'hangup':{}}]}");
    add(
        "limit: file of 1 MiB + 1 byte",
        "at most " + FlowLimits.MAX_FILE_BYTES + " bytes",
        small + " ".repeat(FlowLimits.MAX_FILE_BYTES + 1 - small.length()));
    String say = json("{'say':{'text':'" + "b".repeat(19_000) + "'}}");
    add(
        "limit: file of 2 MiB of say verbs",
        "at most " + FlowLimits.MAX_FILE_BYTES + " bytes",
        json("{'verbs':[") + String.join(",", Collections.nCopies(110, say)) + "]}");
    add(
        "limit: a number of 5,000 digits",
        "$: too large or too deeply nested",
        json("{'verbs':[{'pause':{'seconds':") + "9".repeat(5_000) + "}}]}");
  }

  private static String nestedGathers(int depth) {
    String inner = json("{'say':{'text':'Deepest'}}");
    for (int i = 0; i < depth; i++) {
      inner = json("{'gather':{'numDigits':1,'branches':{'1':[") + inner + "]}}}";
    }
    return json("{'verbs':[") + inner + "]}";
  }

  private static String nestedTransfers(int depth) {
    String inner = json("{'say':{'text':'Deepest'}}");
    for (int i = 0; i < depth; i++) {
      inner = json("{'transfer':{'to':['+15556668888'],'onFailure':[") + inner + "]}}";
    }
    return json("{'verbs':[") + inner + "]}";
  }

  private void structure() {
    String say = json("{'say':{'text':'Hi'}}");
    String gather = "{'gather':{'numDigits':1,'branches':{%s}}}";
    String[][] flows = {
      {"say after hangup", "{'verbs':[{'hangup':{}}," + say + "]}", "$.verbs[1]"},
      {"say after reject", "{'verbs':[{'reject':{}}," + say + "]}", "$.verbs[1]"},
      {"reject second", "{'verbs':[" + say + ",{'reject':{}}]}", "$.verbs[1]"},
      {
        "say after hangup in a branch",
        "{'verbs':[" + gather.replace("%s", "'1':[{'hangup':{}}," + say + "]") + "]}",
        "$.verbs[0].gather.branches[\"1\"][1]"
      },
      {
        "branch inputs not distinct",
        "{'verbs':[" + gather.replace("%s", "'1':[" + say + "],'2|1':[" + say + "]") + "]}",
        "$.verbs[0].gather.branches[\"2|1\"]"
      },
      {
        "branch input longer than numDigits",
        "{'verbs':[" + gather.replace("%s", "'12':[" + say + "]") + "]}",
        "$.verbs[0].gather.branches[\"12\"]"
      },
      {
        "branch input holding the finish key",
        "{'verbs':[" + gather.replace("%s", "'#':[" + say + "]") + "]}",
        "$.verbs[0].gather.branches[\"#\"]"
      },
      {
        "branch input of letters with keys only",
        "{'verbs':[" + gather.replace("%s", "'yes':[" + say + "]") + "]}",
        "$.verbs[0].gather.branches[\"yes\"]"
      },
      {
        "branch input in upper case",
        "{'verbs':[" + gather.replace("%s", "'Yes':[" + say + "]") + "]}",
        "$.verbs[0].gather.branches[\"Yes\"]"
      },
      {"verb as a string", "{'verbs':['say']}", "$.verbs[0]"},
      {"verb value not an object", "{'verbs':[{'say':'hello'}]}", "$.verbs[0].say"},
      {"unknown top-level key", "{'verbs':[" + say + "],'version':2}", "$.version"},
      {
        "gather in a prompt list",
        "{'verbs':[{'hangup':{'prompts':[{'gather':{}}]}}]}",
        "$.verbs[0].hangup.prompts[0].gather"
      },
    };
    for (String[] flow : flows) {
      add("structure: " + flow[0], flow[2], json(flow[1]));
    }
  }

  private void badValues() {
    String[][] values = {
      {
        "{'say':{'text':'Hi','language':%s}}",
        "say.language",
        "p",
        "'english'",
        "'e'",
        "'en_US'",
        "''",
        "'en-'",
        "'123'"
      },
      {"{'say':{'text':'Hi','gender':%s}}", "say.gender", "p", "'robot'", "''", "'Female '"},
      {
        "{'play':{'url':%s}}",
        "play.url",
        "p",
        "'ftp://example.com/a.mp3'",
        "'not a url'",
        "'javascript:alert(1)'",
        "'http://'",
        "'//example.com/a.mp3'",
        "'https://exa mple.com/a.mp3'"
      },
      {
        "{'redirect':{'url':'https://example.com/next','method':%s}}",
        "redirect.method",
        "",
        "'PUT'",
        "'DELETE'",
        "''"
      },
      {
        "{'redirect':{'url':%s}}",
        "redirect.url",
        "",
        "'file:///etc/passwd'",
        "'mailto:a@example.com'",
        "'/relative'"
      },
      {
        "{'conference':{'room':%s}}",
        "conference.room",
        "",
        "''",
        "'" + "r".repeat(65) + "'",
        "'room one'",
        "'r\\u00e4um'",
        "'a/b'"
      },
      {
        "{'conference':{'room':'r1','beep':%s}}",
        "conference.beep",
        "",
        "'sometimes'",
        "1",
        "'onenter'"
      },
      {"{'gather':{'finishOnKey':%s}}", "gather.finishOnKey", "", "'a'", "'1a'", "' '"},
      {
        "{'gather':{'input':%s}}",
        "gather.input",
        "",
        "['smell']",
        "[]",
        "['dtmf','dtmf']",
        "['DTMF']"
      },
      {"{'gather':{'input':['speech'],'language':%s}}", "gather.language", "", "'klingon'", "''"},
    };
    for (String[] slot : values) {
      for (String bad : pickTwo(List.of(slot).subList(3, slot.length))) {
        String value = json(bad);
        Placed placed = place(json(slot[0]).replace("%s", value), !slot[2].isEmpty());
        add(
            "bad value: " + slot[1] + " = " + brief(value),
            placed.path() + "." + slot[1],
            placed.json());
      }
    }
  }

  private void vendorLimits() {
    for (int i = 0; i < 3; i++) {
      int seconds = 61 + random.nextInt(3540);
      add(
          "vendor limit: Voxtelesys pause of " + seconds + " seconds",
          "verbs[0].pause.seconds",
          json("{'verbs':[{'pause':{'seconds':" + seconds + "}}]}"),
          "voxtelesys");
    }
    for (int i = 0; i < 2; i++) {
      int length = 1_001 + random.nextInt(19_000);
      add(
          "vendor limit: Hoiio say of " + length + " chars",
          "verbs[0].say.text",
          json("{'verbs':[{'say':{'text':'" + "c".repeat(length) + "'}}]}"),
          "hoiio");
    }
    String[][] gaps = {
      {"xoxzo", "gather", "{'gather':{'numDigits':1}}"},
      {"xoxzo", "record", "{'record':{}}"},
      {"xoxzo", "pause", "{'pause':{'seconds':1}}"},
      {"voxtelesys", "record", "{'record':{}}"},
      {"hoiio", "gather", "{'gather':{'input':['speech']}}"},
      {"hoiio", "pause", "{'pause':{'seconds':1}}"},
    };
    for (String[] gap : gaps) {
      add(
          "vendor gap: " + gap[1] + " on " + gap[0],
          "verbs[0] " + gap[1],
          json("{'verbs':[" + gap[2] + "]}"),
          gap[0]);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Building cases

  /** The bad verb at a random spot of an otherwise valid flow, between random valid verbs. */
  private Placed place(String verb, boolean prompt) {
    List<Spot> spots = Spot.ALL.stream().filter(s -> prompt || !s.promptsOnly()).toList();
    Spot spot = spots.get(random.nextInt(spots.size()));
    int before = random.nextInt(3);
    List<String> verbs = new ArrayList<>();
    for (int i = 0; i < before; i++) {
      verbs.add(SAFE.get(random.nextInt(SAFE.size())));
    }
    verbs.add(spot.wrap(verb));
    if (!spot.last() && random.nextBoolean()) {
      verbs.add(SAFE.get(random.nextInt(SAFE.size())));
    }
    return new Placed(
        "{\"verbs\":[" + String.join(",", verbs) + "]}", "$.verbs[" + before + "]" + spot.path());
  }

  /** The flow's text with {@code bytes} in place of its {@code @@}. */
  private static byte[] splice(String flow, byte[] bytes) {
    int at = flow.indexOf("@@");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(flow.substring(0, at).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(bytes);
    out.writeBytes(flow.substring(at + 2).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Two different values of {@code values}, chosen at random. */
  private List<String> pickTwo(List<String> values) {
    List<String> shuffled = new ArrayList<>(values);
    Collections.shuffle(shuffled, random);
    return shuffled.subList(0, Math.min(2, shuffled.size()));
  }

  private String letters(int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append((char) ('a' + random.nextInt(26)));
    }
    return out.toString();
  }

  /** A case on the next provider in turn. */
  private void add(String name, String names, String flow) {
    add(name, names, flow.getBytes(StandardCharsets.UTF_8));
  }

  /** A case on the next provider in turn. */
  private void add(String name, String names, byte[] flow) {
    add(
        name,
        names,
        flow,
        LoopbackVendors.PROVIDERS.get(turn++ % LoopbackVendors.PROVIDERS.size()));
  }

  private void add(String name, String names, String flow, String provider) {
    add(name, names, flow.getBytes(StandardCharsets.UTF_8), provider);
  }

  /**
   * A case trying the file both ways on {@code provider}: read and placed as a call through the
   * library, and run through {@code switchboard call}. A name met before is left out, so that
   * random picks that repeat do not count twice.
   */
  private void add(String name, String names, byte[] flow, String provider) {
    String shown = name + " on " + provider;
    if (!this.names.add(shown)) {
      return;
    }
    Path file = files.bytes(".json", flow);
    VoiceClient client = vendors.client(provider);
    cases.add(
        BadInput.of(
            Family.FLOW_FILES,
            shown,
            names,
            Trial.api(
                () ->
                    client.placeCall(
                        CallRequest.builder()
                            .from(LoopbackVendors.FROM)
                            .to(LoopbackVendors.TO)
                            .flow(FlowJson.read(file))
                            .build())),
            Trial.cli(
                2,
                "call",
                "--provider",
                provider,
                "--config",
                config(provider).toString(),
                "--from",
                LoopbackVendors.FROM,
                "--to",
                LoopbackVendors.TO,
                file.toString())));
  }

  private Path config(String provider) {
    return configs.computeIfAbsent(provider, p -> files.properties(vendors.config(p)));
  }

  /** A value as JSON writes it inside a string: anything but printable ASCII escaped. */
  private static String escaped(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A JSON value short enough for a case's name. */
  private static String brief(String json) {
    return json.length() > 30 ? json.substring(0, 24) + "... (" + json.length() + " chars)" : json;
  }

  /** JSON written with single quotes, for legibility here. */
  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
