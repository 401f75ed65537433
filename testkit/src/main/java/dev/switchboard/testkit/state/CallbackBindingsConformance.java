package dev.switchboard.testkit.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.state.CallbackBindings;
import dev.switchboard.state.CallbackSubject;
import dev.switchboard.testkit.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CallbackBindings} store must do, as an abstract JUnit 5 class: a store's test
 * extends it and says how to create the store. Each test's name starts with its rule id.
 */
public abstract class CallbackBindingsConformance {
  /** The grace period the kit creates stores with. */
  protected static final Duration GRACE = Duration.ofMinutes(15);

  /** The lifetime the kit creates stores with. */
  protected static final Duration LIFETIME = Duration.ofHours(24);

  /** How long the kit lets a claim wait on a reserved key before it must be refused. */
  protected static final Duration HOLD = Duration.ofMillis(300);

  /** How long the kit waits for anything that must happen at once, before failing. */
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private static final CallbackSubject CALL_A = CallbackSubject.call("call-a");
  private static final CallbackSubject CALL_B = CallbackSubject.call("call-b");

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T10:00:00Z"));
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private CallbackBindings bindings;

  /** A fresh, empty store that tells the time by {@code clock}. */
  protected abstract CallbackBindings create(
      Clock clock, Duration grace, Duration lifetime, Duration hold);

  @BeforeEach
  void createStore() {
    bindings = create(clock, GRACE, LIFETIME, HOLD);
  }

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
  }

  private <T> T within(Future<T> future) throws Exception {
    return future.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Starts {@code claim} on another thread and returns once that thread is parked inside it,
   * waiting on the reservation: only then does settling it prove anything.
   */
  private Future<Boolean> waiting(String key, CallbackSubject claim) {
    Thread[] claimant = new Thread[1];
    CountDownLatch started = new CountDownLatch(1);
    Future<Boolean> admitted =
        pool.submit(
            () -> {
              claimant[0] = Thread.currentThread();
              started.countDown();
              return bindings.admit(key, claim);
            });
    try {
      assertTrue(started.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    // A thread's state has no notification to wait on, so it is polled, briefly, with a deadline.
    while (claimant[0].getState() != Thread.State.TIMED_WAITING
        && claimant[0].getState() != Thread.State.WAITING) {
      assertTrue(System.nanoTime() < deadline, "the claim never waited on the reservation");
      assertFalse(admitted.isDone(), "the claim was judged without waiting");
      Thread.onSpinWait();
    }
    return admitted;
  }

  @Nested
  @DisplayName("Bound keys")
  class Bound {
    @Test
    @DisplayName("[BIND-01] An unknown key admits nothing")
    void unknownKey() {
      assertFalse(bindings.admit("never-issued", CALL_A));
    }

    @Test
    @DisplayName("[BIND-02] A bound key admits its own subject and nothing else")
    void ownSubjectOnly() {
      bindings.bind("k", CALL_A);

      assertTrue(bindings.admit("k", CALL_A));
      assertTrue(bindings.admit("k", CALL_A));
      assertFalse(bindings.admit("k", CALL_B));
      assertFalse(bindings.admit("k", CallbackSubject.conference("call-a")));
    }

    @Test
    @DisplayName("[BIND-03] A key never changes what it speaks for")
    void neverRebound() {
      bindings.bind("k", CALL_A);
      bindings.bind("k", CALL_A);

      assertThrows(IllegalStateException.class, () -> bindings.bind("k", CALL_B));
      assertTrue(bindings.admit("k", CALL_A));
      assertFalse(bindings.admit("k", CALL_B));
    }

    @Test
    @DisplayName("[BIND-04] A binding that never ends expires after its lifetime")
    void lifetime() {
      bindings.bind("k", CALL_A);
      clock.advance(LIFETIME.minusSeconds(1));
      assertTrue(bindings.admit("k", CALL_A));

      clock.advance(Duration.ofSeconds(1));
      assertFalse(bindings.admit("k", CALL_A));
    }
  }

  @Nested
  @DisplayName("Ended keys")
  class Ended {
    @Test
    @DisplayName("[BIND-05] An ended key admits its own subject through the grace period only")
    void grace() {
      bindings.bind("k", CALL_A);
      bindings.end("k");

      assertTrue(bindings.admit("k", CALL_A));
      assertFalse(bindings.admit("k", CALL_B));
      clock.advance(GRACE.minusSeconds(1));
      assertTrue(bindings.admit("k", CALL_A));
      clock.advance(Duration.ofSeconds(1));
      assertFalse(bindings.admit("k", CALL_A));
    }

    @Test
    @DisplayName("[BIND-06] Ending a key again does not extend its grace period")
    void endTwice() {
      bindings.bind("k", CALL_A);
      bindings.end("k");
      clock.advance(GRACE.minusSeconds(1));
      bindings.end("k");
      clock.advance(Duration.ofSeconds(1));

      assertFalse(bindings.admit("k", CALL_A));
    }

    @Test
    @DisplayName("[BIND-07] Ending an unknown key does nothing; ending an unbound one refuses it")
    void endUnbound() {
      bindings.end("never-issued");
      bindings.openForFirstUse("open", CallbackSubject.Kind.CONFERENCE);
      bindings.end("open");

      assertFalse(bindings.admit("never-issued", CALL_A));
      assertFalse(bindings.admit("open", CallbackSubject.conference("conf-1")));
    }
  }

  @Nested
  @DisplayName("Reserved keys")
  class Reserved {
    @Test
    @DisplayName("[BIND-08] A claim on a reserved key waits for the binding, then is judged by it")
    void waitsForBind() throws Exception {
      bindings.reserve("k");
      Future<Boolean> own = waiting("k", CALL_A);
      Future<Boolean> other = waiting("k", CALL_B);

      bindings.bind("k", CALL_A);

      assertTrue(within(own));
      assertFalse(within(other));
    }

    @Test
    @DisplayName("[BIND-09] A released key refuses every claim, including those waiting on it")
    void released() throws Exception {
      bindings.reserve("k");
      Future<Boolean> waiting = waiting("k", CALL_A);

      bindings.release("k");

      assertFalse(within(waiting));
      assertFalse(bindings.admit("k", CALL_A));
    }

    @Test
    @DisplayName("[BIND-10] A reservation never settled refuses the claim after the hold")
    void unsettled() {
      bindings.reserve("k");
      long start = System.nanoTime();

      assertFalse(bindings.admit("k", CALL_A));
      assertTrue(System.nanoTime() - start < DEADLINE.toNanos(), "the claim waited too long");
    }
  }

  @Nested
  @DisplayName("Keys open for first use")
  class FirstUse {
    @Test
    @DisplayName("[BIND-11] The first claim of the right kind binds the key; others are refused")
    void firstClaimBinds() {
      bindings.openForFirstUse("k", CallbackSubject.Kind.CONFERENCE);

      assertFalse(bindings.admit("k", CALL_A));
      assertTrue(bindings.admit("k", CallbackSubject.conference("conf-1")));
      assertTrue(bindings.admit("k", CallbackSubject.conference("conf-1")));
      assertFalse(bindings.admit("k", CallbackSubject.conference("conf-2")));
    }

    @Test
    @DisplayName("[BIND-12] Of many first claims at once, exactly one binds the key")
    void racingClaims() throws Exception {
      bindings.openForFirstUse("k", CallbackSubject.Kind.CONFERENCE);
      int racers = 16;
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        CallbackSubject conference = CallbackSubject.conference("conf-" + i);
        claims.add(
            pool.submit(
                () -> {
                  go.await();
                  return bindings.admit("k", conference);
                }));
      }
      go.countDown();

      List<Integer> winners = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        if (within(claims.get(i))) {
          winners.add(i);
        }
      }
      assertEquals(1, winners.size(), () -> "winners: " + winners);
      for (int i = 0; i < racers; i++) {
        assertEquals(
            i == winners.get(0), bindings.admit("k", CallbackSubject.conference("conf-" + i)));
      }
    }
  }

  @Nested
  @DisplayName("Keys that are never reused")
  class NeverReused {
    @Test
    @DisplayName("[BIND-13] A key in use cannot be reserved or opened again")
    void noSecondReservation() {
      bindings.reserve("reserved");
      bindings.bind("bound", CALL_A);
      bindings.openForFirstUse("open", CallbackSubject.Kind.CONFERENCE);

      for (String key : List.of("reserved", "bound", "open")) {
        assertThrows(IllegalStateException.class, () -> bindings.reserve(key), key);
        assertThrows(
            IllegalStateException.class,
            () -> bindings.openForFirstUse(key, CallbackSubject.Kind.CONFERENCE),
            key);
      }
      assertTrue(bindings.admit("bound", CALL_A));
    }

    @Test
    @DisplayName("[BIND-14] A released or ended key is never bound again")
    void noRevival() {
      bindings.reserve("released");
      bindings.release("released");
      bindings.bind("ended", CALL_A);
      bindings.end("ended");

      assertThrows(IllegalStateException.class, () -> bindings.bind("released", CALL_A));
      assertThrows(IllegalStateException.class, () -> bindings.bind("ended", CALL_A));
      assertFalse(bindings.admit("released", CALL_A));
      clock.advance(GRACE);
      assertFalse(bindings.admit("ended", CALL_A));
    }

    @Test
    @DisplayName("[BIND-15] A key open for first use is bound only by a claim")
    void openIsBoundByClaimsOnly() {
      bindings.openForFirstUse("open", CallbackSubject.Kind.CONFERENCE);

      assertThrows(
          IllegalStateException.class,
          () -> bindings.bind("open", CallbackSubject.conference("conf-1")));
      assertTrue(bindings.admit("open", CallbackSubject.conference("conf-2")));
    }
  }

  @Nested
  @DisplayName("New subjects")
  class NewSubjects {
    @Test
    @DisplayName("[BIND-16] A subject already bound under another key is not new")
    void knownSubject() {
      bindings.bind("outbound", CALL_A);

      assertFalse(bindings.bindNew("incoming", CALL_A));
      assertFalse(bindings.admit("incoming", CALL_A));
      assertTrue(bindings.bindNew("incoming-b", CALL_B));
      assertTrue(bindings.admit("incoming-b", CALL_B));
      assertFalse(bindings.bindNew("incoming-b2", CALL_B));
    }

    @Test
    @DisplayName("[BIND-17] Of many keys announcing one new subject at once, exactly one binds it")
    void racingAnnouncements() throws Exception {
      int racers = 16;
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> announced = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        String key = "incoming-" + i;
        announced.add(
            pool.submit(
                () -> {
                  go.await();
                  return bindings.bindNew(key, CALL_A);
                }));
      }
      go.countDown();

      int bound = 0;
      for (Future<Boolean> f : announced) {
        bound += within(f) ? 1 : 0;
      }
      assertEquals(1, bound);
    }

    @Test
    @DisplayName(
        "[BIND-18] A subject is forgotten with its key, a grace period after its end: only then is"
            + " it new again")
    void forgottenAfterGrace() {
      bindings.bindNew("incoming", CALL_A);
      clock.advance(Duration.ofHours(1));
      bindings.end("incoming");
      clock.advance(GRACE.minusSeconds(1));

      assertFalse(bindings.bindNew("again", CALL_A));
      clock.advance(Duration.ofSeconds(1));
      assertTrue(bindings.bindNew("again", CALL_A));
      assertTrue(bindings.admit("again", CALL_A));
      assertFalse(bindings.admit("incoming", CALL_A));
    }
  }
}
