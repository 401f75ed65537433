package dev.switchboard.hoiio.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link CallStateStore}: a concurrent map. */
public final class InMemoryCallStateStore implements CallStateStore {
  private final Map<String, CallState> states = new ConcurrentHashMap<>();
  private final Map<String, String> keysBySession = new ConcurrentHashMap<>();

  @Override
  public Optional<CallState> get(String key) {
    return Optional.ofNullable(states.get(key));
  }

  @Override
  public Optional<CallState> bySession(String session) {
    String key = keysBySession.get(session);
    return key == null ? Optional.empty() : get(key);
  }

  @Override
  public void put(CallState state) {
    states.put(state.key(), state);
    index(state);
  }

  @Override
  public boolean replace(CallState expected, CallState next) {
    if (!states.replace(expected.key(), expected, next)) {
      return false;
    }
    index(next);
    return true;
  }

  @Override
  public boolean remove(CallState expected) {
    if (!states.remove(expected.key(), expected)) {
      return false;
    }
    keysBySession.remove(expected.session(), expected.key());
    return true;
  }

  private void index(CallState state) {
    if (!state.session().isEmpty()) {
      keysBySession.put(state.session(), state.key());
    }
  }

  /** How many calls are in flight. */
  public int size() {
    return states.size();
  }
}
