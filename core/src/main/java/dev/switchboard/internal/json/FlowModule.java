package dev.switchboard.internal.json;

import com.fasterxml.jackson.annotation.JsonFilter;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.switchboard.InvalidInputException;
import dev.switchboard.PhoneNumber;
import dev.switchboard.flow.Branch;
import dev.switchboard.flow.ConferenceBeep;
import dev.switchboard.flow.GatherInput;
import dev.switchboard.flow.Prompt;
import dev.switchboard.flow.RedirectMethod;
import dev.switchboard.flow.Verb;
import dev.switchboard.flow.VoiceGender;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.StringNode;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.FilterProvider;
import tools.jackson.databind.ser.PropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;
import tools.jackson.databind.ser.std.SimpleBeanPropertyFilter;
import tools.jackson.databind.ser.std.SimpleFilterProvider;
import tools.jackson.databind.ser.std.StdConvertingSerializer;
import tools.jackson.databind.ser.std.ToStringSerializer;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.util.StdConverter;

/**
 * Teaches Jackson the flow file format. A verb is a record whose components are its attributes,
 * written by Jackson as they are; this module names each verb, leaves out attributes at their
 * defaults, and says how each kind of value is read and written. Values are read strictly, without
 * coercion, and one that is refused is reported at its JSON path.
 */
public final class FlowModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /**
   * What {@link dev.switchboard.flow.FlowJson} writes with, to leave out attributes at their
   * defaults.
   */
  public static final FilterProvider FILTERS =
      new SimpleFilterProvider().addFilter("defaults", new DefaultsLeftOut());

  /** A verb is written as an object with one key, its name, holding its attributes. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
  @JsonFilter("defaults")
  private interface VerbMixIn {}

  public FlowModule() {
    super("flow-files");
    setMixInAnnotation(Verb.class, VerbMixIn.class);
    for (VerbType type : VerbType.ALL) {
      registerSubtypes(new NamedType(type.type(), type.name()));
    }
    setDeserializers(new CollectionReaders());
    setSerializerModifier(new BranchesWriter());
    addDeserializer(Verb.class, new VerbReader<>(Verb.class));
    addDeserializer(Prompt.class, new VerbReader<>(Prompt.class));
    addDeserializer(
        String.class, new ValueReader<>("a string", n -> n.isString() ? n.stringValue() : null));
    addDeserializer(
        boolean.class,
        new ValueReader<>("true or false", n -> n.isBoolean() ? n.booleanValue() : null));
    addDeserializer(int.class, new ValueReader<>("a whole number", FlowModule::wholeNumber));
    addDeserializer(
        OptionalInt.class,
        new ValueReader<>(
            "a whole number", n -> n.isNumber() ? OptionalInt.of(wholeNumber(n)) : null));
    addDeserializer(
        PhoneNumber.class,
        new ValueReader<>("a string", n -> n.isString() ? PhoneNumber.of(n.stringValue()) : null));
    addSerializer(PhoneNumber.class, ToStringSerializer.instance);
    wire(VoiceGender.class, gender -> StringNode.valueOf(gender.wireName()));
    wire(GatherInput.class, input -> StringNode.valueOf(input.wireName()));
    wire(RedirectMethod.class, method -> StringNode.valueOf(method.name()));
    wire(ConferenceBeep.class, FlowModule::beep, "true, false, \"onEnter\" or \"onExit\"");
  }

  private static Integer wholeNumber(JsonNode node) {
    if (!node.isNumber()) {
      return null;
    }
    if (!node.isIntegralNumber()) {
      throw new InvalidInputException(
          "number",
          "must be a whole number, without a fraction or exponent, was " + Problems.describe(node));
    }
    if (!node.canConvertToInt()) {
      // Beyond every range in the model: the nearest int has the model refuse it (VerbReader).
      return node.bigIntegerValue().signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    }
    return node.intValue();
  }

  /** Always and never are JSON true and false; the others are their wire names. */
  private static JsonNode beep(ConferenceBeep beep) {
    return switch (beep) {
      case ALWAYS -> BooleanNode.TRUE;
      case NEVER -> BooleanNode.FALSE;
      default -> StringNode.valueOf(beep.wireName());
    };
  }

  /** Reads and writes each constant of an enum as the JSON value {@code json} gives it. */
  private <E extends Enum<E>> void wire(Class<E> type, Function<E, JsonNode> json) {
    String oneOf =
        Arrays.stream(type.getEnumConstants())
            .map(constant -> json.apply(constant).toString())
            .collect(Collectors.joining(", ", "one of ", ""));
    wire(type, json, oneOf);
  }

  private <E extends Enum<E>> void wire(Class<E> type, Function<E, JsonNode> json, String mustBe) {
    List<E> constants = Arrays.asList(type.getEnumConstants());
    addDeserializer(
        type,
        new ValueReader<>(
            mustBe,
            node ->
                constants.stream()
                    .filter(c -> json.apply(c).equals(node))
                    .findFirst()
                    .orElse(null)));
    addSerializer(
        type,
        new ValueSerializer<E>() {
          @Override
          public void serialize(E value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeTree(json.apply(value));
          }
        });
  }

  /** Writes a verb's attributes but those at their defaults. */
  private static final class DefaultsLeftOut extends SimpleBeanPropertyFilter {
    @Override
    public void serializeAsProperty(
        Object verb, JsonGenerator gen, SerializationContext ctxt, PropertyWriter attribute)
        throws Exception {
      Object value = ((BeanPropertyWriter) attribute).get(verb);
      if (!VerbType.of(verb.getClass()).isDefault(attribute.getName(), value)) {
        attribute.serializeAsProperty(verb, gen, ctxt);
      }
    }
  }

  /** Reads lists and sets by what they hold, each saying what it must be. */
  private static final class CollectionReaders extends SimpleDeserializers {
    private static final long serialVersionUID = 1L;

    @Override
    public ValueDeserializer<?> findCollectionDeserializer(
        CollectionType type,
        DeserializationConfig config,
        BeanDescription.Supplier description,
        TypeDeserializer elementTypeDeserializer,
        ValueDeserializer<?> elementDeserializer) {
      Class<?> element = type.getContentType().getRawClass();
      if (element == Branch.class) {
        return new BranchesReader();
      } else if (element == Verb.class) {
        return new ListReader(type, "a list of verbs", null);
      } else if (element == Prompt.class) {
        return new ListReader(type, "a list of say, play and pause verbs", null);
      } else if (element == PhoneNumber.class) {
        return new ListReader(
            type,
            "a list of E.164 numbers such as [\"+15556667777\"]",
            (number, earlier) ->
                "repeats " + number + " from to[" + earlier + "]; the numbers must be distinct");
      } else if (element == GatherInput.class) {
        return new ListReader(
            type,
            "a list of \"dtmf\" and \"speech\", such as [\"dtmf\"] or [\"dtmf\", \"speech\"]",
            (input, earlier) ->
                "lists \"" + ((GatherInput) input).wireName() + "\" twice; name each input once");
      }
      return super.findCollectionDeserializer(
          type, config, description, elementTypeDeserializer, elementDeserializer);
    }
  }

  /** Writes a gather's branches as a map from each branch's key to its verbs. */
  private static final class BranchesWriter extends ValueSerializerModifier {
    private static final long serialVersionUID = 1L;

    private static final ValueSerializer<?> AS_MAP =
        new StdConvertingSerializer(
            new StdConverter<List<Branch>, Map<String, List<Verb>>>() {
              @Override
              public Map<String, List<Verb>> convert(List<Branch> branches) {
                Map<String, List<Verb>> map = new LinkedHashMap<>();
                branches.forEach(branch -> map.put(branch.key(), branch.verbs()));
                return map;
              }
            });

    @Override
    public ValueSerializer<?> modifyCollectionSerializer(
        SerializationConfig config,
        CollectionType type,
        BeanDescription.Supplier description,
        ValueSerializer<?> serializer) {
      return type.getContentType().getRawClass() == Branch.class ? AS_MAP : serializer;
    }
  }
}
