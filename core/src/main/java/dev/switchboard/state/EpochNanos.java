package dev.switchboard.state;

import java.time.Duration;
import java.time.Instant;

/**
 * Instants as nanoseconds since the epoch in a {@code long}, as the in-memory stores keep their
 * expiries: an {@link Instant} object per entry was three objects of every call's state, each
 * copied by every young collection until the call's grace period ended. A {@code long} reaches the
 * year 2262; later instants and sums saturate at {@link Long#MAX_VALUE}, which never expires.
 */
final class EpochNanos {
  private static final long PER_SECOND = 1_000_000_000L;

  private EpochNanos() {}

  /** {@code instant} in nanoseconds since the epoch. */
  static long of(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano());
    } catch (ArithmeticException e) {
      return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** {@code nanos} plus {@code duration}, a positive one. */
  static long plus(long nanos, Duration duration) {
    try {
      return Math.addExact(nanos, duration.toNanos());
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** The first whole {@code unit} by which something expiring at {@code nanos} has expired. */
  static long ceil(long nanos, long unit) {
    return Math.floorDiv(nanos, unit) + (Math.floorMod(nanos, unit) == 0 ? 0 : 1);
  }

  /** The whole {@code unit} that {@code nanos} falls in. */
  static long floor(long nanos, long unit) {
    return Math.floorDiv(nanos, unit);
  }
}
