package dev.switchboard.testkit;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Callee} written as JSON, for scripts and tools outside Java (the emulator's control API,
 * its callee files):
 *
 * <pre>{@code
 * {"pickup": "answer", "presses": "1", "hangUpAfter": 3}
 * {"pickup": "busy"}
 * {"inputs": [{"presses": "12#"}, {"says": "yes please"}, {"silent": true}]}
 * }</pre>
 *
 * {@code pickup} is {@code answer} (the default), {@code no-answer} or {@code busy}; {@code
 * presses} and {@code says} give the input at the first gather, {@code inputs} one per gather in
 * order.
 */
public final class CalleeJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> FIELDS =
      Set.of("pickup", "presses", "says", "inputs", "hangUpAfter", "vendor");

  private CalleeJson() {}

  /**
   * The callee {@code json} describes.
   *
   * @throws IllegalArgumentException naming the field, when the JSON is not a callee
   */
  public static Callee read(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "a callee must be a JSON object: " + e.getOriginalMessage());
    }
    return read(node);
  }

  /** The callee {@code node} describes; see {@link #read(String)}. */
  public static Callee read(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a callee must be a JSON object");
    }
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String field = property.getKey();
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException(
            "unknown callee field '" + field + "'; known: " + FIELDS);
      }
    }
    Callee.Builder callee = Callee.builder();
    if (node.has("pickup")) {
      callee.pickup(pickup(text(node, "pickup")));
    }
    if (node.has("presses")) {
      callee.presses(text(node, "presses"));
    }
    if (node.has("says")) {
      callee.says(text(node, "says"));
    }
    if (node.has("inputs")) {
      JsonNode inputs = node.get("inputs");
      if (!inputs.isArray()) {
        throw new IllegalArgumentException("inputs must be an array");
      }
      for (JsonNode input : inputs) {
        if (input.has("presses")) {
          callee.presses(text(input, "presses"));
        } else if (input.has("says")) {
          callee.says(text(input, "says"));
        } else if (input.path("silent").asBoolean(false)) {
          callee.silent();
        } else {
          throw new IllegalArgumentException(
              "each of inputs must be {\"presses\": ...}, {\"says\": ...} or {\"silent\": true}");
        }
      }
    }
    if (node.has("hangUpAfter")) {
      JsonNode after = node.get("hangUpAfter");
      if (!after.isInt() || after.asInt() < 1) {
        throw new IllegalArgumentException("hangUpAfter must be a whole number from 1");
      }
      callee.hangUpAfter(after.asInt());
    }
    return callee.build();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (!value.isString()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return value.asString();
  }

  private static Callee.Pickup pickup(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "answer" -> Callee.Pickup.ANSWER;
      case "no-answer" -> Callee.Pickup.NO_ANSWER;
      case "busy" -> Callee.Pickup.BUSY;
      default ->
          throw new IllegalArgumentException(
              "pickup must be answer, no-answer or busy, was '" + value + "'");
    };
  }
}
