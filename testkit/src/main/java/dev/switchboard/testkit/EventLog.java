package dev.switchboard.testkit;

import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The events an application received, in order, for tests: register it with {@code
 * Switchboard.builder().onEvent(log)} and wait for what must arrive with a deadline, never a sleep.
 * Thread-safe.
 */
public final class EventLog implements Consumer<CallEvent> {
  private final List<CallEvent> events = new ArrayList<>();

  @Override
  public synchronized void accept(CallEvent event) {
    events.add(event);
    notifyAll();
  }

  /** The events so far, in order. */
  public synchronized List<CallEvent> events() {
    return List.copyOf(events);
  }

  /** How many events arrived so far. */
  public synchronized int size() {
    return events.size();
  }

  /** How many events of {@code type} arrived so far. */
  public synchronized long count(Class<? extends CallEvent> type) {
    return events.stream().filter(type::isInstance).count();
  }

  /**
   * Waits until an event matching {@code condition} has arrived, and returns the first.
   *
   * @throws AssertionError when none arrives within {@code timeout}, listing what did
   */
  public synchronized CallEvent await(Predicate<CallEvent> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (CallEvent event : events) {
        if (condition.test(event)) {
          return event;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no awaited event within " + timeout + "; got " + events);
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while awaiting an event", e);
      }
    }
  }

  /** Waits until the call {@code callId} has ended, and returns its end. */
  public CallEnded awaitEnd(String callId, Duration timeout) {
    return (CallEnded)
        await(e -> e instanceof CallEnded ended && ended.callId().equals(callId), timeout);
  }
}
