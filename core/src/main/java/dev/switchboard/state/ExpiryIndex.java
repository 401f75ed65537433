package dev.switchboard.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The keys of one map filed by the second they expire in, so that the expired ones are found
 * without looking at those that still live: a sweep costs what it removes, not what the map holds.
 * Every time it takes, an expiry or the time now, is in nanoseconds since the epoch ({@link
 * EpochNanos}). Not thread-safe: its owners guard it by locking the index itself, which {@link
 * #sweep} does on its own, and only when something may have expired.
 */
final class ExpiryIndex<K> {
  private final TreeMap<Long, ExpiryBucket<K>> bySecond = new TreeMap<>();

  /**
   * The bucket last filed into, and its second: most keys are filed under the same few seconds in a
   * row, and finding the bucket again cost more than filing.
   */
  private long lastSecond;

  private ExpiryBucket<K> lastBucket;

  /**
   * The earliest second anything is filed under, or {@link Long#MAX_VALUE} when nothing is: written
   * under the lock, read without it.
   */
  private volatile long firstSecond = Long.MAX_VALUE;

  /**
   * Whether something filed may have expired by {@code now}; asked without the lock, so it may be a
   * moment out of date either way, which only moves a sweep to the next operation.
   */
  boolean mayHaveExpired(long now) {
    return firstSecond <= EpochNanos.floorSecond(now);
  }

  /**
   * {@link #takeExpired} under the index's own lock, taken only when something may have expired: an
   * operation with nothing to sweep, nearly all of them, takes no lock to learn so.
   */
  List<K> sweep(long now, int limit) {
    if (!mayHaveExpired(now)) {
      return List.of();
    }
    synchronized (this) {
      return takeExpired(now, limit);
    }
  }

  /** Files {@code key} under {@code expires}, in nanoseconds since the epoch. */
  void file(K key, long expires) {
    bucket(EpochNanos.ceilSecond(expires), true).add(key);
  }

  /** Takes {@code key}, filed under {@code expires}, out of the index. */
  void remove(K key, long expires) {
    long second = EpochNanos.ceilSecond(expires);
    ExpiryBucket<K> keys = bucket(second, false);
    if (keys != null && keys.remove(key) && keys.isEmpty()) {
      drop(second);
    }
  }

  /** The bucket of {@code second}, made if {@code make}, else null when there is none. */
  private ExpiryBucket<K> bucket(long second, boolean make) {
    if (lastBucket != null && lastSecond == second) {
      return lastBucket;
    }
    ExpiryBucket<K> bucket = bySecond.get(second);
    if (bucket == null && make) {
      // Sized as the last bucket was: each second's bucket grows to about the same size, and
      // growing one key by key rehashed it a dozen times over.
      bucket = new ExpiryBucket<>(lastBucket == null ? 0 : lastBucket.size());
      bySecond.put(second, bucket);
      if (second < firstSecond) {
        firstSecond = second;
      }
    }
    if (bucket != null) {
      lastSecond = second;
      lastBucket = bucket;
    }
    return bucket;
  }

  /** Drops the emptied bucket of {@code second}, and forgets it if it was the last one used. */
  private void drop(long second) {
    bySecond.remove(second);
    if (second == firstSecond) {
      firstSecond = bySecond.isEmpty() ? Long.MAX_VALUE : bySecond.firstKey();
    }
    if (lastSecond == second) {
      lastBucket = null;
    }
  }

  /**
   * Takes out up to {@code limit} keys that have expired by {@code now}, and returns them. A key
   * expiring within the current second waits for a later call; readers check expiry themselves.
   */
  List<K> takeExpired(long now, int limit) {
    long second = EpochNanos.floorSecond(now);
    if (bySecond.isEmpty() || bySecond.firstKey() > second) {
      return List.of();
    }
    List<K> expired = new ArrayList<>();
    while (expired.size() < limit && !bySecond.isEmpty()) {
      Map.Entry<Long, ExpiryBucket<K>> first = bySecond.firstEntry();
      if (first.getKey() > second) {
        break;
      }
      first.getValue().drainTo(expired, limit);
      if (first.getValue().isEmpty()) {
        drop(first.getKey());
      }
    }
    return expired;
  }
}
