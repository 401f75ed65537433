package dev.switchboard.testkit.state;

import dev.switchboard.state.InMemoryStateStore;
import dev.switchboard.state.StateStore;

class InMemoryStateStoreTest extends StateStoreConformance {
  @Override
  protected StateStore open() {
    return new InMemoryStateStore();
  }
}
