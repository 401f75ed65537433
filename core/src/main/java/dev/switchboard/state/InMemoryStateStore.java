package dev.switchboard.state;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The default {@link StateStore}: one JVM's memory, for a single instance. Every entry carries its
 * expiry and is dropped when read after it. Each operation also drops a few entries that have
 * expired, found through an index by expiry time, so the store holds only what still lives and no
 * operation ever pauses to scan it all. Claims, one per delivery a webhook server handles, are kept
 * apart in a {@link ClaimTable}: a digest and an expiry each, and no object.
 *
 * <p>Each operation is one atomic update of its key, so operations on different keys never wait for
 * each other: a webhook server's threads claim deliveries and watch calls while a watcher copies a
 * set of thousands. Each index follows its map's changes from inside the key's update.
 */
public final class InMemoryStateStore implements StateStore {
  /** How many expired entries of each kind one operation drops at most, to spread the work. */
  private static final int SWEEP_PER_OPERATION = 64;

  private final Clock clock;
  private final AtomicLong versions = new AtomicLong();
  private final Kind<Entry> values = new Kind<>();
  private final ClaimTable claims = new ClaimTable();
  private final Kind<Members> sets = new Kind<>();
  private final Kind<Lease> leases = new Kind<>();

  /** What each kind of entry has in common: when it expires. */
  private interface Expiring {
    /** In nanoseconds since the epoch. */
    long expires();
  }

  private record Entry(String value, long version, long expires) implements Expiring {}

  /** A set's members: a concurrent set, so that a copy of it never holds up an addition. */
  private record Members(Set<String> members, long expires) implements Expiring {}

  private record Lease(String holder, long expires) implements Expiring {}

  public InMemoryStateStore() {
    this(Clock.systemUTC());
  }

  /** A store that reads the time from {@code clock}, for tests of expiry. */
  public InMemoryStateStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<Versioned> get(String key) {
    Entry entry = values.live(key, now());
    return entry == null
        ? Optional.empty()
        : Optional.of(new Versioned(entry.value(), entry.version()));
  }

  @Override
  public boolean create(String key, String value, Duration ttl) {
    long now = now();
    long expires = expiry(now, ttl);
    return values.update(
        key,
        now,
        live -> live != null ? live : new Entry(value, versions.incrementAndGet(), expires),
        live -> live == null);
  }

  @Override
  public boolean replace(String key, long expected, String value, Duration ttl) {
    long now = now();
    long expires = expiry(now, ttl);
    return values.update(
        key,
        now,
        live ->
            live == null || live.version() != expected
                ? live
                : new Entry(value, versions.incrementAndGet(), expires),
        live -> live != null && live.version() == expected);
  }

  @Override
  public boolean delete(String key, long expected) {
    return values.update(
        key,
        now(),
        live -> live == null || live.version() != expected ? live : null,
        live -> live != null && live.version() == expected);
  }

  @Override
  public boolean claim(String identity, Duration window) {
    long now = now();
    return claims.claim(identity, now, expiry(now, window));
  }

  @Override
  public void unclaim(String identity) {
    claims.unclaim(identity);
  }

  @Override
  public void add(String key, String member, Duration ttl) {
    long now = now();
    // A busy set, such as the one a watcher adds every call to, lives its time to live from each
    // add: to the nanosecond, every add replaced the set's entry and moved it in the index, every
    // webhook thread in turn under the index's lock. To the end of the index's slot, the entry
    // changes a few times a second, and the set still lives its time to live.
    long expires = ExpiryIndex.slotEnd(expiry(now, ttl));
    sets.update(
        key,
        now,
        live -> {
          Set<String> members = live == null ? ConcurrentHashMap.newKeySet() : live.members();
          members.add(member);
          return live != null && live.expires() == expires ? live : new Members(members, expires);
        },
        live -> true);
  }

  @Override
  public void remove(String key, String member) {
    sets.update(
        key,
        now(),
        live -> {
          if (live == null) {
            return null;
          }
          live.members().remove(member);
          return live.members().isEmpty() ? null : live;
        },
        live -> true);
  }

  @Override
  public Set<String> members(String key) {
    Members live = sets.live(key, now());
    // A hash set copy: Set.copyOf's open addressing probes long runs when members' hashes are
    // close, as those of numbered call ids are.
    return live == null ? Set.of() : Collections.unmodifiableSet(new HashSet<>(live.members()));
  }

  @Override
  public boolean lease(String name, String holder, Duration ttl) {
    long now = now();
    Lease taken = new Lease(holder, expiry(now, ttl));
    return leases.update(
        name,
        now,
        live -> live != null && !live.holder().equals(holder) ? live : taken,
        live -> live == null || live.holder().equals(holder));
  }

  @Override
  public void release(String name, String holder) {
    leases.update(
        name,
        now(),
        live -> live != null && live.holder().equals(holder) ? null : live,
        live -> true);
  }

  /** How many values, claims, sets and leases still live; for tests that nothing is left behind. */
  public int size() {
    long now = EpochNanos.of(clock.instant());
    return values.count(now) + claims.count(now) + sets.count(now) + leases.count(now);
  }

  private static long expiry(long now, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a time to live must be positive, was " + ttl);
    }
    return EpochNanos.plus(now, ttl);
  }

  /**
   * The time in nanoseconds since the epoch, dropping a few expired entries of each kind so that
   * unread ones do not stay.
   */
  private long now() {
    long now = EpochNanos.of(clock.instant());
    values.sweep(now, SWEEP_PER_OPERATION);
    sets.sweep(now, SWEEP_PER_OPERATION);
    leases.sweep(now, SWEEP_PER_OPERATION);
    return now;
  }

  /** One kind of entry: a map of them by key, and their keys by expiry time. */
  private static final class Kind<V extends Expiring> {
    private final ConcurrentHashMap<String, V> entries = new ConcurrentHashMap<>();

    /** Guarded by itself; written inside each key's update, so that it follows every change. */
    private final ExpiryIndex<String> expiries = new ExpiryIndex<>();

    /** The live entry under {@code key}, or null; an expired one is dropped. */
    V live(String key, long now) {
      V entry = entries.get(key);
      if (entry != null && now >= entry.expires()) {
        update(key, now, live -> live, live -> true);
        return null;
      }
      return entry;
    }

    /**
     * Replaces the entry under {@code key} with {@code change} of its live one (null: none, or
     * expired), atomically, and answers {@code answer} of that live one.
     */
    boolean update(String key, long now, Function<V, V> change, Predicate<V> answer) {
      boolean[] answered = new boolean[1];
      entries.compute(
          key,
          (k, stored) -> {
            V live = stored == null || now >= stored.expires() ? null : stored;
            answered[0] = answer.test(live);
            V after = change.apply(live);
            if (stored != after) {
              file(k, stored, after);
            }
            return after;
          });
      return answered[0];
    }

    private void file(String key, V before, V after) {
      synchronized (expiries) {
        if (before != null) {
          expiries.remove(key, before.expires());
        }
        if (after != null) {
          expiries.file(key, after.expires());
        }
      }
    }

    /** Drops up to {@code limit} entries that have expired by {@code now}. */
    void sweep(long now, int limit) {
      for (String key : expiries.sweep(now, limit)) {
        // A key renewed since it was taken out is filed again under its new expiry, and kept.
        entries.computeIfPresent(key, (k, entry) -> now < entry.expires() ? entry : null);
      }
    }

    /** How many entries live at {@code now}. */
    int count(long now) {
      return (int) entries.values().stream().filter(e -> now < e.expires()).count();
    }
  }
}
