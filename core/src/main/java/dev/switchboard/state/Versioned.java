package dev.switchboard.state;

import java.util.Objects;

/**
 * A value as a {@link StateStore} holds it, with the version that a compare-and-set names.
 *
 * @param value the value, as the writer gave it
 * @param version changes on every write of the key; only equality between versions means anything
 */
public record Versioned(String value, long version) {
  public Versioned {
    Objects.requireNonNull(value, "value");
  }
}
