package dev.switchboard.flow;

import java.util.Objects;

/**
 * A verb and where it stands in a flow, as {@link CallFlow#walk()} lists them.
 *
 * @param path the verb's position, e.g. {@code verbs[1].branches["2"][0]} or {@code
 *     verbs[0].prompts[1]}
 * @param verb the verb
 * @param followed true when more verbs follow it in the same list
 */
public record VerbAt(String path, Verb verb, boolean followed) {
  public VerbAt {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(verb, "verb");
  }

  /** The position of one of the verb's attributes, e.g. {@code verbs[2].pause.seconds}. */
  public String field(String attribute) {
    return path + "." + verb.name() + "." + attribute;
  }
}
