package dev.switchboard.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link CallbackBindings} kept in a {@link StateStore}, so that every replica sharing the store
 * judges a URL the same way. Each binding is one value, moved from state to state by
 * compare-and-set; it carries its own expiry, read by the clock, and the store's time to live
 * removes it a little later. A subject's first key is one more value, created only if absent, which
 * is what makes {@link #bindNew} hold across replicas.
 *
 * <p>A claim on a reserved key waits by reading the key again, a few milliseconds apart at first,
 * until the reservation settles or the hold passes: a store shared over the network has no way to
 * wake it.
 */
public final class StoredCallbackBindings implements CallbackBindings {
  private static final String BINDING = "binding:";
  private static final String OWNER = "binding-owner:";
  private static final long FIRST_POLL_NANOS = Duration.ofMillis(2).toNanos();
  private static final long LAST_POLL_NANOS = Duration.ofMillis(50).toNanos();

  /** How many keys this replica bound it remembers; past that it forgets them all and reads. */
  private static final int REMEMBERED_KEYS = 10_000;

  private final StateStore store;

  /**
   * The keys this replica bound, and until when a claim on each may be judged without a read. A
   * bound key only ever ends, and an ended key admits its subject for the grace period after the
   * end, so what was bound at {@code t} admits exactly that subject until {@code t + grace} (or its
   * lifetime's end, if sooner) whatever other replicas do. The one transition that would break
   * this, a release, comes only from the replica that bound the key, which forgets it first; so a
   * key is remembered only by the replica whose write bound it.
   */
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  private final Clock clock;
  private final Duration grace;
  private final Duration lifetime;
  private final Duration hold;

  /** Bindings in {@code store} with the default grace period, lifetime and hold. */
  public StoredCallbackBindings(StateStore store) {
    this(
        store,
        Clock.systemUTC(),
        InMemoryCallbackBindings.DEFAULT_GRACE,
        InMemoryCallbackBindings.DEFAULT_LIFETIME,
        InMemoryCallbackBindings.DEFAULT_HOLD);
  }

  /**
   * @param store where the bindings live
   * @param clock tells the time, for expiry
   * @param grace how long an ended subject's callbacks are still admitted
   * @param lifetime how long a binding that never ends is kept
   * @param hold how long a claim on a reserved key waits for the reservation to settle
   */
  public StoredCallbackBindings(
      StateStore store, Clock clock, Duration grace, Duration lifetime, Duration hold) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.grace = grace;
    this.lifetime = lifetime;
    this.hold = hold;
  }

  /** A key this replica bound: its subject, and until when that is all a claim needs. */
  private record Known(CallbackSubject subject, Instant until) {}

  /** One binding's state, as stored: {@code state|kind|id|expires-epoch-millis}. */
  private record Binding(String state, String kind, String id, Instant expires) {
    static Binding read(String value) {
      String[] parts = value.split("\\|", 4);
      return new Binding(
          parts[0], parts[1], parts[2], Instant.ofEpochMilli(Long.parseLong(parts[3])));
    }

    String write() {
      return state + "|" + kind + "|" + id + "|" + expires.toEpochMilli();
    }

    boolean is(String other) {
      return state.equals(other);
    }

    boolean speaksFor(CallbackSubject subject) {
      return kind.equals(subject.kind().name()) && id.equals(subject.id());
    }

    static Binding of(String state, CallbackSubject subject, Instant expires) {
      return new Binding(state, subject.kind().name(), subject.id(), expires);
    }
  }

  @Override
  public void reserve(String key) {
    create(key, new Binding("reserved", "", "", expiry(lifetime)));
  }

  @Override
  public void openForFirstUse(String key, CallbackSubject.Kind kind) {
    create(key, new Binding("open", kind.name(), "", expiry(lifetime)));
  }

  private void create(String key, Binding binding) {
    Optional<Versioned> stored = store.get(BINDING + key);
    boolean written =
        stored.isEmpty()
            ? store.create(BINDING + key, binding.write(), ttl(binding))
            : !live(Binding.read(stored.get().value()))
                && store.replace(
                    BINDING + key, stored.get().version(), binding.write(), ttl(binding));
    if (!written) {
      throw new IllegalStateException("callback key " + key + " is already in use");
    }
  }

  @Override
  public void bind(String key, CallbackSubject subject) {
    Objects.requireNonNull(subject, "subject");
    Binding bound = Binding.of("bound", subject, expiry(lifetime));
    while (true) {
      Optional<Versioned> stored = store.get(BINDING + key);
      Optional<Binding> before = stored.map(v -> Binding.read(v.value())).filter(this::live);
      boolean written;
      if (before.isEmpty()) {
        written =
            stored.isEmpty()
                ? store.create(BINDING + key, bound.write(), ttl(bound))
                : store.replace(BINDING + key, stored.get().version(), bound.write(), ttl(bound));
      } else if (before.get().is("reserved")) {
        written = store.replace(BINDING + key, stored.get().version(), bound.write(), ttl(bound));
      } else if (before.get().is("bound") && before.get().speaksFor(subject)) {
        // Bound before, perhaps by another replica, which alone may release it: not remembered.
        return;
      } else {
        throw new IllegalStateException(
            "callback key " + key + " cannot be bound: it is " + before.get().state());
      }
      if (written) {
        claimOwner(key, subject);
        remember(key, subject, bound.expires());
        return;
      }
    }
  }

  private void remember(String key, CallbackSubject subject, Instant expires) {
    Instant until = clock.instant().plus(grace);
    if (known.size() >= REMEMBERED_KEYS) {
      // Calls that never end must not make this grow; forgetting costs each key one read.
      known.clear();
    }
    known.put(key, new Known(subject, expires.isBefore(until) ? expires : until));
  }

  @Override
  public boolean bindNew(String key, CallbackSubject subject) {
    if (!claimOwner(key, subject)) {
      return false;
    }
    bind(key, subject);
    return true;
  }

  /**
   * Records {@code key} as the first key of {@code subject} unless another key is, until its
   * lifetime passes; true when {@code key} is (now) the subject's first key.
   */
  private boolean claimOwner(String key, CallbackSubject subject) {
    String ownerKey = OWNER + owner(subject);
    String mine = key + "|" + expiry(lifetime).toEpochMilli();
    Duration ttl = lifetime.plus(Duration.ofMinutes(1));
    while (true) {
      Optional<Versioned> owner = store.get(ownerKey);
      if (owner.isEmpty()) {
        if (store.create(ownerKey, mine, ttl)) {
          return true;
        }
        continue;
      }
      String value = owner.get().value();
      int bar = value.lastIndexOf('|');
      boolean expired =
          !clock.instant().isBefore(Instant.ofEpochMilli(Long.parseLong(value.substring(bar + 1))));
      if (!expired) {
        return value.substring(0, bar).equals(key);
      }
      if (store.replace(ownerKey, owner.get().version(), mine, ttl)) {
        return true;
      }
    }
  }

  @Override
  public void release(String key) {
    known.remove(key);
    Binding released = new Binding("released", "", "", expiry(lifetime));
    while (true) {
      Optional<Versioned> stored = store.get(BINDING + key);
      if (stored.isEmpty()
          ? store.create(BINDING + key, released.write(), ttl(released))
          : store.replace(BINDING + key, stored.get().version(), released.write(), ttl(released))) {
        return;
      }
    }
  }

  @Override
  public void end(String key) {
    while (true) {
      Optional<Versioned> stored = store.get(BINDING + key);
      Optional<Binding> before = stored.map(v -> Binding.read(v.value())).filter(this::live);
      if (before.isEmpty() || before.get().is("ended") || before.get().is("released")) {
        return;
      }
      Binding after =
          before.get().is("bound")
              ? new Binding("ended", before.get().kind(), before.get().id(), expiry(grace))
              // Ended before anything was bound: nothing can speak for it.
              : new Binding("released", "", "", expiry(lifetime));
      if (store.replace(BINDING + key, stored.get().version(), after.write(), ttl(after))) {
        if (after.is("ended")) {
          forgetOwner(key, owner(before.get()), after.expires());
        }
        return;
      }
    }
  }

  /**
   * Makes {@code key}'s record as its subject's first key expire at {@code forgotten}, if it is
   * that key's and would live longer: nothing of a call outlives its grace period.
   */
  private void forgetOwner(String key, String subject, Instant forgotten) {
    String ownerKey = OWNER + subject;
    String mine = key + "|" + forgotten.toEpochMilli();
    while (true) {
      Optional<Versioned> owner = store.get(ownerKey);
      if (owner.isEmpty()) {
        return;
      }
      String value = owner.get().value();
      int bar = value.lastIndexOf('|');
      if (!value.substring(0, bar).equals(key)
          || Long.parseLong(value.substring(bar + 1)) <= forgotten.toEpochMilli()) {
        return;
      }
      Duration ttl = Duration.between(clock.instant(), forgotten).plus(Duration.ofMinutes(1));
      if (store.replace(ownerKey, owner.get().version(), mine, ttl)) {
        return;
      }
    }
  }

  @Override
  public boolean admit(String key, CallbackSubject claimed) {
    Objects.requireNonNull(claimed, "claimed");
    Known mine = known.get(key);
    if (mine != null) {
      if (clock.instant().isBefore(mine.until())) {
        return mine.subject().equals(claimed);
      }
      known.remove(key, mine);
    }
    long deadline = System.nanoTime() + hold.toNanos();
    long pause = FIRST_POLL_NANOS;
    while (true) {
      Optional<Versioned> stored = store.get(BINDING + key);
      Optional<Binding> binding = stored.map(v -> Binding.read(v.value())).filter(this::live);
      if (binding.isEmpty()) {
        return false;
      }
      Binding found = binding.get();
      switch (found.state()) {
        case "reserved":
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          LockSupport.parkNanos(Math.min(pause, left));
          pause = Math.min(pause * 2, LAST_POLL_NANOS);
          continue;
        case "open":
          if (!found.kind().equals(claimed.kind().name())) {
            return false;
          }
          // The first claim binds the key; a racing claim reads the binding and is judged by it.
          Binding bound = Binding.of("bound", claimed, found.expires());
          store.replace(BINDING + key, stored.get().version(), bound.write(), ttl(bound));
          continue;
        case "bound":
        case "ended":
          return found.speaksFor(claimed);
        default:
          return false;
      }
    }
  }

  private boolean live(Binding binding) {
    return clock.instant().isBefore(binding.expires());
  }

  private Instant expiry(Duration after) {
    return clock.instant().plus(after);
  }

  /**
   * How long the store keeps a binding: until its own expiry and a minute more, so that the store
   * never forgets a binding the clock still holds live.
   */
  private Duration ttl(Binding binding) {
    Duration left = Duration.between(clock.instant(), binding.expires());
    return (left.isNegative() ? Duration.ZERO : left).plus(Duration.ofMinutes(1));
  }

  private static String owner(CallbackSubject subject) {
    return subject.kind().name() + ":" + subject.id();
  }

  private static String owner(Binding binding) {
    return binding.kind() + ":" + binding.id();
  }
}
