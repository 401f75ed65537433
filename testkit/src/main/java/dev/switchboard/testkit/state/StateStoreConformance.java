package dev.switchboard.testkit.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.state.StateStore;
import dev.switchboard.state.Versioned;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} must do, as an abstract JUnit 5 class: a store's test extends it
 * and says how to open a store. Expiry is measured in real time with short lives, since a shared
 * store keeps its own clock; each test's name starts with its rule id ({@code docs/deployment.md}
 * lists them). Keys are unique per test, so a store shared between tests does no harm.
 */
public abstract class StateStoreConformance {
  /** A life short enough to watch end, long enough to outlast a slow write. */
  private static final Duration SHORT = Duration.ofMillis(500);

  private static final Duration LONG = Duration.ofMinutes(5);

  /** How long anything that must happen may take before the rule fails. */
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private static final int THREADS = 16;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  private StateStore store;
  private String prefix;

  /** Opens the store under test; the kit closes it after each rule. */
  protected abstract StateStore open();

  @BeforeEach
  void openStore() {
    store = open();
    prefix = "kit-" + UUID.randomUUID() + ":";
  }

  @AfterEach
  void closeStore() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    store.close();
  }

  private String key(String name) {
    return prefix + name;
  }

  /** Runs {@code task} on every thread at once and returns what each returned. */
  private <T> List<T> race(Callable<T> task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return task.call();
              }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
    }
    return results;
  }

  /** Waits, reading again a few milliseconds apart, until {@code condition} holds. */
  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, () -> what + " within " + DEADLINE);
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  @Nested
  @DisplayName("Values")
  class Values {
    @Test
    @DisplayName("[STATE-01] A value is read back as written; an unknown key reads empty")
    void readBack() {
      assertEquals(Optional.empty(), store.get(key("missing")));
      assertTrue(store.create(key("a"), "{\"x\":1}", LONG));
      assertEquals("{\"x\":1}", store.get(key("a")).orElseThrow().value());
    }

    @Test
    @DisplayName("[STATE-02] Of many creates of one key at once, exactly one succeeds")
    void createOnce() throws Exception {
      List<Boolean> created = race(() -> store.create(key("once"), "v", LONG));
      assertEquals(1, created.stream().filter(b -> b).count());
    }

    @Test
    @DisplayName(
        "[STATE-03] A replace with a stale version fails; increments raced by compare-and-set"
            + " lose none")
    void compareAndSet() throws Exception {
      String counter = key("counter");
      assertTrue(store.create(counter, "0", LONG));
      Versioned first = store.get(counter).orElseThrow();
      assertTrue(store.replace(counter, first.version(), "1", LONG));
      assertFalse(store.replace(counter, first.version(), "2", LONG));
      assertNotEquals(first.version(), store.get(counter).orElseThrow().version());
      int each = 20;
      race(
          () -> {
            for (int i = 0; i < each; i++) {
              while (true) {
                Versioned now = store.get(counter).orElseThrow();
                String next = String.valueOf(Integer.parseInt(now.value()) + 1);
                if (store.replace(counter, now.version(), next, LONG)) {
                  break;
                }
              }
            }
            return null;
          });
      assertEquals(String.valueOf(1 + THREADS * each), store.get(counter).orElseThrow().value());
    }

    @Test
    @DisplayName("[STATE-04] A delete with a stale version fails; with the current one it succeeds")
    void deleteByVersion() {
      assertTrue(store.create(key("d"), "v", LONG));
      Versioned v = store.get(key("d")).orElseThrow();
      assertTrue(store.replace(key("d"), v.version(), "w", LONG));
      assertFalse(store.delete(key("d"), v.version()));
      assertTrue(store.delete(key("d"), store.get(key("d")).orElseThrow().version()));
      assertEquals(Optional.empty(), store.get(key("d")));
      assertTrue(store.create(key("d"), "again", LONG));
    }

    @Test
    @DisplayName(
        "[STATE-05] A value is gone once its time to live passes, and can be created again")
    void expiry() {
      assertTrue(store.create(key("e"), "v", SHORT));
      await("the value expires", () -> store.get(key("e")).isEmpty());
      assertTrue(store.create(key("e"), "w", LONG));
    }
  }

  @Nested
  @DisplayName("The delivery ledger")
  class Ledger {
    @Test
    @DisplayName("[STATE-06] Of many claims of one delivery at once, exactly one is first")
    void exactlyOnce() throws Exception {
      List<Boolean> first = race(() -> store.claim(key("delivery"), LONG));
      assertEquals(1, first.stream().filter(b -> b).count());
      assertFalse(store.claim(key("delivery"), LONG));
    }

    @Test
    @DisplayName(
        "[STATE-07] An unclaimed delivery is first again; a claim is forgotten after its window")
    void unclaimAndWindow() {
      assertTrue(store.claim(key("failed"), LONG));
      store.unclaim(key("failed"));
      assertTrue(store.claim(key("failed"), LONG));
      assertTrue(store.claim(key("brief"), SHORT));
      await("the claim lapses", () -> store.claim(key("brief"), LONG));
    }
  }

  @Nested
  @DisplayName("Sets")
  class Sets {
    @Test
    @DisplayName("[STATE-08] Members are added and removed; a set ends with its time to live")
    void members() {
      store.add(key("set"), "a", LONG);
      store.add(key("set"), "b", LONG);
      store.add(key("set"), "a", LONG);
      assertEquals(Set.of("a", "b"), store.members(key("set")));
      store.remove(key("set"), "a");
      assertEquals(Set.of("b"), store.members(key("set")));
      assertEquals(Set.of(), store.members(key("none")));
      store.add(key("brief"), "x", SHORT);
      await("the set expires", () -> store.members(key("brief")).isEmpty());
    }
  }

  @Nested
  @DisplayName("Leases")
  class Leases {
    @Test
    @DisplayName("[STATE-09] Of many holders asking at once, one gets the lease; it may renew it")
    void exclusive() throws Exception {
      List<String> holders = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        holders.add("holder-" + i);
      }
      List<Boolean> got =
          race(
              () -> {
                String me;
                synchronized (holders) {
                  me = holders.remove(0);
                }
                return store.lease(key("lease"), me, LONG) ? Boolean.TRUE : Boolean.FALSE;
              });
      assertEquals(1, got.stream().filter(b -> b).count());
    }

    @Test
    @DisplayName(
        "[STATE-10] A released lease, or one whose holder died and stopped renewing, passes to"
            + " another")
    void handOver() {
      assertTrue(store.lease(key("l"), "a", LONG));
      assertTrue(store.lease(key("l"), "a", LONG));
      assertFalse(store.lease(key("l"), "b", LONG));
      store.release(key("l"), "b");
      assertFalse(store.lease(key("l"), "b", LONG));
      store.release(key("l"), "a");
      assertTrue(store.lease(key("l"), "b", SHORT));
      // "b" dies: it never renews, and its lease runs out.
      await("the dead holder's lease passes on", () -> store.lease(key("l"), "c", LONG));
      assertFalse(store.lease(key("l"), "b", LONG));
    }
  }

  @Test
  @DisplayName("[STATE-11] Values, claims, sets and leases of the same name do not meet")
  void separateKinds() {
    String name = key("same");
    assertTrue(store.create(name, "v", LONG));
    assertTrue(store.claim(name, LONG));
    store.add(name, "m", LONG);
    assertTrue(store.lease(name, "h", LONG));
    assertEquals("v", store.get(name).orElseThrow().value());
    assertEquals(Set.of("m"), store.members(name));
  }
}
