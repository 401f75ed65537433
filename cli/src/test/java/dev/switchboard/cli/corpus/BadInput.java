package dev.switchboard.cli.corpus;

import java.util.List;
import java.util.Objects;

/**
 * One bad input of the corpus.
 *
 * @param family which kind of input it is
 * @param name a short readable name, unique in the corpus; the test is reported by it
 * @param names what every error it causes must name: a JSON path, a field, a configuration key or
 *     an option
 * @param trials the ways it is tried, each of which must refuse it; at least one
 */
record BadInput(Family family, String name, String names, List<Trial> trials) {
  private static final int SHOWN = 40;

  BadInput {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(names, "names");
    trials = List.copyOf(trials);
    if (name.isBlank() || names.isEmpty() || trials.isEmpty()) {
      throw new IllegalArgumentException("a case needs a name, what it names and a trial: " + name);
    }
  }

  static BadInput of(Family family, String name, String names, Trial... trials) {
    return new BadInput(family, name, names, List.of(trials));
  }

  /**
   * A value as a case's name shows it: printable ASCII, anything else as a {@code \}{@code uXXXX}
   * escape, long values cut, so that every name reads the same in a terminal and a test report.
   */
  static String show(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < value.length() && i < SHOWN; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    if (value.length() > SHOWN) {
      out.append("... (").append(value.length()).append(" chars)");
    }
    return out.append('\'').toString();
  }
}
