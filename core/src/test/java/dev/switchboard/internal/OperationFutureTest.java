package dev.switchboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OperationFutureTest {
  /** An executor that holds its tasks until the test runs them. */
  private static final class Held implements Executor {
    final List<Runnable> tasks = new ArrayList<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      tasks.forEach(Runnable::run);
    }
  }

  @Test
  @DisplayName("Cancelled before it starts, the operation never runs")
  void cancelledBeforeStart() {
    Held executor = new Held();
    AtomicInteger runs = new AtomicInteger();
    OperationFuture<String> future =
        OperationFuture.run(executor, () -> "call-" + runs.incrementAndGet());
    assertThat(future.cancel(true)).isTrue();
    executor.runAll();
    assertThat(runs).hasValue(0);
    assertThat(future).isCancelled();
    assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
  }

  @Test
  @DisplayName("Once started it cannot be cancelled, timed out or completed from outside")
  void startedRunsToItsEnd() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    OperationFuture<String> future =
        OperationFuture.run(
            task -> new Thread(task).start(),
            () -> {
              started.countDown();
              await(release);
              return "call-1";
            });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(future.cancel(true)).isFalse();
    assertThat(future.complete("forged")).isFalse();
    assertThat(future.completeExceptionally(new RuntimeException("forged"))).isFalse();
    future.orTimeout(1, TimeUnit.MILLISECONDS);
    assertThatThrownBy(() -> future.obtrudeValue("forged"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> future.completeAsync(() -> "forged"))
        .isInstanceOf(UnsupportedOperationException.class);
    release.countDown();
    assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo("call-1");
  }

  @Test
  @DisplayName("Its failure is the operation's own exception")
  void failure() {
    OperationFuture<String> future =
        OperationFuture.run(
            Runnable::run,
            () -> {
              throw new IllegalArgumentException("to: not E.164");
            });
    assertThatThrownBy(() -> future.get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("A refusing executor fails the future, with nothing run")
  void rejected() {
    OperationFuture<String> future =
        OperationFuture.run(
            task -> {
              throw new RejectedExecutionException("full");
            },
            () -> "call-1");
    assertThat(future).isCompletedExceptionally();
    assertThatThrownBy(future::join).hasCauseInstanceOf(RejectedExecutionException.class);
  }

  @Test
  @DisplayName("Derived stages are plain futures, cancellable as usual")
  void derivedStages() {
    Held executor = new Held();
    OperationFuture<String> future = OperationFuture.run(executor, () -> "call-1");
    CompletableFuture<Integer> length = future.thenApply(String::length);
    assertThat(length).isNotInstanceOf(OperationFuture.class);
    assertThat(length.cancel(true)).isTrue();
    executor.runAll();
    assertThat(future.join()).isEqualTo("call-1");
  }

  @Test
  @DisplayName("A closed executor runs no further operation, and says nothing was sent")
  void closedExecutor() {
    OperationExecutor operations = OperationExecutor.owned("acme");
    operations.close(Duration.ofSeconds(1));
    CompletableFuture<String> future = operations.submit(() -> "call-1");
    assertThatThrownBy(future::join).hasCauseInstanceOf(RejectedExecutionException.class);
    OperationExecutor given = OperationExecutor.on(Runnable::run);
    given.close(Duration.ofSeconds(1));
    assertThatThrownBy(given.submit(() -> "call-1")::join)
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nothing was sent");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
