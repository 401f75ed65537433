package dev.switchboard.state;

import dev.switchboard.internal.Sha256;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The claims of an {@link InMemoryStateStore}, held without an object each. A claim is the first
 * 128 bits of its identity's SHA-256 and its expiry: three {@code long}s in an open-addressed
 * array. A webhook server claims every delivery it handles, and a map entry per claim (the key, its
 * bytes, the expiry and the map's node) was a fifth of what each young collection copied while the
 * claims lasted. Primitive arrays are neither copied slot by slot nor scanned for references.
 *
 * <p>Nothing indexes expiries: a claim probing past an expired slot takes it over, and a table
 * filled to {@value #FULL_NUMERATOR}/{@value #FULL_DENOMINATOR} is rebuilt with only its live
 * claims, so it holds at most a few times what lives at once. The table is split into stripes, each
 * guarded by itself, so that claims of different identities rarely wait for each other.
 *
 * <p>Two identities whose SHA-256 agree in 128 bits would be taken for one: no such pair is known,
 * and finding one is the work of 2<sup>64</sup> digests.
 */
final class ClaimTable {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private static final int STRIPES = 16;

  /** The slots a stripe starts with, and never shrinks below. */
  private static final int MIN_CAPACITY = 16;

  /** A stripe this full, its expired slots counted, is rebuilt. */
  private static final int FULL_NUMERATOR = 2;

  private static final int FULL_DENOMINATOR = 3;

  private final Stripe[] stripes = new Stripe[STRIPES];

  ClaimTable() {
    Arrays.setAll(stripes, i -> new Stripe());
  }

  /**
   * Claims {@code identity} until {@code expires}: true when no claim of it lives at {@code now}.
   */
  boolean claim(String identity, long now, long expires) {
    byte[] digest = Sha256.of(identity);
    return stripe(digest).claim(high(digest), low(digest), now, expires);
  }

  /** Forgets every claim of {@code identity}. */
  void unclaim(String identity) {
    byte[] digest = Sha256.of(identity);
    stripe(digest).unclaim(high(digest), low(digest));
  }

  /** How many claims live at {@code now}. */
  int count(long now) {
    int count = 0;
    for (Stripe stripe : stripes) {
      count += stripe.count(now);
    }
    return count;
  }

  /** How many slots the stripes hold together; for tests that the table shrinks. */
  int capacity() {
    int capacity = 0;
    for (Stripe stripe : stripes) {
      capacity += stripe.capacity();
    }
    return capacity;
  }

  /** The stripe by the digest's low half; slots within it are found by its high half. */
  private Stripe stripe(byte[] digest) {
    return stripes[(int) (low(digest) >>> 60) & (STRIPES - 1)];
  }

  private static long high(byte[] digest) {
    return (long) LONGS.get(digest, 0);
  }

  private static long low(byte[] digest) {
    return (long) LONGS.get(digest, Long.BYTES);
  }

  /**
   * One stripe: slots of three {@code long}s (the digest's high half, its low half, the expiry in
   * nanoseconds since the epoch), probed linearly from the high half.
   */
  private static final class Stripe {
    private static final int SLOT = 3;

    /** The expiry of a slot never used: it ends a probe. */
    private static final long EMPTY = Long.MIN_VALUE;

    /** The expiry of an unclaimed slot: never live, but probed past, as an expired one is. */
    private static final long FORGOTTEN = Long.MIN_VALUE + 1;

    private long[] slots = emptySlots(MIN_CAPACITY);

    /** Slots not {@link #EMPTY}, live or not. */
    private int used;

    synchronized boolean claim(long high, long low, long now, long expires) {
      int mask = slotCount() - 1;
      int free = -1;
      for (int slot = (int) high & mask; ; slot = (slot + 1) & mask) {
        int at = slot * SLOT;
        long expiry = slots[at + 2];
        if (expiry == EMPTY) {
          if (free < 0) {
            free = slot;
            used++;
          }
          break;
        }
        boolean live = isLive(expiry, now);
        if (live && slots[at] == high && slots[at + 1] == low) {
          return false;
        }
        if (!live && free < 0) {
          free = slot;
        }
      }
      put(slots, free, high, low, expires);
      if (used * FULL_DENOMINATOR > slotCount() * FULL_NUMERATOR) {
        rebuild(now);
      }
      return true;
    }

    synchronized void unclaim(long high, long low) {
      int mask = slotCount() - 1;
      for (int slot = (int) high & mask; ; slot = (slot + 1) & mask) {
        int at = slot * SLOT;
        if (slots[at + 2] == EMPTY) {
          return;
        }
        if (slots[at] == high && slots[at + 1] == low) {
          slots[at + 2] = FORGOTTEN;
        }
      }
    }

    synchronized int count(long now) {
      return liveCount(now);
    }

    synchronized int capacity() {
      return slotCount();
    }

    private int slotCount() {
      return slots.length / SLOT;
    }

    private int liveCount(long now) {
      int count = 0;
      for (int at = 2; at < slots.length; at += SLOT) {
        if (isLive(slots[at], now)) {
          count++;
        }
      }
      return count;
    }

    /**
     * Keeps only the live claims, in a table three times their number (rounded up to a power of
     * two), so that a third of it at least is empty again: rebuilding grows a table that is full of
     * live claims and shrinks one whose claims have mostly expired.
     */
    private void rebuild(long now) {
      int live = liveCount(now);
      int capacity = MIN_CAPACITY;
      while (capacity < live * FULL_DENOMINATOR) {
        capacity *= 2;
      }
      long[] rebuilt = emptySlots(capacity);
      int mask = capacity - 1;
      for (int at = 0; at < slots.length; at += SLOT) {
        if (isLive(slots[at + 2], now)) {
          int slot = (int) slots[at] & mask;
          while (rebuilt[slot * SLOT + 2] != EMPTY) {
            slot = (slot + 1) & mask;
          }
          put(rebuilt, slot, slots[at], slots[at + 1], slots[at + 2]);
        }
      }
      slots = rebuilt;
      used = live;
    }

    private static boolean isLive(long expiry, long now) {
      return expiry > FORGOTTEN && now < expiry;
    }

    private static void put(long[] slots, int slot, long high, long low, long expires) {
      slots[slot * SLOT] = high;
      slots[slot * SLOT + 1] = low;
      slots[slot * SLOT + 2] = expires;
    }

    private static long[] emptySlots(int capacity) {
      long[] slots = new long[capacity * SLOT];
      for (int at = 2; at < slots.length; at += SLOT) {
        slots[at] = EMPTY;
      }
      return slots;
    }
  }
}
