package dev.switchboard.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The keys of one map filed by the slot of time they expire in, an eighth of a second, so that the
 * expired ones are found without looking at those that still live: a sweep costs what it removes,
 * not what the map holds. Every time it takes, an expiry or the time now, is in nanoseconds since
 * the epoch ({@link EpochNanos}). Not thread-safe: its owners guard it by locking the index itself,
 * which {@link #sweep} does on its own, and only when something may have expired.
 *
 * <p>Slots are short so that buckets stay small. Keys are filed into the bucket of the time they
 * will expire, which is new, so it is allocated among the young objects and filing a key in it
 * costs the collector nothing. A whole second's bucket at tens of thousands of calls a second was
 * large enough for the collector to allocate among the old objects at once, and every key filed in
 * it was a reference from old to young memory that each young collection had to scan.
 */
final class ExpiryIndex<K> {
  /** The length of a slot: an eighth of a second. */
  static final long SLOT_NANOS = 125_000_000L;

  private final TreeMap<Long, ExpiryBucket<K>> bySlot = new TreeMap<>();

  /**
   * The two buckets last filed into, and their slots: keys are filed under a few slots in a row (a
   * store's times to live, a grace period after an end), and finding the bucket again cost more
   * than filing.
   */
  private long lastSlot;

  private ExpiryBucket<K> lastBucket;
  private long previousSlot;
  private ExpiryBucket<K> previousBucket;

  /**
   * The earliest slot anything is filed under, or {@link Long#MAX_VALUE} when nothing is: written
   * under the lock, read without it.
   */
  private volatile long firstSlot = Long.MAX_VALUE;

  /**
   * Whether something filed may have expired by {@code now}; asked without the lock, so it may be a
   * moment out of date either way, which only moves a sweep to the next operation.
   */
  boolean mayHaveExpired(long now) {
    return firstSlot <= EpochNanos.floor(now, SLOT_NANOS);
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

  /**
   * {@code nanos} rounded up to the end of its slot, for an owner whose entries may live that much
   * longer so that it files them less often; a time too late to round is never, and stays so.
   */
  static long slotEnd(long nanos) {
    long slot = EpochNanos.ceil(nanos, SLOT_NANOS);
    return slot > Long.MAX_VALUE / SLOT_NANOS ? Long.MAX_VALUE : slot * SLOT_NANOS;
  }

  /** Files {@code key} under {@code expires}, in nanoseconds since the epoch. */
  void file(K key, long expires) {
    bucket(EpochNanos.ceil(expires, SLOT_NANOS), true).add(key);
  }

  /** Takes {@code key}, filed under {@code expires}, out of the index. */
  void remove(K key, long expires) {
    long slot = EpochNanos.ceil(expires, SLOT_NANOS);
    ExpiryBucket<K> keys = bucket(slot, false);
    if (keys != null && keys.remove(key) && keys.isEmpty()) {
      drop(slot);
    }
  }

  /** The bucket of {@code slot}, made if {@code make}, else null when there is none. */
  private ExpiryBucket<K> bucket(long slot, boolean make) {
    if (lastBucket != null && lastSlot == slot) {
      return lastBucket;
    }
    if (previousBucket != null && previousSlot == slot) {
      return remember(slot, previousBucket);
    }
    ExpiryBucket<K> bucket = bySlot.get(slot);
    if (bucket == null && make) {
      // Sized as the last bucket was: each slot's bucket grows to about the same size, and growing
      // one key by key rehashed it a dozen times over.
      bucket = new ExpiryBucket<>(lastBucket == null ? 0 : lastBucket.size());
      bySlot.put(slot, bucket);
      if (slot < firstSlot) {
        firstSlot = slot;
      }
    }
    return bucket == null ? null : remember(slot, bucket);
  }

  private ExpiryBucket<K> remember(long slot, ExpiryBucket<K> bucket) {
    previousSlot = lastSlot;
    previousBucket = lastBucket;
    lastSlot = slot;
    lastBucket = bucket;
    return bucket;
  }

  /** Drops the emptied bucket of {@code slot}, and forgets it if it was one of the last used. */
  private void drop(long slot) {
    bySlot.remove(slot);
    if (slot == firstSlot) {
      firstSlot = bySlot.isEmpty() ? Long.MAX_VALUE : bySlot.firstKey();
    }
    if (lastBucket != null && lastSlot == slot) {
      lastBucket = null;
    }
    if (previousBucket != null && previousSlot == slot) {
      previousBucket = null;
    }
  }

  /**
   * Takes out up to {@code limit} keys that have expired by {@code now}, and returns them. A key
   * expiring within the current slot waits for a later call; readers check expiry themselves.
   */
  List<K> takeExpired(long now, int limit) {
    long slot = EpochNanos.floor(now, SLOT_NANOS);
    if (firstSlot > slot) {
      return List.of();
    }
    List<K> expired = new ArrayList<>();
    while (expired.size() < limit && !bySlot.isEmpty()) {
      Map.Entry<Long, ExpiryBucket<K>> first = bySlot.firstEntry();
      if (first.getKey() > slot) {
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
