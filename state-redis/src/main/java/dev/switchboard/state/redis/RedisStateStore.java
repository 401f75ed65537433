package dev.switchboard.state.redis;

import dev.switchboard.state.StateStore;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.Versioned;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * A {@link StateStore} on Redis (one server, Sentinel or Cluster), through one Lettuce connection
 * (thread-safe, pipelined). Every compare-and-set runs as a Lua script in Redis itself, so it is
 * atomic whichever replica sends it; every key gets a time to live in the same command that writes
 * it.
 *
 * <p>Keys are {@code <prefix><kind>:<key>}: {@code value:} (a hash of the value {@code v} and its
 * version {@code n}, a random number drawn per write, so a deleted and re-created key never matches
 * an old version), {@code claim:}, {@code set:} and {@code lease:} (the holder).
 *
 * <p>When Redis cannot be reached or answers an error, every method throws {@link
 * StateUnavailableException}, naming the operation; nothing is taken for "absent".
 */
public final class RedisStateStore implements StateStore {
  private static final String CREATE =
      "if redis.call('exists', KEYS[1]) == 1 then return 0 end "
          + "redis.call('hset', KEYS[1], 'v', ARGV[1], 'n', ARGV[2]) "
          + "redis.call('pexpire', KEYS[1], ARGV[3]) return 1";
  private static final String REPLACE =
      "if redis.call('hget', KEYS[1], 'n') ~= ARGV[1] then return 0 end "
          + "redis.call('hset', KEYS[1], 'v', ARGV[2], 'n', ARGV[3]) "
          + "redis.call('pexpire', KEYS[1], ARGV[4]) return 1";
  private static final String DELETE =
      "if redis.call('hget', KEYS[1], 'n') ~= ARGV[1] then return 0 end "
          + "redis.call('del', KEYS[1]) return 1";
  private static final String ADD =
      "redis.call('sadd', KEYS[1], ARGV[1]) redis.call('pexpire', KEYS[1], ARGV[2]) return 1";
  private static final String LEASE =
      "local holder = redis.call('get', KEYS[1]) "
          + "if holder and holder ~= ARGV[1] then return 0 end "
          + "redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1";
  private static final String RELEASE =
      "if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('del', KEYS[1]) end return 1";

  private final RedisClusterCommands<String, String> commands;
  private final Map<String, String> digests = new ConcurrentHashMap<>();
  private final Runnable shutdown;
  private final String prefix;

  /**
   * Connects to {@code uri}: one server, or the master the Sentinels of a {@code redis-sentinel://}
   * URI name, as Lettuce reads it.
   *
   * @param prefix put before every key, so that several applications can share one Redis
   * @throws StateUnavailableException when Redis cannot be reached
   */
  public static RedisStateStore connect(RedisURI uri, String prefix) {
    RedisClient client = RedisClient.create(uri);
    try {
      StatefulRedisConnection<String, String> connection = client.connect();
      return new RedisStateStore(
          connection.sync(),
          () -> {
            connection.close();
            client.shutdown();
          },
          prefix);
    } catch (RedisException e) {
      client.shutdown();
      throw new StateUnavailableException(
          "cannot connect to Redis at " + redacted(uri) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Connects to a Redis Cluster through {@code uri}, one of its nodes. Every script touches one
   * key, so each runs on the node that holds it.
   *
   * @throws StateUnavailableException when the cluster cannot be reached
   */
  public static RedisStateStore connectCluster(RedisURI uri, String prefix) {
    RedisClusterClient client = RedisClusterClient.create(uri);
    try {
      StatefulRedisClusterConnection<String, String> connection = client.connect();
      return new RedisStateStore(
          connection.sync(),
          () -> {
            connection.close();
            client.shutdown();
          },
          prefix);
    } catch (RedisException e) {
      client.shutdown();
      throw new StateUnavailableException(
          "cannot connect to the Redis Cluster at " + redacted(uri) + ": " + e.getMessage(), e);
    }
  }

  private RedisStateStore(
      RedisClusterCommands<String, String> commands, Runnable shutdown, String prefix) {
    this.commands = commands;
    this.shutdown = shutdown;
    this.prefix = Objects.requireNonNull(prefix, "prefix");
  }

  @Override
  public Optional<Versioned> get(String key) {
    return call(
        "get " + key,
        redis -> {
          List<String> fields =
              redis.hmget(value(key), "v", "n").stream()
                  .map(kv -> kv.getValueOrElse(null))
                  .toList();
          if (fields.get(0) == null || fields.get(1) == null) {
            return Optional.empty();
          }
          return Optional.of(new Versioned(fields.get(0), Long.parseLong(fields.get(1))));
        });
  }

  @Override
  public boolean create(String key, String value, Duration ttl) {
    return script("create " + key, CREATE, value(key), value, version(), millis(ttl));
  }

  @Override
  public boolean replace(String key, long expected, String value, Duration ttl) {
    return script(
        "replace " + key,
        REPLACE,
        value(key),
        String.valueOf(expected),
        value,
        version(),
        millis(ttl));
  }

  @Override
  public boolean delete(String key, long expected) {
    return script("delete " + key, DELETE, value(key), String.valueOf(expected));
  }

  @Override
  public boolean claim(String identity, Duration window) {
    return call(
        "claim",
        redis -> "OK".equals(redis.set(claim(identity), "1", SetArgs.Builder.nx().px(window))));
  }

  @Override
  public void unclaim(String identity) {
    call("unclaim", redis -> redis.del(claim(identity)));
  }

  @Override
  public void add(String key, String member, Duration ttl) {
    script("add to " + key, ADD, set(key), member, millis(ttl));
  }

  @Override
  public void remove(String key, String member) {
    call("remove from " + key, redis -> redis.srem(set(key), member));
  }

  @Override
  public Set<String> members(String key) {
    return call("members of " + key, redis -> Set.copyOf(redis.smembers(set(key))));
  }

  @Override
  public boolean lease(String name, String holder, Duration ttl) {
    return script("lease " + name, LEASE, lease(name), holder, millis(ttl));
  }

  @Override
  public void release(String name, String holder) {
    script("release " + name, RELEASE, lease(name), holder);
  }

  @Override
  public void close() {
    shutdown.run();
  }

  private boolean script(String what, String script, String key, String... args) {
    String[] keys = {key};
    return call(
        what,
        redis -> {
          Long written;
          try {
            // By digest: the script's text crosses the wire only when the server lacks it (after
            // a restart, or on a new cluster node), not on every write.
            written =
                redis.evalsha(
                    digests.computeIfAbsent(script, redis::digest),
                    ScriptOutputType.INTEGER,
                    keys,
                    args);
          } catch (RedisNoScriptException e) {
            written = redis.eval(script, ScriptOutputType.INTEGER, keys, args);
          }
          return written != null && written == 1L;
        });
  }

  private <T> T call(String what, Function<RedisClusterCommands<String, String>, T> command) {
    try {
      return command.apply(commands);
    } catch (RedisException e) {
      throw new StateUnavailableException(
          "Redis state store failed to " + what + ": " + e.getMessage(), e);
    }
  }

  private String value(String key) {
    return prefix + "value:" + key;
  }

  private String claim(String identity) {
    return prefix + "claim:" + identity;
  }

  private String set(String key) {
    return prefix + "set:" + key;
  }

  private String lease(String name) {
    return prefix + "lease:" + name;
  }

  private static String version() {
    return String.valueOf(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
  }

  private static String millis(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a time to live must be positive, was " + ttl);
    }
    return String.valueOf(Math.max(1, ttl.toMillis()));
  }

  /** Where the URI points, without its credentials, for messages and logs. */
  static String redacted(RedisURI uri) {
    return uri.getSentinels().isEmpty()
        ? uri.getHost() + ":" + uri.getPort()
        : "the sentinels of " + uri.getSentinelMasterId();
  }
}
