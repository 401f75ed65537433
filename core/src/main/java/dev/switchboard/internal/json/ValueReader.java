package dev.switchboard.internal.json;

import dev.switchboard.FlowFileException;
import dev.switchboard.InvalidInputException;
import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a single JSON value strictly, with no coercion: a value of another kind, null included, is
 * refused at its path, saying what the value must be.
 *
 * @param <T> what the value is read as
 */
final class ValueReader<T> extends ValueDeserializer<T> {
  private final String mustBe;
  private final Function<JsonNode, T> read;

  /**
   * @param mustBe the kind of value expected, in words, e.g. {@code a string}
   * @param read the value of a node, or null when the node is of another kind; it may throw an
   *     {@link InvalidInputException} to refuse a value of the right kind, whose rule is reported
   */
  ValueReader(String mustBe, Function<JsonNode, T> read) {
    this.mustBe = mustBe;
    this.read = read;
  }

  @Override
  public T deserialize(JsonParser parser, DeserializationContext ctxt) {
    String path = Problems.path(parser);
    JsonNode node = ctxt.readTree(parser);
    T value;
    try {
      value = read.apply(node);
    } catch (InvalidInputException e) {
      throw new FlowFileException(path, e.rule());
    }
    if (value == null) {
      throw Problems.mismatch(path, mustBe, node);
    }
    return value;
  }

  @Override
  public T getNullValue(DeserializationContext ctxt) {
    throw Problems.mismatchNull(ctxt, mustBe);
  }
}
