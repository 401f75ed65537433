package dev.switchboard.internal.json;

import dev.switchboard.FlowFileException;
import dev.switchboard.InvalidInputException;
import dev.switchboard.flow.Prompt;
import dev.switchboard.flow.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a verb: an object with one key naming it, whose value holds its attributes, such as {@code
 * {"say": {"text": "Hello"}}}. The verb is checked as a whole first: it is known, its attributes
 * are, and the required ones are there. Then Jackson reads each attribute, and the verb is built
 * from them and the defaults of the others; what the verb's record refuses is reported at the JSON
 * path of what it names.
 *
 * <p>Flow files are read from a tree, so that a whole verb can be looked at before it is read.
 */
final class VerbReader<V extends Verb> extends ValueDeserializer<V> {
  private static final List<String> VERBS = VerbType.ALL.stream().map(VerbType::name).toList();

  private final Class<V> kind;

  /**
   * @param kind {@link Verb}, or {@link Prompt} where only say, play and pause may stand
   */
  VerbReader(Class<V> kind) {
    this.kind = kind;
  }

  @Override
  public V deserialize(JsonParser parser, DeserializationContext ctxt) {
    String path = Problems.path(parser);
    JsonNode tree = (JsonNode) parser.streamReadInputSource();
    JsonNode verb = tree.at(parser.streamReadContext().pathAsPointer());
    VerbType type = verbType(verb, path);
    String name = type.name();
    String verbPath = Problems.member(path, name);
    JsonNode attributes = verb.get(name);
    check(type, attributes, verbPath, ctxt);
    parser.nextToken(); // the verb's name
    parser.nextToken(); // its attributes
    try {
      Map<String, Object> values = new HashMap<>();
      for (String attribute = parser.nextName(); attribute != null; attribute = parser.nextName()) {
        parser.nextToken();
        Object value = ctxt.readValue(parser, ctxt.constructType(type.typeOf(attribute)));
        if (beyondInt(attributes.get(attribute))) {
          // Read as the nearest int, which every range in the model refuses: have the model
          // refuse it now, as a value is refused when it is read.
          type.create(Map.of(attribute, value));
        }
        values.put(attribute, value);
      }
      parser.nextToken(); // the end of the verb
      return kind.cast(type.create(values));
    } catch (FlowFileException e) {
      throw e; // already at its path
    } catch (InvalidInputException e) {
      throw atPath(e, name, verbPath, attributes);
    }
  }

  /** The type of a verb that is an object naming one known verb, one that may stand here. */
  private VerbType verbType(JsonNode verb, String path) {
    String verbs = String.join(", ", VERBS);
    if (!verb.isObject()) {
      throw Problems.mismatch(
          path, "an object naming one verb, such as {\"say\": {\"text\": \"Hello\"}}", verb);
    }
    if (verb.size() != 1) {
      String found = String.join(", ", verb.propertyNames());
      throw new FlowFileException(
          path,
          "must have exactly one key naming the verb, found %s; known verbs: %s"
              .formatted(verb.isEmpty() ? "none" : verb.size() + " (" + found + ")", verbs));
    }
    String name = verb.propertyNames().iterator().next();
    VerbType type = VerbType.named(name);
    if (type == null) {
      throw new FlowFileException(
          Problems.member(path, name),
          "unknown verb '%s'%s; known verbs: %s"
              .formatted(name, Problems.didYouMean(name, VERBS), verbs));
    }
    if (!kind.isAssignableFrom(type.type())) {
      throw new FlowFileException(
          Problems.member(path, name),
          name + " is not a prompt: only say, play and pause may stand in prompts");
    }
    return type;
  }

  /**
   * Checks that the attributes are an object of known attributes holding the required ones, and
   * puts them in the order of the record, before the parser reaches them: they are read in the
   * order they stand, and which problem is reported first should not depend on a file's key order.
   */
  private static void check(
      VerbType type, JsonNode attributes, String path, DeserializationContext ctxt) {
    String verb = type.name();
    List<String> known = type.attributes();
    if (!attributes.isObject()) {
      throw Problems.mismatch(
          path,
          known.isEmpty()
              ? "{}, since " + verb + " takes no attributes"
              : "an object of " + verb + "'s attributes",
          attributes);
    }
    for (String name : attributes.propertyNames()) {
      if (!known.contains(name)) {
        throw new FlowFileException(
            Problems.member(path, name),
            known.isEmpty()
                ? "%s takes no attributes, found '%s'".formatted(verb, name)
                : "unknown attribute '%s' of %s%s; known attributes: %s"
                    .formatted(
                        name, verb, Problems.didYouMean(name, known), String.join(", ", known)));
      }
    }
    ObjectNode object = (ObjectNode) attributes;
    for (String name : known) {
      if (type.isRequired(name) && !object.has(name)) {
        // A missing list says what it should hold.
        String hint =
            ctxt.findRootValueDeserializer(ctxt.constructType(type.typeOf(name)))
                    instanceof ListReader list
                ? ": " + list.mustBe()
                : "";
        throw new FlowFileException(Problems.member(path, name), "is required" + hint);
      }
      JsonNode value = object.remove(name);
      if (value != null) {
        object.set(name, value);
      }
    }
  }

  /**
   * The verb's refusal at the JSON path of what it names: the model names a field {@code
   * verb.attribute} and a branch {@code verb.branches["key"]}, which JSON paths quote as strings.
   */
  private static FlowFileException atPath(
      InvalidInputException e, String verb, String path, JsonNode attributes) {
    String field = e.field();
    String rest = field.startsWith(verb) ? field.substring(verb.length()) : "";
    String at = path + rest;
    String longest = "";
    for (String key : attributes.path("branches").propertyNames()) {
      String branch = ".branches[\"" + key + "\"]";
      if (rest.startsWith(branch) && branch.length() > longest.length()) {
        longest = branch;
        at = Problems.branch(path + ".branches", key) + rest.substring(branch.length());
      }
    }
    String rule = e.rule();
    JsonNode value = attributes.path(rest.isEmpty() ? "" : rest.substring(1));
    if (beyondInt(value)) {
      // The model saw the nearest int; say what the file has.
      rule = rule.substring(0, rule.lastIndexOf(", was ")) + ", was " + value;
    }
    return new FlowFileException(at, rule);
  }

  private static boolean beyondInt(JsonNode value) {
    return value.isIntegralNumber() && !value.canConvertToInt();
  }
}
