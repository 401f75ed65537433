package dev.switchboard.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default {@link StateStore}: one JVM's memory, for a single instance. Every entry carries its
 * expiry and is dropped when read after it. Each operation also drops a few entries that have
 * expired, found through an index by expiry second, so the store holds only what still lives and no
 * operation ever pauses to scan it all. One lock guards it all: every operation is a few map
 * lookups.
 */
public final class InMemoryStateStore implements StateStore {
  /** How many expired entries of each kind one operation drops at most, to spread the work. */
  private static final int SWEEP_PER_OPERATION = 64;

  private final Clock clock;
  private final AtomicLong versions = new AtomicLong();
  private final Map<String, Entry> values = new HashMap<>();
  private final Map<String, Instant> claims = new HashMap<>();
  private final Map<String, Members> sets = new HashMap<>();
  private final Map<String, Lease> leases = new HashMap<>();
  private final ExpiryIndex<String> valueExpiries = new ExpiryIndex<>();
  private final ExpiryIndex<String> claimExpiries = new ExpiryIndex<>();
  private final ExpiryIndex<String> setExpiries = new ExpiryIndex<>();
  private final ExpiryIndex<String> leaseExpiries = new ExpiryIndex<>();

  private record Entry(String value, long version, Instant expires) {}

  private record Members(Set<String> members, Instant expires) {}

  private record Lease(String holder, Instant expires) {}

  public InMemoryStateStore() {
    this(Clock.systemUTC());
  }

  /** A store that reads the time from {@code clock}, for tests of expiry. */
  public InMemoryStateStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Optional<Versioned> get(String key) {
    return live(key).map(e -> new Versioned(e.value(), e.version()));
  }

  @Override
  public synchronized boolean create(String key, String value, Duration ttl) {
    if (live(key).isPresent()) {
      return false;
    }
    putValue(key, null, value, ttl);
    return true;
  }

  @Override
  public synchronized boolean replace(String key, long expected, String value, Duration ttl) {
    Optional<Entry> current = live(key);
    if (current.isEmpty() || current.get().version() != expected) {
      return false;
    }
    putValue(key, current.get(), value, ttl);
    return true;
  }

  private void putValue(String key, Entry before, String value, Duration ttl) {
    Entry entry = new Entry(value, versions.incrementAndGet(), expiry(ttl));
    values.put(key, entry);
    valueExpiries.file(key, before == null ? null : before.expires(), entry.expires());
  }

  @Override
  public synchronized boolean delete(String key, long expected) {
    Optional<Entry> current = live(key);
    if (current.isEmpty() || current.get().version() != expected) {
      return false;
    }
    values.remove(key);
    valueExpiries.remove(key, current.get().expires());
    return true;
  }

  @Override
  public synchronized boolean claim(String identity, Duration window) {
    Instant now = now();
    Instant until = claims.get(identity);
    if (until != null && now.isBefore(until)) {
      return false;
    }
    Instant expires = now.plus(window);
    claims.put(identity, expires);
    claimExpiries.file(identity, until, expires);
    return true;
  }

  @Override
  public synchronized void unclaim(String identity) {
    Instant until = claims.remove(identity);
    if (until != null) {
      claimExpiries.remove(identity, until);
    }
  }

  @Override
  public synchronized void add(String key, String member, Duration ttl) {
    Members current = liveSet(key);
    Set<String> members = current == null ? new LinkedHashSet<>() : current.members();
    members.add(member);
    Instant expires = expiry(ttl);
    sets.put(key, new Members(members, expires));
    setExpiries.file(key, current == null ? null : current.expires(), expires);
  }

  @Override
  public synchronized void remove(String key, String member) {
    Members current = liveSet(key);
    if (current != null) {
      current.members().remove(member);
      if (current.members().isEmpty()) {
        sets.remove(key);
        setExpiries.remove(key, current.expires());
      }
    }
  }

  @Override
  public synchronized Set<String> members(String key) {
    Members current = liveSet(key);
    // Not Set.copyOf: its open addressing probes long runs when members' hashes are close, as
    // those of numbered call ids are, and a watcher copies thousands each poll.
    return current == null
        ? Set.of()
        : Collections.unmodifiableSet(new HashSet<>(current.members()));
  }

  @Override
  public synchronized boolean lease(String name, String holder, Duration ttl) {
    Instant now = now();
    Lease current = leases.get(name);
    if (current != null && now.isBefore(current.expires()) && !current.holder().equals(holder)) {
      return false;
    }
    Lease taken = new Lease(holder, now.plus(ttl));
    leases.put(name, taken);
    leaseExpiries.file(name, current == null ? null : current.expires(), taken.expires());
    return true;
  }

  @Override
  public synchronized void release(String name, String holder) {
    Lease current = leases.get(name);
    if (current != null && current.holder().equals(holder)) {
      leases.remove(name);
      leaseExpiries.remove(name, current.expires());
    }
  }

  /** How many values, claims, sets and leases still live; for tests that nothing is left behind. */
  public synchronized int size() {
    Instant now = clock.instant();
    sweep(now, Integer.MAX_VALUE);
    // The sweep leaves what expired within the current second; a count must not include it.
    long expired =
        values.values().stream().filter(e -> !now.isBefore(e.expires())).count()
            + claims.values().stream().filter(until -> !now.isBefore(until)).count()
            + sets.values().stream().filter(m -> !now.isBefore(m.expires())).count()
            + leases.values().stream().filter(l -> !now.isBefore(l.expires())).count();
    return (int) (values.size() + claims.size() + sets.size() + leases.size() - expired);
  }

  private Optional<Entry> live(String key) {
    Entry entry = values.get(key);
    if (entry != null && !now().isBefore(entry.expires())) {
      values.remove(key);
      valueExpiries.remove(key, entry.expires());
      return Optional.empty();
    }
    return Optional.ofNullable(entry);
  }

  private Members liveSet(String key) {
    Members members = sets.get(key);
    if (members != null && !now().isBefore(members.expires())) {
      sets.remove(key);
      setExpiries.remove(key, members.expires());
      return null;
    }
    return members;
  }

  private Instant expiry(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a time to live must be positive, was " + ttl);
    }
    return now().plus(ttl);
  }

  /** The time, dropping a few expired entries so that unread ones do not stay. */
  private Instant now() {
    Instant now = clock.instant();
    sweep(now, SWEEP_PER_OPERATION);
    return now;
  }

  private void sweep(Instant now, int limit) {
    // The index files each key under its current expiry, so what it gives back has expired.
    valueExpiries.takeExpired(now, limit).forEach(values::remove);
    claimExpiries.takeExpired(now, limit).forEach(claims::remove);
    setExpiries.takeExpired(now, limit).forEach(sets::remove);
    leaseExpiries.takeExpired(now, limit).forEach(leases::remove);
  }
}
