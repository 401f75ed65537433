package dev.switchboard.benchmarks;

import dev.switchboard.state.InMemoryStateStore;
import dev.switchboard.state.StateStore;
import dev.switchboard.state.redis.RedisStateStore;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * The state store a benchmark runs on, by the name its {@code @Param} gives: {@code memory}, or
 * {@code redis}, a real Redis server started on a free loopback port from the binary the
 * embedded-redis jar carries, and stopped with the store.
 */
final class BenchmarkStore implements AutoCloseable {
  private final StateStore state;
  private final RedisServer redis;

  private BenchmarkStore(StateStore state, RedisServer redis) {
    this.state = state;
    this.redis = redis;
  }

  static BenchmarkStore open(String kind) throws IOException {
    if (!kind.equals("redis")) {
      return new BenchmarkStore(new InMemoryStateStore(), null);
    }
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").build();
    redis.start();
    return new BenchmarkStore(
        RedisStateStore.connect(RedisURI.create("redis://127.0.0.1:" + port), "bench:"), redis);
  }

  StateStore state() {
    return state;
  }

  @Override
  public void close() throws IOException {
    state.close();
    if (redis != null) {
      redis.stop();
    }
  }
}
