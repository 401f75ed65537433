package dev.switchboard.hoiio.internal;

import java.util.Optional;

/**
 * Where the runner keeps the state of calls in flight. The default keeps it in memory; a shared
 * store (a database, a cache) can replace it so that several application instances share calls. A
 * call's state is removed when the call ends, so the store holds only calls in flight.
 */
public interface CallStateStore {
  Optional<CallState> get(String key);

  /** The state of the call Hoiio knows as {@code session}, once its session is known. */
  Optional<CallState> bySession(String session);

  void put(CallState state);

  /** Replaces {@code expected} with {@code next} if it is still the current state; else false. */
  boolean replace(CallState expected, CallState next);

  /** Removes {@code expected} if it is still the current state of its call; else false. */
  boolean remove(CallState expected);
}
