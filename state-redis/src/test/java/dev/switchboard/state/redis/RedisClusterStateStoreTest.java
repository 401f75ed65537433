package dev.switchboard.state.redis;

import dev.switchboard.state.StateStore;
import dev.switchboard.testkit.state.StateStoreConformance;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.embedded.RedisShardedCluster;

/** The store kit on a Redis Cluster of three masters, started by the test. */
class RedisClusterStateStoreTest extends StateStoreConformance {
  private static RedisShardedCluster cluster;

  @BeforeAll
  static void startCluster() throws IOException {
    cluster =
        RedisShardedCluster.newRedisCluster()
            .ephemeral()
            .shard("a", 0)
            .shard("b", 0)
            .shard("c", 0)
            .initializationTimeout(Duration.ofSeconds(30))
            .build();
    cluster.start();
  }

  @AfterAll
  static void stopCluster() throws IOException {
    cluster.stop();
  }

  @Override
  protected StateStore open() {
    return RedisStateStore.connectCluster(
        RedisURI.create("redis://127.0.0.1:" + cluster.serverPorts().get(0)), "cluster:");
  }
}
