package dev.switchboard.state.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.state.StateUnavailableException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RedisOutageTest {
  @Test
  @DisplayName(
      "With Redis down every operation fails with StateUnavailableException naming it; once Redis"
          + " is back the same store serves again")
  void downAndBack() {
    try (TestRedis redis = new TestRedis()) {
      RedisURI uri = RedisURI.create(redis.url());
      uri.setTimeout(Duration.ofMillis(500));
      try (RedisStateStore store = RedisStateStore.connect(uri, "outage:")) {
        assertThat(store.create("call", "v", Duration.ofMinutes(1))).isTrue();
        redis.stop();
        assertThatThrownBy(() -> store.get("call"))
            .isInstanceOf(StateUnavailableException.class)
            .hasMessageContaining("Redis state store failed to get call");
        redis.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
          try {
            // An empty Redis came back (no persistence in the test server): the store serves.
            assertThat(store.create("call", "w", Duration.ofMinutes(1))).isTrue();
            break;
          } catch (StateUnavailableException stillDown) {
            assertThat(System.nanoTime()).as("Redis is back within 20 s").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
          }
        }
        assertThat(store.get("call").orElseThrow().value()).isEqualTo("w");
      }
    }
  }

  @Test
  @DisplayName(
      "Scripts go by digest; a server that has lost them (flushed, restarted, a new node) is sent"
          + " their text again and the write still happens once")
  void scriptsLost() {
    try (TestRedis redis = new TestRedis();
        RedisStateStore store = RedisStateStore.connect(RedisURI.create(redis.url()), "flush:")) {
      RedisClient admin = RedisClient.create(redis.url());
      try (StatefulRedisConnection<String, String> connection = admin.connect()) {
        assertThat(store.create("call", "v", Duration.ofMinutes(1))).isTrue();
        long version = store.get("call").orElseThrow().version();
        connection.sync().scriptFlush();

        assertThat(store.replace("call", version, "w", Duration.ofMinutes(1))).isTrue();
        assertThat(store.replace("call", version, "x", Duration.ofMinutes(1))).isFalse();
        assertThat(store.get("call").orElseThrow().value()).isEqualTo("w");
      } finally {
        admin.shutdown();
      }
    }
  }

  @Test
  @DisplayName("A store that cannot reach Redis at all fails to open, naming where it looked")
  void unreachable() {
    RedisURI uri = RedisURI.create("redis://127.0.0.1:1");
    uri.setTimeout(Duration.ofMillis(500));
    assertThatThrownBy(() -> RedisStateStore.connect(uri, "x:"))
        .isInstanceOf(StateUnavailableException.class)
        .hasMessageContaining("cannot connect to Redis at 127.0.0.1:1");
  }
}
