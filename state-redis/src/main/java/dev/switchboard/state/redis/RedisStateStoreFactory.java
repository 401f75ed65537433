package dev.switchboard.state.redis;

import dev.switchboard.SwitchboardConfig;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ConfigReader;
import dev.switchboard.state.StateStore;
import dev.switchboard.state.StateStoreFactory;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.List;

/**
 * {@code switchboard.state=redis}: a {@link RedisStateStore} at {@code switchboard.state.redis.url}
 * ({@code redis://}, {@code rediss://} or {@code redis-sentinel://}, as Lettuce reads them; a node
 * of a Redis Cluster with {@code switchboard.state.redis.cluster=true}), its keys under {@code
 * switchboard.state.redis.prefix}.
 */
public final class RedisStateStoreFactory implements StateStoreFactory {
  public static final String ID = "redis";
  public static final String URL = "switchboard.state.redis.url";
  public static final String PREFIX = "switchboard.state.redis.prefix";
  public static final String TIMEOUT_MS = "switchboard.state.redis.timeout-ms";
  public static final String CLUSTER = "switchboard.state.redis.cluster";

  private static final ConfigKey URL_KEY =
      ConfigKey.required(URL, "the Redis server, e.g. redis://localhost:6379");
  private static final ConfigKey PREFIX_KEY =
      ConfigKey.optional(PREFIX, "put before every key", "switchboard:");
  private static final ConfigKey TIMEOUT =
      ConfigKey.millis(TIMEOUT_MS, "milliseconds a Redis command may take", 2000);
  private static final ConfigKey CLUSTER_KEY =
      ConfigKey.optional(CLUSTER, "true when the URL names a node of a Redis Cluster", "false");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(URL_KEY, PREFIX_KEY, TIMEOUT, CLUSTER_KEY);
  }

  @Override
  public StateStore create(SwitchboardConfig config) {
    ConfigReader read = new ConfigReader("state", config);
    Duration timeout = read.millis(TIMEOUT);
    String prefix = config.get(PREFIX, PREFIX_KEY.defaultValue().orElseThrow());
    read.check();
    RedisURI uri = RedisURI.create(read.required(URL));
    uri.setTimeout(timeout);
    return Boolean.parseBoolean(config.get(CLUSTER, "false").trim())
        ? RedisStateStore.connectCluster(uri, prefix)
        : RedisStateStore.connect(uri, prefix);
  }
}
