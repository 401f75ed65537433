package dev.switchboard.state.redis;

import dev.switchboard.state.StateStore;
import dev.switchboard.testkit.state.StateStoreConformance;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store kit against a real Redis server the test starts. */
class RedisStateStoreTest extends StateStoreConformance {
  private static TestRedis redis;

  @BeforeAll
  static void startRedis() {
    redis = new TestRedis();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Override
  protected StateStore open() {
    return RedisStateStore.connect(RedisURI.create(redis.url()), "test:");
  }
}
