package dev.switchboard.state.redis;

import dev.switchboard.state.StateStore;
import dev.switchboard.testkit.state.StateStoreConformance;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.embedded.RedisShardedCluster;

/** The store kit on a Redis Cluster of three masters, started by the test. */
class RedisClusterStateStoreTest extends StateStoreConformance {
  /** How far above its port a Redis Cluster node listens for the other nodes. */
  private static final int BUS_OFFSET = 10_000;

  /** Where Linux begins to give outgoing connections their local ports, by default. */
  private static final int EPHEMERAL_START = 32_768;

  private static RedisShardedCluster cluster;

  @BeforeAll
  static void startCluster() throws IOException {
    cluster =
        RedisShardedCluster.newRedisCluster()
            .serverPorts(nodePorts(3))
            .shard("a", 0)
            .shard("b", 0)
            .shard("c", 0)
            .initializationTimeout(Duration.ofSeconds(30))
            .build();
    cluster.start();
    awaitClusterOk();
  }

  /**
   * Ports for the cluster's nodes. A node also listens on its port plus 10,000 for the cluster bus,
   * which the library's own choice never checks: it took ports from the system's ephemeral range
   * (32768 and up on Linux), so a bus port could be the local port of some outgoing connection, and
   * a node failed to start now and then ("bind: Address already in use"). These ports and their bus
   * ports lie below that range, where no outgoing connection is given a port, and each is checked
   * free before it is used.
   */
  private static List<Integer> nodePorts(int count) {
    List<Integer> ports = new ArrayList<>();
    int candidate = 20_000 + ThreadLocalRandom.current().nextInt(2_000);
    while (ports.size() < count) {
      if (candidate + BUS_OFFSET >= EPHEMERAL_START) {
        throw new IllegalStateException(
            "no free ports for the test cluster below " + EPHEMERAL_START);
      }
      if (free(candidate) && free(candidate + BUS_OFFSET)) {
        ports.add(candidate);
      }
      candidate++;
    }
    return ports;
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
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
