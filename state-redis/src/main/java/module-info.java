/**
 * Switchboard's shared state on Redis: {@code switchboard.state=redis} and {@code
 * switchboard.state.redis.url}. See {@code docs/deployment.md}.
 */
module dev.switchboard.state.redis {
  requires transitive dev.switchboard;
  requires lettuce.core;

  exports dev.switchboard.state.redis;

  provides dev.switchboard.state.StateStoreFactory with
      dev.switchboard.state.redis.RedisStateStoreFactory;
}
