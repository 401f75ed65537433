package dev.switchboard.testkit.state;

import dev.switchboard.state.CallbackBindings;
import dev.switchboard.state.InMemoryCallbackBindings;
import java.time.Clock;
import java.time.Duration;

class InMemoryCallbackBindingsTest extends CallbackBindingsConformance {
  @Override
  protected CallbackBindings create(Clock clock, Duration grace, Duration lifetime, Duration hold) {
    return new InMemoryCallbackBindings(clock, grace, lifetime, hold);
  }
}
