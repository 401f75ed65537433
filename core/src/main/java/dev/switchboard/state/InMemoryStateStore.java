package dev.switchboard.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default {@link StateStore}: one JVM's memory, for a single instance. Every entry carries its
 * expiry and is dropped when read after it, and in a sweep that runs at most once a second, so the
 * store holds only what still lives. One lock guards it all: every operation is a few map lookups.
 */
public final class InMemoryStateStore implements StateStore {
  private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

  private final Clock clock;
  private final AtomicLong versions = new AtomicLong();
  private final Map<String, Entry> values = new HashMap<>();
  private final Map<String, Instant> claims = new HashMap<>();
  private final Map<String, Members> sets = new HashMap<>();
  private final Map<String, Lease> leases = new HashMap<>();
  private Instant nextSweep;

  private record Entry(String value, long version, Instant expires) {}

  private record Members(Set<String> members, Instant expires) {}

  private record Lease(String holder, Instant expires) {}

  public InMemoryStateStore() {
    this(Clock.systemUTC());
  }

  /** A store that reads the time from {@code clock}, for tests of expiry. */
  public InMemoryStateStore(Clock clock) {
    this.clock = clock;
    this.nextSweep = clock.instant().plus(SWEEP_EVERY);
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
    values.put(key, new Entry(value, versions.incrementAndGet(), expiry(ttl)));
    return true;
  }

  @Override
  public synchronized boolean replace(String key, long expected, String value, Duration ttl) {
    Optional<Entry> current = live(key);
    if (current.isEmpty() || current.get().version() != expected) {
      return false;
    }
    values.put(key, new Entry(value, versions.incrementAndGet(), expiry(ttl)));
    return true;
  }

  @Override
  public synchronized boolean delete(String key, long expected) {
    Optional<Entry> current = live(key);
    if (current.isEmpty() || current.get().version() != expected) {
      return false;
    }
    values.remove(key);
    return true;
  }

  @Override
  public synchronized boolean claim(String identity, Duration window) {
    Instant now = now();
    Instant until = claims.get(identity);
    if (until != null && now.isBefore(until)) {
      return false;
    }
    claims.put(identity, now.plus(window));
    return true;
  }

  @Override
  public synchronized void unclaim(String identity) {
    claims.remove(identity);
  }

  @Override
  public synchronized void add(String key, String member, Duration ttl) {
    Members current = liveSet(key);
    Set<String> members = current == null ? new LinkedHashSet<>() : current.members();
    members.add(member);
    sets.put(key, new Members(members, expiry(ttl)));
  }

  @Override
  public synchronized void remove(String key, String member) {
    Members current = liveSet(key);
    if (current != null) {
      current.members().remove(member);
      if (current.members().isEmpty()) {
        sets.remove(key);
      }
    }
  }

  @Override
  public synchronized Set<String> members(String key) {
    Members current = liveSet(key);
    return current == null ? Set.of() : Set.copyOf(current.members());
  }

  @Override
  public synchronized boolean lease(String name, String holder, Duration ttl) {
    Instant now = now();
    Lease current = leases.get(name);
    if (current != null && now.isBefore(current.expires()) && !current.holder().equals(holder)) {
      return false;
    }
    leases.put(name, new Lease(holder, now.plus(ttl)));
    return true;
  }

  @Override
  public synchronized void release(String name, String holder) {
    Lease current = leases.get(name);
    if (current != null && current.holder().equals(holder)) {
      leases.remove(name);
    }
  }

  /** How many values, claims, sets and leases are held; for tests that nothing is left behind. */
  public synchronized int size() {
    sweep(clock.instant(), true);
    return values.size() + claims.size() + sets.size() + leases.size();
  }

  private Optional<Entry> live(String key) {
    Entry entry = values.get(key);
    if (entry != null && !now().isBefore(entry.expires())) {
      values.remove(key);
      return Optional.empty();
    }
    return Optional.ofNullable(entry);
  }

  private Members liveSet(String key) {
    Members members = sets.get(key);
    if (members != null && !now().isBefore(members.expires())) {
      sets.remove(key);
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

  /** The time, sweeping expired entries now and then so that unread ones do not stay. */
  private Instant now() {
    Instant now = clock.instant();
    sweep(now, false);
    return now;
  }

  private void sweep(Instant now, boolean always) {
    if (!always && now.isBefore(nextSweep)) {
      return;
    }
    nextSweep = now.plus(SWEEP_EVERY);
    values.values().removeIf(e -> !now.isBefore(e.expires()));
    claims.values().removeIf(until -> !now.isBefore(until));
    sets.values().removeIf(m -> !now.isBefore(m.expires()));
    leases.values().removeIf(l -> !now.isBefore(l.expires()));
  }
}
