package dev.switchboard;

import java.util.Objects;

/**
 * One broken rule in a piece of input: which field, and which rule it broke.
 *
 * @param field where the bad value is, e.g. {@code gather.numDigits} or {@code $.verbs[1].say.text}
 * @param rule the rule in words, e.g. {@code must be between 1 and 255, was 0}
 */
public record Violation(String field, String rule) {
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
  }

  @Override
  public String toString() {
    return field + ": " + rule;
  }
}
