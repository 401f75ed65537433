package dev.switchboard.internal.json;

import dev.switchboard.FlowFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a JSON list into a list or set, element by element, refusing anything but a list at its
 * path and, where asked, an element that repeats an earlier one at the element's path.
 */
final class ListReader extends ValueDeserializer<Object> {
  private final JavaType type;
  private final String mustBe;
  private final BiFunction<Object, Integer, String> repeated;

  /**
   * @param type the list or set type, whose elements are read as Jackson reads that type
   * @param mustBe what the value must be, in words
   * @param repeated the rule broken by an element equal to the one at an earlier index, or null
   *     when elements may repeat
   */
  ListReader(JavaType type, String mustBe, BiFunction<Object, Integer, String> repeated) {
    this.type = type;
    this.mustBe = mustBe;
    this.repeated = repeated;
  }

  String mustBe() {
    return mustBe;
  }

  @Override
  public Object deserialize(JsonParser parser, DeserializationContext ctxt) {
    if (!parser.isExpectedStartArrayToken()) {
      throw Problems.mismatch(parser, ctxt, mustBe);
    }
    ValueDeserializer<Object> elements =
        ctxt.findContextualValueDeserializer(type.getContentType(), null);
    List<Object> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      Object value = elements.deserialize(parser, ctxt);
      int earlier = values.indexOf(value);
      if (repeated != null && earlier >= 0) {
        throw new FlowFileException(Problems.path(parser), repeated.apply(value, earlier));
      }
      values.add(value);
    }
    return type.isTypeOrSubTypeOf(Set.class) ? Set.copyOf(values) : values;
  }

  @Override
  public Object getNullValue(DeserializationContext ctxt) {
    throw Problems.mismatchNull(ctxt, mustBe);
  }
}
