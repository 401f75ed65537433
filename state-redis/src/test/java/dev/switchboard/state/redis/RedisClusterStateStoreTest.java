package dev.switchboard.state.redis;

import dev.switchboard.state.StateStore;
import dev.switchboard.testkit.state.StateStoreConformance;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
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
    awaitClusterOk();
  }

  /**
   * Waits until every node says the cluster is ok: the embedded cluster returns once its nodes run,
   * while they may still be agreeing on who holds which slots.
   */
  private static void awaitClusterOk() {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    for (int port : cluster.serverPorts()) {
      RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
      try (StatefulRedisConnection<String, String> node = client.connect()) {
        while (!node.sync().clusterInfo().contains("cluster_state:ok")) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the test cluster did not become ok in 60 s");
          }
          LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
      } finally {
        client.shutdown();
      }
    }
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
