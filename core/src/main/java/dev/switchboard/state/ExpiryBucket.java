package dev.switchboard.state;

import java.util.List;

/**
 * The keys filed under one slot of time of an {@link ExpiryIndex}: a hash set that keeps each key
 * in a slot of one array, open addressed, with no entry object per key. A busy store files a key
 * per call in several indexes and keeps it for the call's grace period, so an entry object per key
 * was a fifth of the heap and of what every young collection copied.
 *
 * <p>A bucket is drained from its first slot on; a cursor remembers where the last drain stopped,
 * so that each drain costs what it takes, not the slots emptied before it. Not thread-safe.
 */
final class ExpiryBucket<K> {
  /** Marks a slot whose key was taken out, so that lookups probe past it. */
  private static final Object TAKEN = new Object();

  private static final int SMALLEST = 16;

  private Object[] slots;

  /** How many keys it holds. */
  private int size;

  /** How many slots hold a key or {@link #TAKEN}: what lookups probe through. */
  private int used;

  /** No key is held in a slot below this one. */
  private int cursor;

  /** An empty bucket with room for {@code expected} keys before it grows. */
  ExpiryBucket(int expected) {
    slots = new Object[capacityFor(expected)];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Adds {@code key}; whether it was not held already. */
  boolean add(K key) {
    if ((used + 1) * 4L > slots.length * 3L) {
      resize(size + 1);
    }
    int mask = slots.length - 1;
    int free = -1;
    int i = home(key, mask);
    for (Object slot; (slot = slots[i]) != null; i = (i + 1) & mask) {
      if (slot == TAKEN) {
        if (free < 0) {
          free = i;
        }
      } else if (slot.equals(key)) {
        return false;
      }
    }
    if (free < 0) {
      free = i;
      used++;
    }
    slots[free] = key;
    size++;
    if (free < cursor) {
      cursor = free;
    }
    return true;
  }

  /** Takes {@code key} out; whether it was held. */
  boolean remove(K key) {
    int mask = slots.length - 1;
    for (int i = home(key, mask); slots[i] != null; i = (i + 1) & mask) {
      if (slots[i] != TAKEN && slots[i].equals(key)) {
        slots[i] = TAKEN;
        size--;
        return true;
      }
    }
    return false;
  }

  /** Takes keys out into {@code into} until it holds {@code limit} or this bucket is empty. */
  @SuppressWarnings("unchecked")
  void drainTo(List<K> into, int limit) {
    while (size > 0 && into.size() < limit) {
      Object slot = slots[cursor];
      if (slot != null && slot != TAKEN) {
        into.add((K) slot);
        slots[cursor] = TAKEN;
        size--;
      }
      cursor++;
    }
  }

  /** Lays the keys out afresh in a table sized for {@code keys}, leaving no slot taken. */
  @SuppressWarnings("unchecked")
  private void resize(int keys) {
    Object[] old = slots;
    slots = new Object[capacityFor(keys)];
    int mask = slots.length - 1;
    for (Object slot : old) {
      if (slot != null && slot != TAKEN) {
        int i = home((K) slot, mask);
        while (slots[i] != null) {
          i = (i + 1) & mask;
        }
        slots[i] = slot;
      }
    }
    used = size;
    cursor = 0;
  }

  /** A power of two at least twice {@code keys}: half full at most after a resize. */
  private static int capacityFor(int keys) {
    return Math.max(SMALLEST, Integer.highestOneBit(Math.max(1, keys) * 2 - 1) << 1);
  }

  /**
   * Where {@code key}'s probe starts. Its hash is scrambled first: numbered ids differ in their
   * hashes' lowest bits only, and laid out as they are they would fill runs of neighbouring slots
   * that every probe crossing them walks.
   */
  private static int home(Object key, int mask) {
    int h = key.hashCode() * 0x9E3779B9;
    return (h ^ h >>> 16) & mask;
  }
}
