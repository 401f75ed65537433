package dev.switchboard.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where a client's asynchronous operations run: the application's executor, or a pool of its own
 * that {@link #close} drains. An operation that has not started when the client closes fails
 * without sending anything; those already running finish, each bounded by the vendor time-outs.
 */
public final class OperationExecutor {
  /** Threads of a client's own pool; each runs one blocking request at a time. */
  public static final int DEFAULT_THREADS = 16;

  private final Executor executor;
  private final ThreadPoolExecutor owned;
  private volatile boolean closed;

  private OperationExecutor(Executor executor, ThreadPoolExecutor owned) {
    this.executor = executor;
    this.owned = owned;
  }

  /** Operations on {@code executor}, which the application owns and shuts down. */
  public static OperationExecutor on(Executor executor) {
    return new OperationExecutor(executor, null);
  }

  /** Operations on a pool of {@value #DEFAULT_THREADS} daemon threads named for the provider. */
  public static OperationExecutor owned(String providerId) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            DEFAULT_THREADS,
            DEFAULT_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread =
                  new Thread(task, "switchboard-" + providerId + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    // Idle clients hold no threads.
    pool.allowCoreThreadTimeOut(true);
    return new OperationExecutor(pool, pool);
  }

  /** Runs {@code operation}; see {@link OperationFuture} for what cancelling it does. */
  public <T> CompletableFuture<T> submit(Supplier<T> operation) {
    return OperationFuture.run(
        executor,
        () -> {
          if (closed) {
            throw new IllegalStateException(
                "the client was closed before this operation started; nothing was sent");
          }
          return operation.get();
        });
  }

  /**
   * Lets no further operation start, and waits up to {@code grace} for those running in its own
   * pool to finish.
   */
  public void close(Duration grace) {
    closed = true;
    if (owned == null) {
      return;
    }
    owned.shutdown();
    try {
      owned.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
