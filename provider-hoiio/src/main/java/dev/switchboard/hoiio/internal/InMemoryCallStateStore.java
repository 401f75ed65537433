package dev.switchboard.hoiio.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link CallStateStore}: a concurrent map. */
public final class InMemoryCallStateStore implements CallStateStore {
  private final Map<String, CallState> states = new ConcurrentHashMap<>();

  @Override
  public Optional<CallState> get(String key) {
    return Optional.ofNullable(states.get(key));
  }

  @Override
  public void put(CallState state) {
    states.put(state.key(), state);
  }

  @Override
  public boolean replace(CallState expected, CallState next) {
    return states.replace(expected.key(), expected, next);
  }

  @Override
  public boolean remove(CallState expected) {
    return states.remove(expected.key(), expected);
  }

  @Override
  public int size() {
    return states.size();
  }
}
