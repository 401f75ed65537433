package dev.switchboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.event.CallEvent;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.state.InMemoryStateStore;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("WebhookDeduplicator")
class WebhookDeduplicatorTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** The identity of a delivery of {@code digits}, as a provider would give it. */
  private static String request(String digits) {
    return "/recording/notify\nc1\ndigits=" + digits;
  }

  private static CallEvent event(String digits) {
    return new DigitsGathered("recording", "c1", Instant.EPOCH, digits, true, Map.of());
  }

  /** A handler that counts its calls and answers with one event and a body naming the call. */
  private static final class CountingHandler implements Supplier<WebhookResult> {
    final AtomicInteger calls = new AtomicInteger();
    private final String digits;

    CountingHandler(String digits) {
      this.digits = digits;
    }

    @Override
    public WebhookResult get() {
      int call = calls.incrementAndGet();
      return new WebhookResult(List.of(event(digits)), WebhookResponse.text("handled #" + call));
    }
  }

  /**
   * Waits, without sleeping, until every thread is parked: inside the handler on a latch, or
   * waiting for the first delivery's outcome. Fails after the deadline.
   */
  private static void awaitAllParked(List<Thread> threads) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!threads.stream().allMatch(WebhookDeduplicatorTest::parked)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("threads did not park in time: " + threads);
      }
      // Polls thread state, which has no notification to wait on; briefly, to spare the 2 cores.
      LockSupport.parkNanos(100_000);
    }
  }

  private static boolean parked(Thread thread) {
    Thread.State state = thread.getState();
    return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
  }

  @Nested
  @DisplayName("Sequential deliveries")
  class Sequential {
    @Test
    @DisplayName("The first delivery is handled and returns the handler's events and response.")
    void firstDeliveryIsHandled() {
      WebhookDeduplicator deduplicator = new WebhookDeduplicator(10, new InMemoryStateStore());
      CountingHandler handler = new CountingHandler("1");

      WebhookResult result = deduplicator.handle(request("1"), handler);

      assertThat(handler.calls).hasValue(1);
      assertThat(result.events()).containsExactly(event("1"));
      assertThat(result.response()).isEqualTo(WebhookResponse.text("handled #1"));
    }

    @Test
    @DisplayName("A redelivery gets the first response, no events, and does not run the handler.")
    void redeliveryIsANoOp() {
      WebhookDeduplicator deduplicator = new WebhookDeduplicator(10, new InMemoryStateStore());
      CountingHandler handler = new CountingHandler("1");
      WebhookResult first = deduplicator.handle(request("1"), handler);

      for (int i = 0; i < 9; i++) {
        WebhookResult again = deduplicator.handle(request("1"), handler);

        assertThat(again.events()).isEmpty();
        assertThat(again.response()).isEqualTo(first.response());
      }
      assertThat(handler.calls).hasValue(1);
      assertThat(deduplicator.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("Deliveries of different identities are each handled once.")
    void differentDeliveriesAreHandled() {
      WebhookDeduplicator deduplicator = new WebhookDeduplicator(10, new InMemoryStateStore());
      CountingHandler handler = new CountingHandler("1");
      List<String> identities =
          List.of(request("1"), request("2"), "/recording/other\nc1\ndigits=1", "");

      for (String identity : identities) {
        assertThat(deduplicator.handle(identity, handler).events()).hasSize(1);
      }
      assertThat(handler.calls).hasValue(identities.size());
    }

    @Test
    @DisplayName("A handler that fails is forgotten, so that the vendor's retry is handled.")
    void failureIsForgotten() {
      WebhookDeduplicator deduplicator = new WebhookDeduplicator(10, new InMemoryStateStore());
      AtomicInteger calls = new AtomicInteger();
      Supplier<WebhookResult> failsOnce =
          () -> {
            if (calls.incrementAndGet() == 1) {
              throw new IllegalStateException("vendor API down");
            }
            return new WebhookResult(List.of(event("1")), WebhookResponse.ok());
          };

      assertThatThrownBy(() -> deduplicator.handle(request("1"), failsOnce))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("vendor API down");
      assertThat(deduplicator.size()).isZero();
      WebhookResult retry = deduplicator.handle(request("1"), failsOnce);

      assertThat(calls).hasValue(2);
      assertThat(retry.events()).containsExactly(event("1"));
      assertThat(deduplicator.handle(request("1"), failsOnce).events()).isEmpty();
      assertThat(calls).hasValue(2);
    }

    @Test
    @DisplayName("A capacity below one is refused.")
    void capacityMustBePositive() {
      assertThatThrownBy(() -> new WebhookDeduplicator(0, new InMemoryStateStore()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("The memory bound")
  class Capacity {
    @Test
    @DisplayName("The number of remembered deliveries never exceeds the capacity.")
    void sizeNeverExceedsCapacity() {
      WebhookDeduplicator deduplicator = new WebhookDeduplicator(3, new InMemoryStateStore());
      CountingHandler handler = new CountingHandler("x");

      for (int i = 0; i < 50; i++) {
        deduplicator.handle(request(Integer.toString(i)), handler);
        assertThat(deduplicator.size()).isLessThanOrEqualTo(3);
      }
      assertThat(deduplicator.size()).isEqualTo(3);
      assertThat(handler.calls).hasValue(50);
    }

    @Test
    @DisplayName(
        "Responses are kept while their bodies fit the character bound; a repeat of one dropped"
            + " for it is still known, answered empty")
    void bodiesNeverExceedTheCharacterBound() {
      WebhookDeduplicator deduplicator = new WebhookDeduplicator(10_000, new InMemoryStateStore());
      String body = "x".repeat(WebhookDeduplicator.MAX_KEPT_CHARS / 4);
      AtomicInteger calls = new AtomicInteger();
      Supplier<WebhookResult> handler =
          () -> {
            calls.incrementAndGet();
            return WebhookResult.of(WebhookResponse.text(body));
          };

      for (int i = 0; i < 20; i++) {
        deduplicator.handle(request(Integer.toString(i)), handler);
        assertThat(deduplicator.size()).isLessThanOrEqualTo(4);
      }
      assertThat(deduplicator.size()).isEqualTo(4);
      assertThat(deduplicator.handle(request("19"), handler).response().body()).isEqualTo(body);
      assertThat(deduplicator.handle(request("0"), handler).response().body()).isEmpty();
      assertThat(calls).hasValue(20);
    }

    @Test
    @DisplayName(
        "The least recently seen response is forgotten first, but its delivery is still known")
    void leastRecentlySeenIsEvicted() {
      WebhookDeduplicator deduplicator = new WebhookDeduplicator(2, new InMemoryStateStore());
      CountingHandler handler = new CountingHandler("x");
      deduplicator.handle(request("a"), handler);
      deduplicator.handle(request("b"), handler);
      deduplicator.handle(request("a"), handler); // a repeat refreshes "a"
      deduplicator.handle(request("c"), handler); // evicts "b"'s response, the least recently seen
      assertThat(handler.calls).hasValue(3);

      WebhookResult a = deduplicator.handle(request("a"), handler);
      assertThat(a.events()).isEmpty();
      assertThat(a.response().body()).isEqualTo("handled #1");
      WebhookResult b = deduplicator.handle(request("b"), handler);
      assertThat(b.events()).isEmpty();
      assertThat(b.response()).isEqualTo(WebhookResponse.ok());
      assertThat(handler.calls).hasValue(3);
    }

    @Test
    @DisplayName("A delivery is known for the retention period, and handled again after it")
    void retention() {
      MovableClock clock = new MovableClock();
      WebhookDeduplicator deduplicator =
          new WebhookDeduplicator(1, new InMemoryStateStore(clock), Duration.ofMinutes(15));
      CountingHandler handler = new CountingHandler("x");
      deduplicator.handle(request("a"), handler);
      deduplicator.handle(request("b"), handler); // evicts "a"'s response

      clock.advance(Duration.ofMinutes(15).minusSeconds(1));
      assertThat(deduplicator.handle(request("a"), handler).events()).isEmpty();
      clock.advance(Duration.ofSeconds(1));
      deduplicator.handle(request("c"), handler); // evicts whatever "a" left
      assertThat(deduplicator.handle(request("a"), handler).events()).hasSize(1);
      assertThat(handler.calls).hasValue(4);
    }
  }

  /** A clock that moves only when told to; core's tests cannot use the testkit's. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-05T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  @Nested
  @DisplayName("Concurrent deliveries")
  class Concurrent {
    @Test
    @DisplayName("Identical deliveries arriving together run the handler exactly once.")
    void concurrentDuplicatesRunHandlerOnce() throws Exception {
      int threads = 8;
      WebhookDeduplicator deduplicator = new WebhookDeduplicator(10, new InMemoryStateStore());
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger calls = new AtomicInteger();
      Supplier<WebhookResult> blocking =
          () -> {
            calls.incrementAndGet();
            awaitLatch(release);
            return new WebhookResult(List.of(event("1")), WebhookResponse.text("first"));
          };
      List<Thread> workers = new CopyOnWriteArrayList<>();
      CountDownLatch arrived = new CountDownLatch(threads);
      List<Future<WebhookResult>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  workers.add(Thread.currentThread());
                  arrived.countDown();
                  return deduplicator.handle(request("1"), blocking);
                }));
      }
      assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
      // Only once every thread is parked (one in the handler, the rest waiting for its outcome)
      // may the handler finish, so that all deliveries genuinely overlap.
      awaitAllParked(workers);
      assertThat(calls).hasValue(1);
      release.countDown();

      List<WebhookResult> all = new ArrayList<>();
      for (Future<WebhookResult> result : results) {
        all.add(result.get(10, TimeUnit.SECONDS));
      }
      assertThat(calls).hasValue(1);
      assertThat(all).allSatisfy(r -> assertThat(r.response().body()).isEqualTo("first"));
      assertThat(all.stream().mapToInt(r -> r.events().size()).sum()).isEqualTo(1);
    }

    @Test
    @DisplayName("When the first delivery fails, a waiting duplicate is handled and keeps events.")
    void waiterHandlesAfterFirstFails() throws Exception {
      WebhookDeduplicator deduplicator = new WebhookDeduplicator(10, new InMemoryStateStore());
      CountDownLatch firstEntered = new CountDownLatch(1);
      CountDownLatch releaseFirst = new CountDownLatch(1);
      AtomicInteger calls = new AtomicInteger();
      Supplier<WebhookResult> failsFirst =
          () -> {
            if (calls.incrementAndGet() == 1) {
              firstEntered.countDown();
              awaitLatch(releaseFirst);
              throw new IllegalStateException("vendor API down");
            }
            return new WebhookResult(List.of(event("1")), WebhookResponse.text("second"));
          };
      Future<WebhookResult> first =
          pool.submit(() -> deduplicator.handle(request("1"), failsFirst));
      assertThat(firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
      List<Thread> waiter = new CopyOnWriteArrayList<>();
      CountDownLatch arrived = new CountDownLatch(1);
      Future<WebhookResult> second =
          pool.submit(
              () -> {
                waiter.add(Thread.currentThread());
                arrived.countDown();
                return deduplicator.handle(request("1"), failsFirst);
              });
      assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
      awaitAllParked(waiter);
      releaseFirst.countDown();

      assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(IllegalStateException.class);
      WebhookResult retried = second.get(10, TimeUnit.SECONDS);
      assertThat(calls).hasValue(2);
      assertThat(retried.response().body()).isEqualTo("second");
      // The waiting duplicate is the delivery that got handled, so its events must reach the
      // application; dropped here, they would be lost for good, as later repeats are duplicates.
      assertThat(retried.events()).containsExactly(event("1"));
      assertThat(deduplicator.handle(request("1"), failsFirst).events()).isEmpty();
      assertThat(calls).hasValue(2);
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
