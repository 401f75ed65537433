package dev.switchboard.state.redis;

import dev.switchboard.state.CallbackBindings;
import dev.switchboard.state.StoredCallbackBindings;
import dev.switchboard.testkit.state.CallbackBindingsConformance;
import io.lettuce.core.RedisURI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The callback-bindings kit with the bindings kept in a real Redis server. */
class RedisCallbackBindingsTest extends CallbackBindingsConformance {
  private static TestRedis redis;
  private RedisStateStore store;

  @BeforeAll
  static void startRedis() {
    redis = new TestRedis();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Override
  protected CallbackBindings create(Clock clock, Duration grace, Duration lifetime, Duration hold) {
    // A prefix per test: the kit reuses its keys from test to test.
    store = RedisStateStore.connect(RedisURI.create(redis.url()), UUID.randomUUID() + ":");
    return new StoredCallbackBindings(store, clock, grace, lifetime, hold);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }
}
