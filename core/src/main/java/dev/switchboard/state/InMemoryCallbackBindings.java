package dev.switchboard.state;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link CallbackBindings} in this JVM's memory: the default, for a single instance. Every binding
 * expires on its own (an ended one after the grace period, any other after its lifetime); expired
 * ones are refused when read, and each write drops a few, found through an index by expiry time, so
 * that nothing scans every binding.
 *
 * <p>Each transition is one atomic {@code compute} on the key, so a bind racing an end, or two
 * first uses racing each other, leave one consistent state.
 */
public final class InMemoryCallbackBindings implements CallbackBindings {
  /** How long an ended subject's own callbacks are still admitted. */
  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(15);

  /**
   * How long a binding lives at most without ending: longer than any call, and than the Voxtelesys
   * call watcher's twelve hours.
   */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

  /**
   * How long a claim waits on a reserved key: longer than the providers' default request timeout
   * (10 seconds), so that a callback that beats its create's answer is not refused. Raise it with
   * the providers' {@code timeout-ms}.
   */
  public static final Duration DEFAULT_HOLD = Duration.ofSeconds(30);

  /** How many expired bindings, and first keys, one write drops at most. */
  private static final int SWEEP_PER_WRITE = 64;

  private final ConcurrentHashMap<String, Binding> bindings = new ConcurrentHashMap<>();

  /**
   * The first key each subject was bound under, until its lifetime passes or the grace period after
   * its end.
   */
  private final ConcurrentHashMap<CallbackSubject, Owner> owners = new ConcurrentHashMap<>();

  /** Keys by expiry time; guarded by itself, and written inside each key's update. */
  private final ExpiryIndex<String> bindingExpiries = new ExpiryIndex<>();

  /** Subjects by expiry time; guarded by itself, and written inside each subject's update. */
  private final ExpiryIndex<CallbackSubject> ownerExpiries = new ExpiryIndex<>();

  private final Clock clock;
  private final Duration grace;
  private final Duration lifetime;
  private final Duration hold;

  /** Bindings with the default grace period, lifetime and hold. */
  public InMemoryCallbackBindings() {
    this(Clock.systemUTC(), DEFAULT_GRACE, DEFAULT_LIFETIME, DEFAULT_HOLD);
  }

  /**
   * @param clock tells the time, for expiry
   * @param grace how long an ended subject's callbacks are still admitted
   * @param lifetime how long a binding that never ends is kept
   * @param hold how long a claim on a reserved key waits for the reservation to settle
   */
  public InMemoryCallbackBindings(Clock clock, Duration grace, Duration lifetime, Duration hold) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.grace = positive(grace, "grace");
    this.lifetime = positive(lifetime, "lifetime");
    this.hold = positive(hold, "hold");
  }

  private static Duration positive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + duration);
    }
    return duration;
  }

  @Override
  public void reserve(String key) {
    create(key, new Reserved(new CompletableFuture<>(), expiry(now(), lifetime)));
  }

  @Override
  public void openForFirstUse(String key, CallbackSubject.Kind kind) {
    create(key, new Open(Objects.requireNonNull(kind, "kind"), expiry(now(), lifetime)));
  }

  /** Stores a new binding under a key that must never have been used. */
  private void create(String key, Binding binding) {
    Objects.requireNonNull(key, "key");
    long now = now();
    bindings.compute(
        key,
        (k, before) -> {
          if (live(before, now) != null) {
            throw new IllegalStateException("callback key " + k + " is already in use");
          }
          return track(k, before, binding);
        });
    sweepNowAndThen(now);
  }

  @Override
  public void bind(String key, CallbackSubject subject) {
    Objects.requireNonNull(subject, "subject");
    long now = now();
    bindKey(key, subject, now);
    owners.compute(
        subject,
        (s, owner) ->
            owner != null ? owner : trackOwner(s, null, new Owner(key, expiry(now, lifetime))));
    sweepNowAndThen(now);
  }

  @Override
  public boolean bindNew(String key, CallbackSubject subject) {
    Objects.requireNonNull(key, "key");
    long now = now();
    boolean[] fresh = new boolean[1];
    owners.compute(
        subject,
        (s, owner) -> {
          fresh[0] = owner == null || now >= owner.expires() || owner.key().equals(key);
          return fresh[0] ? trackOwner(s, owner, new Owner(key, expiry(now, lifetime))) : owner;
        });
    if (fresh[0]) {
      // The subject's first key is this one now: only the key itself is left to bind.
      bindKey(key, subject, now);
      sweepNowAndThen(now);
    }
    return fresh[0];
  }

  /** Binds {@code key} to {@code subject}, as {@link #bind} does, without its first-key record. */
  private void bindKey(String key, CallbackSubject subject, long now) {
    Binding[] settled = new Binding[1];
    bindings.compute(
        key,
        (k, stored) -> {
          Binding before = live(stored, now);
          if (before == null || before instanceof Reserved) {
            settled[0] = before;
            return track(k, stored, new Bound(subject, expiry(now, lifetime)));
          }
          if (before instanceof Bound bound && bound.subject().equals(subject)) {
            return bound;
          }
          throw new IllegalStateException(
              "callback key " + k + " cannot be bound: it is " + describe(before));
        });
    settle(settled[0]);
  }

  @Override
  public void release(String key) {
    long now = now();
    Binding[] before = new Binding[1];
    bindings.compute(
        key,
        (k, stored) -> {
          before[0] = stored;
          return track(k, stored, new Released(expiry(now, lifetime)));
        });
    settle(before[0]);
  }

  @Override
  public void end(String key) {
    long now = now();
    Binding[] settled = new Binding[1];
    CallbackSubject[] ended = new CallbackSubject[1];
    bindings.computeIfPresent(
        key,
        (k, stored) -> {
          Binding before = live(stored, now);
          if (before == null) {
            return track(k, stored, null);
          }
          if (before instanceof Bound bound) {
            ended[0] = bound.subject();
            return track(k, stored, new Ended(bound.subject(), expiry(now, grace)));
          }
          if (before instanceof Reserved || before instanceof Open) {
            // Ended before anything was bound: nothing can speak for it.
            settled[0] = before;
            return track(k, stored, new Released(expiry(now, lifetime)));
          }
          return before;
        });
    settle(settled[0]);
    if (ended[0] != null) {
      // The subject is forgotten with its key: nothing of a call outlives its grace period. The
      // owner keeps the key it holds, the map's own: the one given here is often an equal copy,
      // which would be kept twice until then.
      long forgotten = expiry(now, grace);
      owners.computeIfPresent(
          ended[0],
          (subject, owner) ->
              owner.key().equals(key) && forgotten < owner.expires()
                  ? trackOwner(subject, owner, new Owner(owner.key(), forgotten))
                  : owner);
    }
  }

  @Override
  public boolean admit(String key, CallbackSubject claimed) {
    Objects.requireNonNull(claimed, "claimed");
    long deadline = System.nanoTime() + hold.toNanos();
    while (true) {
      long now = now();
      Binding binding = live(bindings.get(key), now);
      if (binding instanceof Reserved reserved) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !awaitSettled(reserved, left)) {
          return false;
        }
        continue;
      }
      if (binding instanceof Open open) {
        if (open.kind() != claimed.kind()) {
          return false;
        }
        // The first claim binds the key; a racing claim sees the binding and is judged by it.
        bindings.replace(key, open, new Bound(claimed, open.expires()));
        continue;
      }
      if (binding instanceof Bound bound) {
        return bound.subject().equals(claimed);
      }
      return binding instanceof Ended ended && ended.subject().equals(claimed);
    }
  }

  /** How many bindings are held, expired ones included until swept; for tests of the bound. */
  public int size() {
    return bindings.size();
  }

  /** Whether the reservation settled within {@code nanos}. */
  private static boolean awaitSettled(Reserved reserved, long nanos) {
    try {
      reserved.settled().get(nanos, TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code binding}, or null when there is none or it has expired. */
  private static Binding live(Binding binding, long now) {
    return binding == null || now >= binding.expires() ? null : binding;
  }

  private static String describe(Binding binding) {
    return binding.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  /** Wakes the claims waiting on a reservation that has been bound, released or ended. */
  private static void settle(Binding before) {
    if (before instanceof Reserved reserved) {
      reserved.settled().complete(null);
    }
  }

  /** The time, in nanoseconds since the epoch. */
  private long now() {
    return EpochNanos.of(clock.instant());
  }

  private static long expiry(long now, Duration after) {
    return EpochNanos.plus(now, after);
  }

  /**
   * Files {@code key} under the expiry of {@code after}, its new binding (none: removed), in place
   * of {@code stored}'s. Called inside the map's update of the key, so that the index follows every
   * change in the order the map makes them.
   */
  private Binding track(String key, Binding stored, Binding after) {
    if (stored != after) {
      synchronized (bindingExpiries) {
        if (stored != null) {
          bindingExpiries.remove(key, stored.expires());
        }
        if (after != null) {
          bindingExpiries.file(key, after.expires());
        }
      }
    }
    return after;
  }

  /** As {@link #track}, for a subject's first key. */
  private Owner trackOwner(CallbackSubject subject, Owner stored, Owner after) {
    synchronized (ownerExpiries) {
      if (stored != null) {
        ownerExpiries.remove(subject, stored.expires());
      }
      ownerExpiries.file(subject, after.expires());
    }
    return after;
  }

  /** Drops a few expired bindings and first keys: each write does its share. */
  private void sweepNowAndThen(long now) {
    for (String key : bindingExpiries.sweep(now, SWEEP_PER_WRITE)) {
      Binding[] dropped = new Binding[1];
      // A key changed since it was taken out is filed under its new expiry, and kept.
      bindings.computeIfPresent(
          key,
          (k, binding) -> {
            if (now < binding.expires()) {
              return binding;
            }
            dropped[0] = binding;
            return null;
          });
      settle(dropped[0]);
    }
    for (CallbackSubject subject : ownerExpiries.sweep(now, SWEEP_PER_WRITE)) {
      owners.computeIfPresent(subject, (s, owner) -> now < owner.expires() ? owner : null);
    }
  }

  private sealed interface Binding permits Reserved, Open, Bound, Ended, Released {
    /** In nanoseconds since the epoch. */
    long expires();
  }

  private record Reserved(CompletableFuture<Void> settled, long expires) implements Binding {}

  private record Open(CallbackSubject.Kind kind, long expires) implements Binding {}

  private record Bound(CallbackSubject subject, long expires) implements Binding {}

  private record Ended(CallbackSubject subject, long expires) implements Binding {}

  /** The key a subject was first bound under. */
  private record Owner(String key, long expires) {}

  /** A key whose subject was never proven: it refuses everything and can never be bound. */
  private record Released(long expires) implements Binding {}
}
