package dev.switchboard.flow;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.switchboard.FlowFileException;
import dev.switchboard.InvalidInputException;
import dev.switchboard.internal.json.FlowModule;
import dev.switchboard.internal.json.Problems;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
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
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes flow files: JSON documents that describe a {@link CallFlow}.
 *
 * <p>A flow file is an object with one key, {@code verbs}, holding a list of verbs. Each verb is an
 * object with exactly one key, the verb's {@linkplain Verb#name() name}, whose value is an object
 * of its attributes: the components of the verb's record, by the same names.
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
 * <p>An attribute may be left out where the model has a default for it: the value the verb has when
 * built from its required attributes alone, such as {@link Say#of(String)}; {@code
 * docs/flow-files.md} lists every verb's attributes and defaults. Values are JSON strings, {@code
 * true} and {@code false}, whole numbers written without a fraction or exponent (durations are
 * seconds), lists of verbs, and lists of phone numbers in E.164. Choices are their wire names, such
 * as {@code "female"}, {@code ["dtmf", "speech"]} or {@code "GET"}; a conference beeps {@code
 * true}, {@code false}, {@code "onEnter"} or {@code "onExit"}; a gather's branches are an object
 * from a key such as {@code "1|english"} to a list of verbs, kept in order. {@code prompts} hold
 * only {@code say}, {@code play} and {@code pause}. The JSON is strict: no comments, no trailing
 * commas, no key twice in one object, nothing after the top-level object.
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
          .addModule(new FlowModule())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // Checked by hand after the tree is read, to report it in the file's own terms.
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // Lets a FlowFileException from a deserializer through as it is.
          .disable(DeserializationFeature.WRAP_EXCEPTIONS)
          // Reject has no attributes and is written as {}.
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          // Only record components are attributes, not Transfer.isParallel().
          .changeDefaultVisibility(v -> v.withIsGetterVisibility(Visibility.NONE))
          .filterProvider(FlowModule.FILTERS)
          .build();

  private static final ObjectWriter WRITER = MAPPER.writer().with(prettyPrinter());

  private static final String DUPLICATE_KEY_MESSAGE = "Duplicate Object property";

  /** The rule of a file that ends too soon. */
  private static final String ENDS_EARLY = "the text ends before every object and array is closed";

  /** Where Jackson says a limit comes from, e.g. {@code , from `StreamReadConstraints...`}. */
  private static final Pattern JACKSON_SOURCE = Pattern.compile(", from `[^`]*`");

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
      // Checked before reading: a huge file, or an endless one (a device, a pipe), is never
      // taken into memory or waited on.
      if (Files.exists(file) && !Files.isDirectory(file)) {
        if (!Files.isRegularFile(file) || Files.size(file) > FlowLimits.MAX_FILE_BYTES) {
          throw new FlowFileException(
              "$",
              "cannot read flow file "
                  + file
                  + ": it must be a regular file of at most "
                  + FlowLimits.MAX_FILE_BYTES
                  + " bytes");
        }
      }
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new FlowFileException("$", "cannot read flow file " + file + ": " + reason(e, file));
    }
    JsonNode root;
    try {
      root = tree(() -> MAPPER.createParser(content));
    } catch (FlowFileException e) {
      // A sequence cut short by the end of the file reads to Jackson as text that ends before
      // its objects are closed, when they are: the bytes are what is wrong, so say that.
      if (e.rule().endsWith(ENDS_EARLY)) {
        malformedUtf8(content).ifPresent(FlowJson::notUtf8);
      }
      throw e;
    }
    // Jackson reports most bad UTF-8 with its place in the JSON, but reads an overlong form or a
    // code point beyond Unicode as some other character: those are refused here, before the
    // model sees that character and names it (a NUL in a say, an unknown attribute 'te/xt')
    // although the file does not hold it.
    malformedUtf8(content).ifPresent(FlowJson::notUtf8);
    return toFlow(root);
  }

  /** Refuses a file whose bytes stop being UTF-8 at {@code offset}. */
  private static void notUtf8(int offset) {
    throw new FlowFileException("$", "is not valid UTF-8: a malformed sequence at byte " + offset);
  }

  /**
   * Where a UTF-8 file stops being valid UTF-8 (an overlong form, a lone surrogate, a code point
   * beyond Unicode), decoding strictly; empty for valid UTF-8 and for UTF-16 or UTF-32 files, which
   * JSON text starts with a zero byte in its first four.
   */
  private static Optional<Integer> malformedUtf8(byte[] content) {
    for (int i = 0; i < Math.min(4, content.length); i++) {
      if (content[i] == 0) {
        return Optional.empty();
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(content.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    return result.isError() ? Optional.of(in.position()) : Optional.empty();
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
   * ends, ending with a line end. Attributes are written in the order of the record's components
   * and left out when they equal their defaults, so files stay short; branches keep their order.
   * {@link #parse(String) Parsing} the result gives a flow equal to {@code flow}.
   *
   * @param flow the flow to write
   * @return the flow file's text
   * @throws FlowFileException when the flow nests more deeply than a flow file may (about a hundred
   *     gathers within branches of one another), since such a file could not be read back
   * @throws NullPointerException when {@code flow} is null
   */
  public static String write(CallFlow flow) {
    Objects.requireNonNull(flow, "flow");
    try {
      return WRITER.writeValueAsString(flow) + "\n";
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
          Problems.path(context, true),
          "duplicate key \""
              + context.currentName()
              + "\""
              + where
              + ": a key may appear only once in an object");
    }
    String path = context == null ? "$" : Problems.path(context, false);
    if (e instanceof UnexpectedEndOfInputException) {
      return new FlowFileException(path, "malformed JSON" + where + ": " + ENDS_EARLY);
    }
    return new FlowFileException(path, "malformed JSON" + where + ": " + message);
  }

  private static String at(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
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
          "$", "must be a JSON object such as {\"verbs\": [...]}, was " + Problems.describe(root));
    }
    for (String name : root.propertyNames()) {
      if (!name.equals("verbs")) {
        throw new FlowFileException(
            Problems.member("$", name),
            "unknown key '" + name + "'; a flow file has only \"verbs\"");
      }
    }
    if (!root.has("verbs")) {
      throw new FlowFileException(
          "$.verbs", "is required: a flow file is a JSON object such as {\"verbs\": [...]}");
    }
    try {
      return MAPPER.treeToValue(root, CallFlow.class);
    } catch (ValueInstantiationException e) {
      // The model names the verbs "verbs" and each one "verbs[i]".
      InvalidInputException cause = (InvalidInputException) e.getCause();
      throw new FlowFileException("$." + cause.field(), cause.rule());
    }
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
}
