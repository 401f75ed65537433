package dev.switchboard.internal.json;

import dev.switchboard.FlowFileException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

/**
 * How a problem in a flow file is reported: as a {@link FlowFileException} at the JSON path of the
 * offending value, such as {@code $.verbs[0].gather.branches["2"][1].transfer.to[0]}, with the
 * value in words.
 */
public final class Problems {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Problems() {}

  /** The JSON path of the value at the parser's current token. */
  static String path(JsonParser parser) {
    return path(parser.streamReadContext(), true);
  }

  /**
   * The JSON path of where a parser stands: of the value being read when {@code withLeaf}, else of
   * the object or array holding it.
   */
  public static String path(TokenStreamContext leaf, boolean withLeaf) {
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
      if (!c.hasPathSegment()) {
        // An object or array just opened: it is itself the value.
        break;
      }
      if (c.inObject()) {
        String name = c.currentName();
        path = "branches".equals(enclosingName) ? branch(path, name) : member(path, name);
        enclosingName = name;
      } else {
        path = index(path, c.getCurrentIndex());
        enclosingName = null;
      }
    }
    return path;
  }

  /** {@code path.name}, or {@code path["name"]} when the name is not a plain identifier. */
  public static String member(String path, String name) {
    return IDENTIFIER.matcher(name).matches() ? path + "." + name : branch(path, name);
  }

  /** {@code path["key"]}, the form used for branch keys whatever they hold. */
  static String branch(String path, String key) {
    return path + "[" + StringNode.valueOf(key) + "]";
  }

  static String index(String path, int index) {
    return path + "[" + index + "]";
  }

  /** The value at the parser's current token, read to name it, is not what it {@code must be}. */
  static FlowFileException mismatch(JsonParser parser, DeserializationContext ctxt, String mustBe) {
    String path = path(parser);
    return mismatch(path, mustBe, ctxt.readTree(parser));
  }

  /**
   * A JSON null where a value that {@code must be} something stands. Jackson asks a deserializer
   * for the value of a null rather than handing it over, and null is never a value in a flow file.
   */
  static FlowFileException mismatchNull(DeserializationContext ctxt, String mustBe) {
    return mismatch(path(ctxt.getParser()), mustBe, NullNode.getInstance());
  }

  static FlowFileException mismatch(String path, String mustBe, JsonNode value) {
    return new FlowFileException(path, "must be " + mustBe + ", was " + describe(value));
  }

  /** A JSON value in words for an error message, e.g. {@code the string "5"} or {@code 1.5}. */
  public static String describe(JsonNode node) {
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

  /** A hint for a name that differs from a known one only in case, e.g. {@code numdigits}. */
  static String didYouMean(String name, Collection<String> known) {
    for (String candidate : known) {
      if (candidate.equalsIgnoreCase(name)) {
        return " (did you mean '" + candidate + "'?)";
      }
    }
    return "";
  }
}
