package dev.switchboard.state.redis;

import dev.switchboard.state.StateStore;
import dev.switchboard.testkit.state.StateStoreConformance;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.embedded.RedisCluster;

/** The store kit through a Sentinel: a master, a replica and a sentinel, started by the test. */
class RedisSentinelStateStoreTest extends StateStoreConformance {
  private static RedisCluster sentinel;

  @BeforeAll
  static void startSentinel() throws IOException {
    sentinel =
        RedisCluster.newRedisCluster()
            .ephemeral()
            .sentinelCount(1)
            .quorumSize(1)
            .replicationGroup("primary", 1)
            .build();
    sentinel.start();
  }

  @AfterAll
  static void stopSentinel() throws IOException {
    sentinel.stop();
  }

  @Override
  protected StateStore open() {
    return RedisStateStore.connect(
        RedisURI.create(
            "redis-sentinel://127.0.0.1:" + sentinel.sentinelPorts().get(0) + "#primary"),
        "sentinel:");
  }
}
