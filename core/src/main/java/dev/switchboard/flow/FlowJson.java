package dev.switchboard.flow;

import dev.switchboard.FlowFileException;
import dev.switchboard.InvalidInputException;
import dev.switchboard.PhoneNumber;
import dev.switchboard.internal.Checks;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads and writes flow files: JSON documents that describe a {@link CallFlow}.
 *
 * <p>A flow file is an object with one key, {@code verbs}, holding a list of verbs. Each verb is an
 * object with exactly one key naming it, whose value is an object of its attributes in camelCase:
 *
 * <pre>{@code
 * {"verbs": [
 *   {"say": {"text": "Thank you for calling", "language": "en-GB"}},
 *   {"gather": {"numDigits": 1, "attempts": 3,
 *               "prompts": [{"say": {"text": "For sales, press 1."}}],
 *               "branches": {"1": [{"transfer": {"to": ["+15556667777"]}}]}}},
 *   {"hangup": {}}
 * ]}
 * }</pre>
 *
 * <table>
 *   <caption>Verbs and their attributes</caption>
 *   <tr><th>verb</th><th>attributes (defaults in parentheses)</th></tr>
 *   <tr><td>{@code say}</td><td>{@code text} (required), {@code language} ({@code en-US}),
 *       {@code gender} ({@code "female"} or {@code "male"}; female), {@code loop} (1)</td></tr>
 *   <tr><td>{@code play}</td><td>{@code url} (required), {@code loop} (1)</td></tr>
 *   <tr><td>{@code pause}</td><td>{@code seconds} (required)</td></tr>
 *   <tr><td>{@code gather}</td><td>{@code prompts} (none), {@code numDigits} (1), {@code timeout}
 *       (5), {@code finishOnKey} ({@code "#"}), {@code attempts} (1), {@code input} ({@code
 *       ["dtmf"]}; also {@code ["speech"]} or both), {@code branches} (none; an object from a key
 *       such as {@code "1|english"} to a list of verbs, kept in order)</td></tr>
 *   <tr><td>{@code record}</td><td>{@code prompts} (none), {@code maxDuration} (120), {@code
 *       finishOnKey} ({@code "#"})</td></tr>
 *   <tr><td>{@code recordCall}</td><td>{@code prompts} (none)</td></tr>
 *   <tr><td>{@code transfer}</td><td>{@code to} (required; a list of E.164 numbers), {@code
 *       callerId} (the vendor's default), {@code timeout} (the vendor's default), {@code
 *       onFailure} (none; a list of verbs)</td></tr>
 *   <tr><td>{@code conference}</td><td>{@code room} (required), {@code muted} (false), {@code beep}
 *       ({@code true}, {@code false}, {@code "onEnter"} or {@code "onExit"}; true), {@code
 *       startOnEnter} (true), {@code endOnExit} (false), {@code label} (none)</td></tr>
 *   <tr><td>{@code hangup}</td><td>{@code prompts} (none)</td></tr>
 *   <tr><td>{@code reject}</td><td>none</td></tr>
 *   <tr><td>{@code redirect}</td><td>{@code url} (required), {@code method} ({@code "GET"} or
 *       {@code "POST"}; POST)</td></tr>
 * </table>
 *
 * <p>{@code prompts} hold only {@code say}, {@code play} and {@code pause}. Numbers are whole
 * numbers written without a fraction or exponent; durations are seconds. The JSON is strict: no
 * comments, no trailing commas, no key twice in one object, nothing after the top-level object.
 *
 * <p>Every problem in a file is reported as a {@link FlowFileException} whose {@link
 * FlowFileException#field() field} is the JSON path of the offending value, such as {@code
 * $.verbs[1].gather.numDigits} or {@code $.verbs[0].gather.branches["2"][1].transfer.to[0]}, and
 * whose {@link FlowFileException#rule() rule} says what is wrong. The first problem found is
 * reported. This class is stateless and safe to use from several threads.
 */
public final class FlowJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // Checked by hand after the tree is read, to report it in the file's own terms.
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final ObjectWriter WRITER = MAPPER.writer().with(prettyPrinter());

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final String DUPLICATE_KEY_MESSAGE = "Duplicate Object property";

  /** Where Jackson says a limit comes from, e.g. {@code , from `StreamReadConstraints...`}. */
  private static final Pattern JACKSON_SOURCE = Pattern.compile(", from `[^`]*`");

  private static final Set<String> PROMPT_VERBS = Set.of("say", "play", "pause");

  private static final Map<String, VerbReader> READERS = readers();

  private static final String KNOWN_VERBS = String.join(", ", READERS.keySet());

  private FlowJson() {}

  /**
   * Reads the flow file at {@code file}. The file is JSON in UTF-8 (UTF-16 and UTF-32 are detected
   * too), with or without a byte order mark.
   *
   * <p>A file that cannot be read (missing, a directory, not permitted) is reported like any other
   * problem with the file, as a {@link FlowFileException} whose field is {@code $} and whose rule
   * names the file and the reason, so that callers handle one exception for every way a flow file
   * can be unusable.
   *
   * @param file the flow file
   * @return the flow it describes
   * @throws FlowFileException when the file cannot be read, is not JSON, or does not describe a
   *     valid flow; the field is the JSON path of the problem
   * @throws NullPointerException when {@code file} is null
   */
  public static CallFlow read(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new FlowFileException("$", "cannot read flow file " + file + ": " + reason(e, file));
    }
    return toFlow(tree(() -> MAPPER.createParser(content)));
  }

  /**
   * Parses the text of a flow file. A leading byte order mark is ignored.
   *
   * @param json the flow file's content
   * @return the flow it describes
   * @throws FlowFileException when the text is not JSON or does not describe a valid flow; the
   *     field is the JSON path of the problem
   * @throws NullPointerException when {@code json} is null
   */
  public static CallFlow parse(String json) {
    Objects.requireNonNull(json, "json");
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    return toFlow(tree(() -> MAPPER.createParser(text)));
  }

  /**
   * Writes {@code flow} as a flow file: pretty-printed with two-space indents and {@code \n} line
   * ends, ending with a line end. Attributes are written in the order of the table above and left
   * out when they equal their defaults, so files stay short; branches keep their order. {@link
   * #parse(String) Parsing} the result gives a flow equal to {@code flow}.
   *
   * @param flow the flow to write
   * @return the flow file's text
   * @throws FlowFileException when the flow nests more deeply than a flow file may (about a hundred
   *     gathers within branches of one another), since such a file could not be read back
   * @throws NullPointerException when {@code flow} is null
   */
  public static String write(CallFlow flow) {
    Objects.requireNonNull(flow, "flow");
    ObjectNode root = MAPPER.createObjectNode();
    writeVerbs(root.putArray("verbs"), flow.verbs());
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JacksonException e) {
      // In practice only StreamWriteConstraints' nesting limit, which matches the read limit.
      throw new FlowFileException(
          "$",
          "nests too deeply to be written as a flow file: "
              + JACKSON_SOURCE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll(""));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Reading: JSON text to tree

  private static JsonNode tree(Supplier<JsonParser> open) {
    try (JsonParser parser = open.get()) {
      try {
        JsonNode root = MAPPER.readTree(parser);
        if (root != null && parser.nextToken() != null) {
          throw new FlowFileException(
              "$",
              "unexpected content"
                  + at(parser.currentTokenLocation())
                  + " after the end of the top-level object");
        }
        return root;
      } catch (StreamConstraintsException e) {
        // The path of a value 500 levels deep helps nobody; the position does.
        throw new FlowFileException(
            "$",
            "too large or too deeply nested"
                + at(parser.currentLocation())
                + ": "
                + JACKSON_SOURCE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll(""));
      } catch (JacksonException e) {
        throw malformed(e, parser.streamReadContext());
      }
    } catch (JacksonException e) {
      // Opening or closing the parser failed: no position inside the document to point at.
      throw malformed(e, null);
    }
  }

  private static FlowFileException malformed(JacksonException e, TokenStreamContext context) {
    String where = at(e.getLocation());
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith(DUPLICATE_KEY_MESSAGE) && context != null && context.inObject()) {
      return new FlowFileException(
          contextPath(context, true),
          "duplicate key \""
              + context.currentName()
              + "\""
              + where
              + ": a key may appear only once in an object");
    }
    String path = context == null ? "$" : contextPath(context, false);
    if (e instanceof UnexpectedEndOfInputException) {
      return new FlowFileException(
          path,
          "malformed JSON" + where + ": the text ends before every object and array is closed");
    }
    return new FlowFileException(path, "malformed JSON" + where + ": " + message);
  }

  private static String at(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /**
   * The JSON path of where the parser stopped: of the value being read when {@code withLeaf}, else
   * of the object or array holding it.
   */
  private static String contextPath(TokenStreamContext leaf, boolean withLeaf) {
    Deque<TokenStreamContext> chain = new ArrayDeque<>();
    for (TokenStreamContext c = leaf; c != null && !c.inRoot(); c = c.getParent()) {
      chain.push(c);
    }
    if (!withLeaf && !chain.isEmpty()) {
      chain.removeLast();
    }
    String path = "$";
    String enclosingName = null;
    for (TokenStreamContext c : chain) {
      if (c.inObject()) {
        String name = c.currentName();
        if (name == null) {
          break;
        }
        path = "branches".equals(enclosingName) ? branch(path, name) : member(path, name);
        enclosingName = name;
      } else {
        path = index(path, c.getCurrentIndex());
        enclosingName = null;
      }
    }
    return path;
  }

  private static String reason(IOException e, Path file) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (Files.isDirectory(file)) {
      return "it is a directory";
    }
    String reason = e instanceof FileSystemException ? ((FileSystemException) e).getReason() : null;
    if (reason == null) {
      reason = e.getMessage();
    }
    return reason == null ? e.getClass().getSimpleName() : reason;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading: tree to model

  private static CallFlow toFlow(JsonNode root) {
    if (root == null || root.isMissingNode()) {
      throw new FlowFileException(
          "$", "the file is empty; a flow file is a JSON object such as {\"verbs\": [...]}");
    }
    if (!root.isObject()) {
      throw new FlowFileException(
          "$", "must be a JSON object such as {\"verbs\": [...]}, was " + describe(root));
    }
    for (String name : root.propertyNames()) {
      if (!name.equals("verbs")) {
        throw new FlowFileException(
            member("$", name), "unknown key '" + name + "'; a flow file has only \"verbs\"");
      }
    }
    JsonNode verbs = root.get("verbs");
    if (verbs == null) {
      throw new FlowFileException(
          "$.verbs", "is required: a flow file is a JSON object such as {\"verbs\": [...]}");
    }
    List<Verb> list = readVerbs(verbs, "$.verbs", "must be a list of verbs");
    try {
      return new CallFlow(list);
    } catch (InvalidInputException e) {
      throw translate(e, Map.of("verbs", "$.verbs"), "$");
    }
  }

  private static List<Verb> readVerbs(JsonNode node, String path, String expected) {
    if (!node.isArray()) {
      throw new FlowFileException(path, expected + ", was " + describe(node));
    }
    List<Verb> verbs = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      verbs.add(readVerb(node.get(i), index(path, i), false));
    }
    return verbs;
  }

  private static List<Prompt> readPrompts(JsonNode node, String path) {
    if (!node.isArray()) {
      throw new FlowFileException(
          path, "must be a list of say, play and pause verbs, was " + describe(node));
    }
    List<Prompt> prompts = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      // readVerb returns only say, play or pause when told to, and those are prompts.
      prompts.add((Prompt) readVerb(node.get(i), index(path, i), true));
    }
    return prompts;
  }

  private static Verb readVerb(JsonNode node, String path, boolean promptOnly) {
    if (!node.isObject()) {
      throw new FlowFileException(
          path,
          "must be an object naming one verb, such as {\"say\": {\"text\": \"Hello\"}}, was "
              + describe(node));
    }
    if (node.size() != 1) {
      String found =
          node.isEmpty()
              ? "none"
              : node.size() + " (" + String.join(", ", node.propertyNames()) + ")";
      throw new FlowFileException(
          path,
          "must have exactly one key naming the verb, found "
              + found
              + "; known verbs: "
              + KNOWN_VERBS);
    }
    Map.Entry<String, JsonNode> entry = node.properties().iterator().next();
    String name = entry.getKey();
    String verbPath = member(path, name);
    VerbReader reader = READERS.get(name);
    if (reader == null) {
      throw new FlowFileException(
          verbPath,
          "unknown verb '"
              + name
              + "'"
              + didYouMean(name, READERS.keySet())
              + "; known verbs: "
              + KNOWN_VERBS);
    }
    if (promptOnly && !PROMPT_VERBS.contains(name)) {
      throw new FlowFileException(
          verbPath, name + " is not a prompt: only say, play and pause may stand in prompts");
    }
    Attributes attributes = new Attributes(entry.getValue(), verbPath, name, reader.attributes());
    try {
      return reader.read().apply(attributes);
    } catch (FlowFileException e) {
      throw e;
    } catch (InvalidInputException e) {
      throw translate(e, attributes.modelPaths, verbPath);
    }
  }

  /**
   * Re-throws a model error at the JSON path of what it names. The model names fields like {@code
   * gather.numDigits} or {@code gather.branches["2"][1]}; {@code modelPaths} maps such prefixes to
   * JSON paths, the longest matching prefix wins, and the rest of the field is appended.
   */
  private static FlowFileException translate(
      InvalidInputException e, Map<String, String> modelPaths, String fallback) {
    String field = e.field();
    String best = null;
    for (String prefix : modelPaths.keySet()) {
      boolean matches =
          field.equals(prefix) || field.startsWith(prefix + ".") || field.startsWith(prefix + "[");
      if (matches && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    String path = best == null ? fallback : modelPaths.get(best) + field.substring(best.length());
    return new FlowFileException(path, e.rule());
  }

  private static Map<String, VerbReader> readers() {
    Map<String, VerbReader> readers = new LinkedHashMap<>();
    readers.put(
        "say", new VerbReader(List.of("text", "language", "gender", "loop"), FlowJson::say));
    readers.put("play", new VerbReader(List.of("url", "loop"), FlowJson::play));
    readers.put("pause", new VerbReader(List.of("seconds"), FlowJson::pause));
    readers.put(
        "gather",
        new VerbReader(
            List.of(
                "prompts", "numDigits", "timeout", "finishOnKey", "attempts", "input", "branches"),
            FlowJson::gather));
    readers.put(
        "record",
        new VerbReader(List.of("prompts", "maxDuration", "finishOnKey"), FlowJson::record));
    readers.put("recordCall", new VerbReader(List.of("prompts"), FlowJson::recordCall));
    readers.put(
        "transfer",
        new VerbReader(List.of("to", "callerId", "timeout", "onFailure"), FlowJson::transfer));
    readers.put(
        "conference",
        new VerbReader(
            List.of("room", "muted", "beep", "startOnEnter", "endOnExit", "label"),
            FlowJson::conference));
    readers.put("hangup", new VerbReader(List.of("prompts"), FlowJson::hangup));
    readers.put("reject", new VerbReader(List.of(), a -> new Reject()));
    readers.put("redirect", new VerbReader(List.of("url", "method"), FlowJson::redirect));
    return Collections.unmodifiableMap(readers);
  }

  private static Say say(Attributes a) {
    String text = a.requiredString("text");
    String language = a.string("language", Say.DEFAULT_LANGUAGE);
    VoiceGender gender = a.choice("gender", Say.DEFAULT_GENDER, VoiceGender.values());
    int loop = a.integer("loop", Say.DEFAULT_LOOP, Say.MAX_LOOP);
    return new Say(text, language, gender, loop);
  }

  private static Play play(Attributes a) {
    String url = a.requiredString("url");
    int loop = a.integer("loop", Say.DEFAULT_LOOP, Say.MAX_LOOP);
    return Play.of(url, loop);
  }

  private static Pause pause(Attributes a) {
    return Pause.of(a.requiredInt("seconds", Pause.MAX_SECONDS));
  }

  private static Gather gather(Attributes a) {
    List<Prompt> prompts = a.prompts("prompts");
    int numDigits = a.integer("numDigits", Gather.DEFAULT_NUM_DIGITS, Gather.MAX_DIGITS);
    int timeout = a.integer("timeout", Gather.DEFAULT_TIMEOUT, Gather.MAX_TIMEOUT);
    String finishOnKey = a.string("finishOnKey", Gather.DEFAULT_FINISH_ON_KEY);
    int attempts = a.integer("attempts", Gather.DEFAULT_ATTEMPTS, Gather.MAX_ATTEMPTS);
    Set<GatherInput> input = gatherInput(a);
    List<Branch> branches = branches(a);
    return new Gather(prompts, numDigits, timeout, finishOnKey, attempts, input, branches);
  }

  private static Set<GatherInput> gatherInput(Attributes a) {
    JsonNode node = a.get("input");
    if (node == null) {
      return Gather.DEFAULT_INPUT;
    }
    String path = a.path("input");
    if (!node.isArray()) {
      throw new FlowFileException(
          path,
          "must be a list of \"dtmf\" and \"speech\", such as [\"dtmf\"] or [\"dtmf\", \"speech\"],"
              + " was "
              + describe(node));
    }
    Set<GatherInput> input = EnumSet.noneOf(GatherInput.class);
    for (int i = 0; i < node.size(); i++) {
      GatherInput value = choice(node.get(i), index(path, i), GatherInput.values());
      if (!input.add(value)) {
        throw new FlowFileException(
            index(path, i), "lists \"" + value.wireName() + "\" twice; name each input once");
      }
    }
    return input;
  }

  private static List<Branch> branches(Attributes a) {
    JsonNode node = a.get("branches");
    if (node == null) {
      return List.of();
    }
    String path = a.path("branches");
    if (!node.isObject()) {
      throw new FlowFileException(
          path,
          "must be an object from inputs to lists of verbs, such as {\"1\": [...], \"2|help\":"
              + " [...]}, was "
              + describe(node));
    }
    List<Branch> branches = new ArrayList<>(node.size());
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey();
      String branchPath = branch(path, key);
      // The model names a branch gather.branches["key"], and Gather's own checks do too.
      a.modelPaths.put("gather.branches[\"" + key + "\"]", branchPath);
      List<Verb> verbs = readVerbs(entry.getValue(), branchPath, "must be a list of verbs");
      branches.add(Branch.of(key, verbs));
    }
    return branches;
  }

  private static Record record(Attributes a) {
    List<Prompt> prompts = a.prompts("prompts");
    int maxDuration = a.integer("maxDuration", Record.DEFAULT_MAX_DURATION, Record.MAX_DURATION);
    String finishOnKey = a.string("finishOnKey", Record.DEFAULT_FINISH_ON_KEY);
    return new Record(prompts, maxDuration, finishOnKey);
  }

  private static RecordCall recordCall(Attributes a) {
    return new RecordCall(a.prompts("prompts"));
  }

  private static Transfer transfer(Attributes a) {
    String path = a.path("to");
    JsonNode to = a.get("to");
    String example = "a list of E.164 numbers such as [\"+15556667777\"]";
    if (to == null) {
      throw new FlowFileException(path, "is required: " + example);
    }
    if (!to.isArray()) {
      throw new FlowFileException(path, "must be " + example + ", was " + describe(to));
    }
    List<PhoneNumber> numbers = new ArrayList<>(to.size());
    for (int i = 0; i < to.size(); i++) {
      String numberPath = index(path, i);
      PhoneNumber number = PhoneNumber.of(text(to.get(i), numberPath), "transfer.to[" + i + "]");
      int earlier = numbers.indexOf(number);
      if (earlier >= 0) {
        throw new FlowFileException(
            numberPath,
            "repeats " + number + " from to[" + earlier + "]; the numbers must be distinct");
      }
      numbers.add(number);
    }
    Optional<PhoneNumber> callerId =
        a.get("callerId") == null
            ? Optional.empty()
            : Optional.of(PhoneNumber.of(a.requiredString("callerId"), "transfer.callerId"));
    OptionalInt timeout = a.optionalInt("timeout", Transfer.MAX_TIMEOUT);
    List<Verb> onFailure = a.verbs("onFailure");
    return new Transfer(numbers, callerId, timeout, onFailure);
  }

  private static Conference conference(Attributes a) {
    String room = a.requiredString("room");
    boolean muted = a.bool("muted", false);
    ConferenceBeep beep = beep(a);
    boolean startOnEnter = a.bool("startOnEnter", true);
    boolean endOnExit = a.bool("endOnExit", false);
    String label = a.string("label", "");
    return new Conference(room, muted, beep, startOnEnter, endOnExit, label);
  }

  private static ConferenceBeep beep(Attributes a) {
    JsonNode node = a.get("beep");
    if (node == null) {
      return ConferenceBeep.ALWAYS;
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? ConferenceBeep.ALWAYS : ConferenceBeep.NEVER;
    }
    if (node.isString()) {
      for (ConferenceBeep beep : List.of(ConferenceBeep.ON_ENTER, ConferenceBeep.ON_EXIT)) {
        if (beep.wireName().equals(node.stringValue())) {
          return beep;
        }
      }
    }
    throw new FlowFileException(
        a.path("beep"), "must be true, false, \"onEnter\" or \"onExit\", was " + describe(node));
  }

  private static Hangup hangup(Attributes a) {
    return new Hangup(a.prompts("prompts"));
  }

  private static Redirect redirect(Attributes a) {
    String url = a.requiredString("url");
    RedirectMethod method = a.choice("method", Redirect.DEFAULT_METHOD, RedirectMethod.values());
    return new Redirect(Checks.httpUrl(url, "redirect.url"), method);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading: values

  private static String text(JsonNode node, String path) {
    if (!node.isString()) {
      throw new FlowFileException(path, "must be a string, was " + describe(node));
    }
    return node.stringValue();
  }

  private static int integer(JsonNode node, String path, int max) {
    if (!node.isNumber()) {
      throw new FlowFileException(path, "must be a whole number, was " + describe(node));
    }
    if (!node.isIntegralNumber()) {
      throw new FlowFileException(
          path, "must be a whole number, without a fraction or exponent, was " + describe(node));
    }
    if (!node.canConvertToInt()) {
      // Every count and duration in the model starts at 1.
      throw new FlowFileException(path, "must be between 1 and " + max + ", was " + node);
    }
    return node.intValue();
  }

  private static boolean bool(JsonNode node, String path) {
    if (!node.isBoolean()) {
      throw new FlowFileException(path, "must be true or false, was " + describe(node));
    }
    return node.booleanValue();
  }

  private static <E extends Enum<E>> E choice(JsonNode node, String path, E[] values) {
    List<String> names = new ArrayList<>(values.length);
    for (E value : values) {
      String name = wireName(value);
      if (node.isString() && name.equals(node.stringValue())) {
        return value;
      }
      names.add("\"" + name + "\"");
    }
    throw new FlowFileException(
        path, "must be one of " + String.join(", ", names) + ", was " + describe(node));
  }

  private static String wireName(Enum<?> value) {
    if (value instanceof VoiceGender) {
      return ((VoiceGender) value).wireName();
    }
    if (value instanceof GatherInput) {
      return ((GatherInput) value).wireName();
    }
    return value.name();
  }

  /** A hint for a name that differs from a known one only in case, e.g. {@code numdigits}. */
  private static String didYouMean(String name, Collection<String> known) {
    for (String candidate : known) {
      if (candidate.equalsIgnoreCase(name)) {
        return " (did you mean '" + candidate + "'?)";
      }
    }
    return "";
  }

  /** A JSON value in words for an error message, e.g. {@code the string "5"} or {@code 1.5}. */
  private static String describe(JsonNode node) {
    if (node.isString()) {
      String value = node.stringValue();
      if (value.length() > 40) {
        value = value.substring(0, 37) + "...";
      }
      return "the string " + StringNode.valueOf(value);
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "an object";
    }
    return node.toString();
  }

  /** A verb's attribute object, checked for unknown keys, with typed access to its values. */
  private static final class Attributes {
    private final JsonNode node;
    private final String path;

    /** Prefixes of the model's field names and the JSON paths they stand for. */
    private final Map<String, String> modelPaths = new LinkedHashMap<>();

    Attributes(JsonNode node, String path, String verb, List<String> known) {
      if (!node.isObject()) {
        throw new FlowFileException(
            path,
            (known.isEmpty()
                    ? "must be {}, since " + verb + " takes no attributes"
                    : "must be an object of " + verb + "'s attributes")
                + ", was "
                + describe(node));
      }
      for (String name : node.propertyNames()) {
        if (!known.contains(name)) {
          throw new FlowFileException(
              member(path, name),
              known.isEmpty()
                  ? verb + " takes no attributes, found '" + name + "'"
                  : "unknown attribute '"
                      + name
                      + "' of "
                      + verb
                      + didYouMean(name, known)
                      + "; known attributes: "
                      + String.join(", ", known));
        }
      }
      this.node = node;
      this.path = path;
      modelPaths.put(verb, path);
    }

    JsonNode get(String name) {
      return node.get(name);
    }

    String path(String name) {
      return member(path, name);
    }

    private JsonNode required(String name) {
      JsonNode value = node.get(name);
      if (value == null) {
        throw new FlowFileException(path(name), "is required");
      }
      return value;
    }

    String requiredString(String name) {
      return text(required(name), path(name));
    }

    String string(String name, String defaultValue) {
      JsonNode value = node.get(name);
      return value == null ? defaultValue : text(value, path(name));
    }

    int requiredInt(String name, int max) {
      return FlowJson.integer(required(name), path(name), max);
    }

    int integer(String name, int defaultValue, int max) {
      JsonNode value = node.get(name);
      return value == null ? defaultValue : FlowJson.integer(value, path(name), max);
    }

    OptionalInt optionalInt(String name, int max) {
      JsonNode value = node.get(name);
      return value == null
          ? OptionalInt.empty()
          : OptionalInt.of(FlowJson.integer(value, path(name), max));
    }

    boolean bool(String name, boolean defaultValue) {
      JsonNode value = node.get(name);
      return value == null ? defaultValue : FlowJson.bool(value, path(name));
    }

    <E extends Enum<E>> E choice(String name, E defaultValue, E[] values) {
      JsonNode value = node.get(name);
      return value == null ? defaultValue : FlowJson.choice(value, path(name), values);
    }

    List<Prompt> prompts(String name) {
      JsonNode value = node.get(name);
      return value == null ? List.of() : readPrompts(value, path(name));
    }

    List<Verb> verbs(String name) {
      JsonNode value = node.get(name);
      return value == null ? List.of() : readVerbs(value, path(name), "must be a list of verbs");
    }
  }

  /** How to read one verb: its attributes, in the order they are written, and its reader. */
  private record VerbReader(List<String> attributes, Function<Attributes, Verb> read) {}

  // ---------------------------------------------------------------------------------------------
  // JSON paths

  /** {@code path.name}, or {@code path["name"]} when the name is not a plain identifier. */
  private static String member(String path, String name) {
    return IDENTIFIER.matcher(name).matches() ? path + "." + name : branch(path, name);
  }

  /** {@code path["key"]}, the form used for branch keys whatever they hold. */
  private static String branch(String path, String key) {
    return path + "[" + StringNode.valueOf(key) + "]";
  }

  private static String index(String path, int index) {
    return path + "[" + index + "]";
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  private static void writeVerbs(ArrayNode array, List<? extends Verb> verbs) {
    for (Verb verb : verbs) {
      ObjectNode wrapper = array.addObject();
      writeAttributes(wrapper.putObject(verb.name()), verb);
    }
  }

  private static void writePrompts(ObjectNode attributes, List<Prompt> prompts) {
    if (!prompts.isEmpty()) {
      writeVerbs(attributes.putArray("prompts"), prompts);
    }
  }

  private static void writeAttributes(ObjectNode a, Verb verb) {
    if (verb instanceof Say) {
      Say say = (Say) verb;
      a.put("text", say.text());
      if (!say.language().equals(Say.DEFAULT_LANGUAGE)) {
        a.put("language", say.language());
      }
      if (say.gender() != Say.DEFAULT_GENDER) {
        a.put("gender", say.gender().wireName());
      }
      if (say.loop() != Say.DEFAULT_LOOP) {
        a.put("loop", say.loop());
      }
    } else if (verb instanceof Play) {
      Play play = (Play) verb;
      a.put("url", play.url().toString());
      if (play.loop() != Say.DEFAULT_LOOP) {
        a.put("loop", play.loop());
      }
    } else if (verb instanceof Pause) {
      a.put("seconds", ((Pause) verb).seconds());
    } else if (verb instanceof Gather) {
      writeGather(a, (Gather) verb);
    } else if (verb instanceof Record) {
      Record record = (Record) verb;
      writePrompts(a, record.prompts());
      if (record.maxDuration() != Record.DEFAULT_MAX_DURATION) {
        a.put("maxDuration", record.maxDuration());
      }
      if (!record.finishOnKey().equals(Record.DEFAULT_FINISH_ON_KEY)) {
        a.put("finishOnKey", record.finishOnKey());
      }
    } else if (verb instanceof RecordCall) {
      writePrompts(a, ((RecordCall) verb).prompts());
    } else if (verb instanceof Transfer) {
      writeTransfer(a, (Transfer) verb);
    } else if (verb instanceof Conference) {
      writeConference(a, (Conference) verb);
    } else if (verb instanceof Hangup) {
      writePrompts(a, ((Hangup) verb).prompts());
    } else if (verb instanceof Redirect) {
      Redirect redirect = (Redirect) verb;
      a.put("url", redirect.url().toString());
      if (redirect.method() != Redirect.DEFAULT_METHOD) {
        a.put("method", redirect.method().name());
      }
    } else if (!(verb instanceof Reject)) {
      // Verb is sealed: this only happens when a verb is added without teaching FlowJson.
      throw new IllegalStateException("FlowJson cannot write the verb " + verb.name());
    }
  }

  private static void writeGather(ObjectNode a, Gather gather) {
    writePrompts(a, gather.prompts());
    if (gather.numDigits() != Gather.DEFAULT_NUM_DIGITS) {
      a.put("numDigits", gather.numDigits());
    }
    if (gather.timeout() != Gather.DEFAULT_TIMEOUT) {
      a.put("timeout", gather.timeout());
    }
    if (!gather.finishOnKey().equals(Gather.DEFAULT_FINISH_ON_KEY)) {
      a.put("finishOnKey", gather.finishOnKey());
    }
    if (gather.attempts() != Gather.DEFAULT_ATTEMPTS) {
      a.put("attempts", gather.attempts());
    }
    if (!gather.input().equals(Gather.DEFAULT_INPUT)) {
      ArrayNode input = a.putArray("input");
      // Enum order, so that the same set is always written the same way.
      for (GatherInput value : GatherInput.values()) {
        if (gather.input().contains(value)) {
          input.add(value.wireName());
        }
      }
    }
    if (!gather.branches().isEmpty()) {
      ObjectNode branches = a.putObject("branches");
      for (Branch branch : gather.branches()) {
        writeVerbs(branches.putArray(branch.key()), branch.verbs());
      }
    }
  }

  private static void writeTransfer(ObjectNode a, Transfer transfer) {
    ArrayNode to = a.putArray("to");
    for (PhoneNumber number : transfer.to()) {
      to.add(number.e164());
    }
    transfer.callerId().ifPresent(number -> a.put("callerId", number.e164()));
    transfer.timeout().ifPresent(seconds -> a.put("timeout", seconds));
    if (!transfer.onFailure().isEmpty()) {
      writeVerbs(a.putArray("onFailure"), transfer.onFailure());
    }
  }

  private static void writeConference(ObjectNode a, Conference conference) {
    a.put("room", conference.room());
    if (conference.muted()) {
      a.put("muted", true);
    }
    if (conference.beep() == ConferenceBeep.NEVER) {
      a.put("beep", false);
    } else if (conference.beep() != ConferenceBeep.ALWAYS) {
      a.put("beep", conference.beep().wireName());
    }
    if (!conference.startOnEnter()) {
      a.put("startOnEnter", false);
    }
    if (conference.endOnExit()) {
      a.put("endOnExit", true);
    }
    if (!conference.label().isEmpty()) {
      a.put("label", conference.label());
    }
  }
}
