package dev.switchboard.flow;

import dev.switchboard.InvalidInputException;
import dev.switchboard.internal.Checks;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a {@link Gather} does when the caller's input equals one of {@code inputs}: run {@code
 * verbs} instead of the rest of the flow.
 *
 * @param inputs the inputs that select this branch, e.g. {@code 1} and {@code english}; each made
 *     of digits, {@code *}, {@code #}, lower-case letters and inner spaces
 * @param verbs what runs when the branch is taken; an empty list hangs up
 */
public record Branch(List<String> inputs, List<Verb> verbs) {
  private static final Pattern INPUT = Pattern.compile("[0-9a-z*#]([0-9a-z*# ]{0,62}[0-9a-z*#])?");

  public Branch {
    inputs = Checks.list(inputs, "gather.branches");
    if (inputs.isEmpty()) {
      throw new InvalidInputException("gather.branches", "a branch needs at least one input");
    }
    for (String input : inputs) {
      if (!INPUT.matcher(input).matches()) {
        throw new InvalidInputException(
            "gather.branches[\"" + String.join("|", inputs) + "\"]",
            "an input must be 1 to 64 of 0-9, *, #, a-z and inner spaces, was '" + input + "'");
      }
    }
    if (new HashSet<>(inputs).size() != inputs.size()) {
      throw new InvalidInputException(
          "gather.branches[\"" + String.join("|", inputs) + "\"]", "inputs must be distinct");
    }
    verbs = Sequences.check(verbs, "gather.branches[\"" + String.join("|", inputs) + "\"]", false);
  }

  /** A branch keyed as in flow files, where {@code 1|english} matches either input. */
  public static Branch of(String key, List<Verb> verbs) {
    Checks.notNull(key, "gather.branches");
    return new Branch(Arrays.asList(key.split("\\|", -1)), verbs);
  }

  /** A branch keyed as in flow files, where {@code 1|english} matches either input. */
  public static Branch of(String key, Verb... verbs) {
    return of(key, List.of(verbs));
  }

  /** The key as written in flow files: the inputs joined with {@code |}. */
  public String key() {
    return String.join("|", inputs);
  }

  /** True when {@code input} selects this branch. */
  public boolean matches(String input) {
    return inputs.contains(input);
  }
}
