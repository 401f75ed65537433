package dev.switchboard.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link CallbackBindings} in this JVM's memory: the default, for a single instance. Expired
 * bindings are dropped when read and swept now and then on writes, so memory follows the calls in
 * flight plus those in their grace period.
 */
public final class InMemoryCallbackBindings implements CallbackBindings {
  /** How long an ended subject's own callbacks are still admitted. */
  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(15);

  /**
   * How long a binding lives at most without ending: longer than any call, and than the Voxtelesys
   * call watcher's twelve hours.
   */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

  /** How long a request waits on a reserved key: longer than a create request may take. */
  public static final Duration DEFAULT_HOLD = Duration.ofSeconds(30);

  private final ConcurrentHashMap<String, Binding> bindings = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration grace;
  private final Duration lifetime;
  private final Duration hold;
  private volatile Instant nextSweep;

  /** Bindings with the default grace period, lifetime and hold. */
  public InMemoryCallbackBindings() {
    this(Clock.systemUTC(), DEFAULT_GRACE, DEFAULT_LIFETIME, DEFAULT_HOLD);
  }

  /**
   * @param clock tells the time, for expiry
   * @param grace how long an ended subject's callbacks are still admitted
   * @param lifetime how long a binding that never ends is kept
   * @param hold how long a request claiming a reserved key waits for the reservation to settle
   */
  public InMemoryCallbackBindings(Clock clock, Duration grace, Duration lifetime, Duration hold) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.grace = positive(grace, "grace");
    this.lifetime = positive(lifetime, "lifetime");
    this.hold = positive(hold, "hold");
    this.nextSweep = clock.instant().plus(grace);
  }

  private static Duration positive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + duration);
    }
    return duration;
  }

  @Override
  public void reserve(String key) {
    put(key, new Reserved(new CompletableFuture<>(), expiry(lifetime)));
  }

  @Override
  public void openForFirstUse(String key, CallbackSubject.Kind kind) {
    put(key, new Open(kind, expiry(lifetime)));
  }

  @Override
  public void bind(String key, CallbackSubject subject) {
    Objects.requireNonNull(subject, "subject");
    Bound bound = new Bound(subject, expiry(lifetime));
    Binding before = bindings.get(key);
    while (true) {
      if (before instanceof Bound b && !b.subject().equals(subject)
          || before instanceof Ended e && !e.subject().equals(subject)) {
        throw new IllegalStateException("callback key already bound to another " + kindOf(before));
      }
      boolean stored =
          before == null
              ? bindings.putIfAbsent(key, bound) == null
              : bindings.replace(key, before, bound);
      if (stored) {
        settle(before);
        sweepNowAndThen();
        return;
      }
      before = bindings.get(key);
    }
  }

  private static String kindOf(Binding binding) {
    CallbackSubject subject =
        binding instanceof Bound b ? b.subject() : ((Ended) binding).subject();
    return subject.kind().name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void release(String key) {
    settle(bindings.remove(key));
  }

  @Override
  public void end(String key) {
    Binding before = bindings.get(key);
    if (before instanceof Bound b) {
      bindings.replace(key, before, new Ended(b.subject(), expiry(grace)));
    } else if (before != null && !(before instanceof Ended)) {
      // Ended before anything was bound: nothing can speak for it.
      release(key);
    }
  }

  @Override
  public boolean admit(String key, CallbackSubject claimed) {
    Objects.requireNonNull(claimed, "claimed");
    Binding binding = current(key);
    if (binding instanceof Reserved reserved) {
      awaitSettled(reserved);
      binding = current(key);
    }
    while (binding instanceof Open open) {
      if (open.kind() != claimed.kind()) {
        return false;
      }
      if (bindings.replace(key, open, new Bound(claimed, open.expires()))) {
        return true;
      }
      binding = current(key);
    }
    if (binding instanceof Bound bound) {
      return bound.subject().equals(claimed);
    }
    return binding instanceof Ended ended && ended.subject().equals(claimed);
  }

  /** How many bindings are held, expired ones included until swept; for tests of the bound. */
  public int size() {
    return bindings.size();
  }

  private void awaitSettled(Reserved reserved) {
    try {
      reserved.settled().get(hold.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Still unsettled: the caller finds the key reserved and refuses.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The live binding of {@code key}, dropping it when expired. */
  private Binding current(String key) {
    Binding binding = bindings.get(key);
    if (binding != null && !clock.instant().isBefore(binding.expires())) {
      bindings.remove(key, binding);
      settle(binding);
      return null;
    }
    return binding;
  }

  private void put(String key, Binding binding) {
    settle(bindings.put(Objects.requireNonNull(key, "key"), binding));
    sweepNowAndThen();
  }

  private static void settle(Binding before) {
    if (before instanceof Reserved reserved) {
      reserved.settled().complete(null);
    }
  }

  private Instant expiry(Duration after) {
    return clock.instant().plus(after);
  }

  /** Drops expired bindings at most once per grace period, so that writes stay cheap. */
  private void sweepNowAndThen() {
    Instant now = clock.instant();
    if (now.isBefore(nextSweep)) {
      return;
    }
    nextSweep = now.plus(grace);
    bindings.forEach(
        (key, binding) -> {
          if (!now.isBefore(binding.expires()) && bindings.remove(key, binding)) {
            settle(binding);
          }
        });
  }

  private sealed interface Binding permits Reserved, Open, Bound, Ended {
    Instant expires();
  }

  private record Reserved(CompletableFuture<Void> settled, Instant expires) implements Binding {}

  private record Open(CallbackSubject.Kind kind, Instant expires) implements Binding {}

  private record Bound(CallbackSubject subject, Instant expires) implements Binding {}

  private record Ended(CallbackSubject subject, Instant expires) implements Binding {}
}
