package dev.switchboard.testkit.state;

import dev.switchboard.state.CallbackBindings;
import dev.switchboard.state.InMemoryStateStore;
import dev.switchboard.state.StoredCallbackBindings;
import java.time.Clock;
import java.time.Duration;

/** The bindings every shared store uses, over the in-memory store. */
class StoredCallbackBindingsTest extends CallbackBindingsConformance {
  @Override
  protected CallbackBindings create(Clock clock, Duration grace, Duration lifetime, Duration hold) {
    return new StoredCallbackBindings(new InMemoryStateStore(clock), clock, grace, lifetime, hold);
  }
}
