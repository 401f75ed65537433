package dev.switchboard.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a command that runs until stopped (serve, emulate) waits: until {@link #stop} or Ctrl-C. On
 * Ctrl-C the JVM would exit as soon as the shutdown hook returns, so the hook waits, a few seconds
 * at most, for the command to say it has closed what it opened.
 */
final class UntilStopped {
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  /** Ends the wait, as Ctrl-C does; for tests that run the command in-process. */
  void stop() {
    stop.countDown();
  }

  /** Waits until stopped; {@code name} names the shutdown hook's thread. */
  void await(String name) throws InterruptedException {
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                closed.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
    Runtime.getRuntime().addShutdownHook(hook);
    stop.await();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Already stopping because of Ctrl-C: nothing to remove.
    }
  }

  /** Says the command has closed what it opened, which a Ctrl-C's hook waits for. */
  void closed() {
    closed.countDown();
  }
}
