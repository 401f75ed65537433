package dev.switchboard.internal.json;

import dev.switchboard.flow.Conference;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.RecordCall;
import dev.switchboard.flow.Redirect;
import dev.switchboard.flow.Reject;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import dev.switchboard.internal.Checks;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A verb as flow files know it: its name, and the record that holds it, whose components are its
 * attributes, by name and in order.
 *
 * <p>Each verb is given as the model builds it from its required attributes alone (placeholders
 * here), so that its other attributes hold their defaults: what a file may leave out, and what
 * writing leaves out.
 */
final class VerbType {
  /** Every verb, in the order error messages list them. */
  static final List<VerbType> ALL =
      List.of(
          new VerbType(Say.of("placeholder"), "text"),
          new VerbType(Play.of("https://placeholder.invalid/"), "url"),
          new VerbType(Pause.of(1), "seconds"),
          new VerbType(Gather.builder().build()),
          new VerbType(Record.after()),
          new VerbType(RecordCall.after()),
          new VerbType(Transfer.to("+10"), "to"),
          new VerbType(Conference.room("placeholder"), "room"),
          new VerbType(Hangup.now()),
          new VerbType(new Reject()),
          new VerbType(Redirect.to("https://placeholder.invalid/"), "url"));

  private final Verb prototype;
  private final Set<String> required;
  private final RecordComponent[] components;
  private final List<String> attributes;

  private VerbType(Verb prototype, String... required) {
    this.prototype = prototype;
    this.required = Set.of(required);
    this.components = prototype.getClass().getRecordComponents();
    this.attributes = Arrays.stream(components).map(RecordComponent::getName).toList();
  }

  /** The verb of that name, or null. */
  static VerbType named(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }

  /** The verb that record holds. */
  static VerbType of(Class<?> type) {
    return ALL.stream().filter(t -> t.type() == type).findFirst().orElseThrow();
  }

  String name() {
    return prototype.name();
  }

  Class<? extends Verb> type() {
    return prototype.getClass();
  }

  List<String> attributes() {
    return attributes;
  }

  boolean isRequired(String attribute) {
    return required.contains(attribute);
  }

  /** How an attribute is read: as the record holds it, except a URL, read as text. */
  Type typeOf(String attribute) {
    Type type = component(attribute).getGenericType();
    return type == URI.class ? String.class : type;
  }

  boolean isDefault(String attribute, Object value) {
    return !isRequired(attribute) && value.equals(valueOf(prototype, component(attribute)));
  }

  /**
   * The verb with the given attributes and the defaults of the others.
   *
   * @throws dev.switchboard.InvalidInputException when the model refuses a value
   */
  Verb create(Map<String, Object> attributes) {
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      String name = components[i].getName();
      types[i] = components[i].getType();
      values[i] =
          attributes.containsKey(name) ? attributes.get(name) : valueOf(prototype, components[i]);
      if (values[i] instanceof String text && types[i] == URI.class) {
        // Before the record's own checks, as when the model takes a URL as text.
        values[i] = Checks.httpUrl(text, name() + "." + name);
      }
    }
    try {
      return type().getConstructor(types).newInstance(values);
    } catch (InvocationTargetException e) {
      // The model's checks throw only InvalidInputException.
      throw (RuntimeException) e.getCause();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private RecordComponent component(String attribute) {
    return components[attributes.indexOf(attribute)];
  }

  private static Object valueOf(Verb verb, RecordComponent component) {
    try {
      return component.getAccessor().invoke(verb);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
