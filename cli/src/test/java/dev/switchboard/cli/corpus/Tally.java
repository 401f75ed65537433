package dev.switchboard.cli.corpus;

import java.util.EnumMap;
import java.util.Map;

/** How many cases of each family were tried, refused with a typed error, and let requests out. */
final class Tally {
  /** One family's counts, or the corpus's. */
  record Counts(int tried, int typed, long leaked) {
    Counts plus(Counts other) {
      return new Counts(tried + other.tried, typed + other.typed, leaked + other.leaked);
    }

    @Override
    public String toString() {
      return tried + " tried, " + typed + " typed, " + leaked + " requests leaked";
    }
  }

  private final Map<Family, Counts> counts = new EnumMap<>(Family.class);

  /** Counts one case tried; {@code typed} when every trial refused it properly. */
  synchronized void add(Family family, boolean typed, long leaked) {
    counts.merge(family, new Counts(1, typed ? 1 : 0, leaked), Counts::plus);
  }

  synchronized Counts of(Family family) {
    return counts.getOrDefault(family, new Counts(0, 0, 0));
  }

  synchronized Counts total() {
    return counts.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
  }
}
