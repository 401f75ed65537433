package dev.switchboard.provider.support;

import dev.switchboard.InvalidInputException;
import dev.switchboard.webhook.WebhookRequest;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A callback's fields as one flat map of names to text, read from the parts of the request where
 * the vendor documents them. Vendors put the same fields in different places (Hoiio documents the
 * query string while its SDKs post forms; Voxtelesys posts JSON), so each names its parts and all
 * read them with the same rules:
 *
 * <ul>
 *   <li>later parts win over earlier ones, in the order of {@link Part};
 *   <li>a JSON object's nested objects become dotted names ({@code caller.number});
 *   <li>a JSON array becomes its values joined with commas, and a JSON {@code null} is left out.
 * </ul>
 */
public final class CallbackFields {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Where a callback's fields can be. */
  public enum Part {
    /** The query string's parameters. */
    QUERY,
    /** A form-encoded body's parameters. */
    FORM,
    /** A body whose content type says JSON; it must hold an object. */
    JSON,
    /**
     * The body read as a JSON object whatever its content type, for vendors that only post JSON.
     */
    JSON_ALWAYS
  }

  private CallbackFields() {}

  /**
   * Reads {@code request}'s fields from {@code parts}.
   *
   * @param vendor the vendor's name, for the error
   * @throws InvalidInputException naming {@code body} when a JSON body is not a JSON object
   */
  public static Map<String, String> read(WebhookRequest request, String vendor, Part... parts) {
    Set<Part> wanted = parts.length == 0 ? EnumSet.noneOf(Part.class) : EnumSet.of(parts[0], parts);
    Map<String, String> fields = new LinkedHashMap<>();
    if (wanted.contains(Part.QUERY)) {
      putFirstValues(request.query(), fields);
    }
    if (wanted.contains(Part.FORM)) {
      putFirstValues(request.form(), fields);
    }
    boolean declaredJson = request.contentType().map(t -> t.endsWith("json")).orElse(false);
    if (wanted.contains(Part.JSON_ALWAYS) || (wanted.contains(Part.JSON) && declaredJson)) {
      String body = request.bodyText();
      if (!putStrings(body, fields)) {
        fields.putAll(flatten(jsonObject(body, vendor)));
      }
    }
    return fields;
  }

  /**
   * Puts the fields of a body that is one object of strings, as vendors' callbacks nearly always
   * are, read token by token: a tree and a second map for each callback were a tenth of a webhook
   * thread's time. Anything else (a nested object, a number, a duplicate name, an error) is left to
   * the tree, which applies every rule above; {@code fields} is then left as it was.
   *
   * @return whether the body was read
   */
  private static boolean putStrings(String body, Map<String, String> fields) {
    Map<String, String> read = new LinkedHashMap<>();
    try (JsonParser json = JSON.createParser(body)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      String name;
      while ((name = json.nextName()) != null) {
        if (json.nextToken() != JsonToken.VALUE_STRING
            || read.put(name, json.getString()) != null) {
          return false;
        }
      }
      if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
        return false;
      }
    } catch (JacksonException e) {
      return false;
    }
    fields.putAll(read);
    return true;
  }

  /** A JSON object's fields with the rules above, for vendor answers read the same way. */
  public static Map<String, String> flatten(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", object, out);
    return out;
  }

  private static void putFirstValues(Map<String, List<String>> from, Map<String, String> to) {
    from.forEach((name, values) -> to.put(name, values.get(0)));
  }

  private static JsonNode jsonObject(String body, String vendor) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (JacksonException e) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      throw new InvalidInputException("body", "a " + vendor + " callback must be a JSON object");
    }
    return json;
  }

  private static void flatten(String prefix, JsonNode object, Map<String, String> out) {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String name = prefix + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        flatten(name + ".", value, out);
      } else if (value.isArray()) {
        out.put(name, String.join(",", value.valueStream().map(CallbackFields::text).toList()));
      } else if (!value.isNull()) {
        out.put(name, value.asString());
      }
    }
  }

  /**
   * An array's element as text; a container inside an array stays JSON, which has no dotted name.
   */
  private static String text(JsonNode node) {
    return node.isValueNode() ? node.asString() : node.toString();
  }
}
