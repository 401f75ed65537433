package dev.switchboard.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The future of one operation on a vendor, which can be stopped only before it starts. Once a
 * request may have left, stopping it would leave its outcome unknown: a call placed with nobody
 * told its id. So {@link #cancel}, {@link #complete} and {@link #completeExceptionally} from
 * outside (and {@code orTimeout}, which uses the latter) take effect only while the operation waits
 * to start, and return {@code false} after; the future then ends with the operation's own result.
 * Stages derived from it are plain {@link CompletableFuture}s, cancellable as usual.
 */
public final class OperationFuture<T> extends CompletableFuture<T> {
  private final AtomicBoolean started = new AtomicBoolean();

  private OperationFuture() {}

  /**
   * Runs {@code operation} on {@code executor}; its future. An executor that refuses the task fails
   * the future with its {@link java.util.concurrent.RejectedExecutionException}, with nothing run.
   */
  public static <T> OperationFuture<T> run(Executor executor, Supplier<T> operation) {
    OperationFuture<T> future = new OperationFuture<>();
    try {
      executor.execute(() -> future.start(operation));
    } catch (RuntimeException rejected) {
      future.completeExceptionally(rejected);
    }
    return future;
  }

  private void start(Supplier<T> operation) {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    T result;
    try {
      result = operation.get();
    } catch (Throwable failure) {
      super.completeExceptionally(failure);
      return;
    }
    super.complete(result);
  }

  /** Whether the operation has started, after which nothing stops it. */
  public boolean started() {
    return started.get();
  }

  /** Cancels the operation if it has not started; {@code false} once it has. */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    return started.compareAndSet(false, true) && super.cancel(false);
  }

  /** Ends the future with {@code value} instead, if the operation has not started. */
  @Override
  public boolean complete(T value) {
    return started.compareAndSet(false, true) && super.complete(value);
  }

  /** Ends the future with {@code failure} instead, if the operation has not started. */
  @Override
  public boolean completeExceptionally(Throwable failure) {
    return started.compareAndSet(false, true) && super.completeExceptionally(failure);
  }

  /** Refused: the operation's own result is the only one this future can have once it starts. */
  @Override
  public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier, Executor executor) {
    throw new UnsupportedOperationException("an operation's future ends with its own result");
  }

  /** Refused, as {@link #completeAsync(Supplier, Executor)}. */
  @Override
  public void obtrudeValue(T value) {
    throw new UnsupportedOperationException("an operation's future ends with its own result");
  }

  /** Refused, as {@link #completeAsync(Supplier, Executor)}. */
  @Override
  public void obtrudeException(Throwable failure) {
    throw new UnsupportedOperationException("an operation's future ends with its own result");
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>();
  }
}
