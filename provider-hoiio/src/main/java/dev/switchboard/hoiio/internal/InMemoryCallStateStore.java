package dev.switchboard.hoiio.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link CallStateStore}: a concurrent map. A call's state is removed when the call
 * ends; one whose notifications never come (lost, or the session died at Hoiio) is forgotten {@link
 * #LIFETIME} after its last change, as a shared store's time to live would, so the map never grows
 * without bound.
 */
public final class InMemoryCallStateStore implements CallStateStore {
  /** How long a call is kept after its last change: longer than any call. */
  static final Duration LIFETIME = Duration.ofHours(24);

  private record Entry(CallState state, Instant expires) {}

  private final Clock clock;
  private final Map<String, Entry> states = new ConcurrentHashMap<>();
  private final Map<String, String> keysBySession = new ConcurrentHashMap<>();
  private volatile Instant nextSweep;

  public InMemoryCallStateStore() {
    this(Clock.systemUTC());
  }

  /** A store that reads the time from {@code clock}, for tests of expiry. */
  InMemoryCallStateStore(Clock clock) {
    this.clock = clock;
    this.nextSweep = clock.instant();
  }

  @Override
  public Optional<CallState> get(String key) {
    Entry entry = states.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expires())) {
      forget(entry);
      return Optional.empty();
    }
    return Optional.of(entry.state());
  }

  @Override
  public Optional<CallState> bySession(String session) {
    String key = keysBySession.get(session);
    return key == null ? Optional.empty() : get(key);
  }

  @Override
  public void put(CallState state) {
    states.put(state.key(), entry(state));
    index(state);
    sweepNowAndThen();
  }

  @Override
  public boolean replace(CallState expected, CallState next) {
    boolean[] replaced = new boolean[1];
    states.computeIfPresent(
        expected.key(),
        (key, entry) -> {
          replaced[0] = entry.state().equals(expected);
          return replaced[0] ? entry(next) : entry;
        });
    if (replaced[0]) {
      index(next);
    }
    return replaced[0];
  }

  @Override
  public boolean remove(CallState expected) {
    boolean[] removed = new boolean[1];
    states.computeIfPresent(
        expected.key(),
        (key, entry) -> {
          removed[0] = entry.state().equals(expected);
          return removed[0] ? null : entry;
        });
    if (removed[0]) {
      keysBySession.remove(expected.session(), expected.key());
    }
    return removed[0];
  }

  /** How many calls are in flight. */
  public int size() {
    sweep(clock.instant());
    return states.size();
  }

  private Entry entry(CallState state) {
    return new Entry(state, clock.instant().plus(LIFETIME));
  }

  private void index(CallState state) {
    if (!state.session().isEmpty()) {
      keysBySession.put(state.session(), state.key());
    }
  }

  private void forget(Entry entry) {
    if (states.remove(entry.state().key(), entry)) {
      keysBySession.remove(entry.state().session(), entry.state().key());
    }
  }

  /** Drops expired calls at most once a minute, so that puts stay cheap. */
  private void sweepNowAndThen() {
    Instant now = clock.instant();
    if (now.isBefore(nextSweep)) {
      return;
    }
    nextSweep = now.plus(Duration.ofMinutes(1));
    sweep(now);
  }

  private void sweep(Instant now) {
    states.values().stream()
        .filter(entry -> !now.isBefore(entry.expires()))
        .toList()
        .forEach(this::forget);
  }
}
