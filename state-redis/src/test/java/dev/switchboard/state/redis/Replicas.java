package dev.switchboard.state.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.VoiceClient;
import dev.switchboard.event.CallEvent;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Replicas of an application sharing one Redis: each a {@link VoiceClient} with its own webhook
 * server and its own connection to Redis, behind a {@link LoadBalancer} that sends each callback to
 * one of them at random. Counts every event each delivers, by type and call.
 */
final class Replicas implements AutoCloseable {
  private static final Duration DRAIN = Duration.ofSeconds(60);

  /** Makes one replica's client, its webhooks reached at {@code webhookBase}. */
  interface ClientFactory {
    VoiceClient create(URI webhookBase, RedisStateStore state, Consumer<CallEvent> onEvent);
  }

  /** One replica, and how many requests it is handling, so that it can be drained. */
  private record Replica(
      AtomicReference<VoiceClient> client,
      WebhookServer server,
      RedisStateStore state,
      AtomicInteger handling) {}

  private final String redisUrl;
  private final String prefix = "replicas-" + UUID.randomUUID() + ":";
  private final ClientFactory factory;
  private final List<Replica> replicas = new ArrayList<>();
  private final List<Replica> running = new ArrayList<>();
  private final Map<Class<?>, Map<String, Integer>> delivered = new ConcurrentHashMap<>();
  private final LoadBalancer front;

  Replicas(TestRedis redis, int count, ClientFactory factory) {
    this.redisUrl = redis.url();
    this.factory = factory;
    for (int i = 0; i < count; i++) {
      replicas.add(replica());
    }
    running.addAll(replicas);
    front = new LoadBalancer(urls(running), 20261205L);
    replicas.forEach(this::connect);
  }

  private Replica replica() {
    AtomicReference<VoiceClient> client = new AtomicReference<>();
    AtomicInteger handling = new AtomicInteger();
    try {
      WebhookServer server =
          WebhookServer.start(
              request -> {
                handling.incrementAndGet();
                try {
                  return client.get() == null
                      ? WebhookResponse.unavailable()
                      : client.get().handleWebhook(request).response();
                } finally {
                  handling.decrementAndGet();
                }
              },
              new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
              16);
      return new Replica(
          client, server, RedisStateStore.connect(RedisURI.create(redisUrl), prefix), handling);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void connect(Replica replica) {
    replica.client().set(factory.create(front.url(), replica.state(), this::count));
  }

  private void count(CallEvent event) {
    delivered
        .computeIfAbsent(event.getClass(), type -> new ConcurrentHashMap<>())
        .merge(event.callId(), 1, Integer::sum);
  }

  private static List<URI> urls(List<Replica> replicas) {
    return replicas.stream().map(r -> r.server().localUrl()).toList();
  }

  VoiceClient client(int replica) {
    return replicas.get(replica).client().get();
  }

  URI url(int replica) {
    return replicas.get(replica).server().localUrl();
  }

  LoadBalancer front() {
    return front;
  }

  /** How many events of {@code type} each call got. */
  Map<String, Integer> delivered(Class<? extends CallEvent> type) {
    return Map.copyOf(delivered.getOrDefault(type, Map.of()));
  }

  /**
   * Stops replica {@code index} the way a rolling restart does (out of the balancer, drained,
   * stopped) and starts a new one in its place; returns the new one's index.
   */
  int restart(int index) throws InterruptedException {
    Replica old = replicas.get(index);
    running.remove(old);
    front.route(urls(running));
    front.drain(old.server().localUrl());
    stop(old);
    Replica fresh = replica();
    connect(fresh);
    replicas.add(fresh);
    running.add(fresh);
    front.route(urls(running));
    return replicas.size() - 1;
  }

  /** Stops replica {@code index} and takes it out of the balancer, with no replacement. */
  void stop(int index) throws InterruptedException {
    Replica old = replicas.get(index);
    running.remove(old);
    front.route(urls(running));
    front.drain(old.server().localUrl());
    stop(old);
  }

  private static void stop(Replica replica) {
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (replica.handling().get() > 0) {
      assertThat(System.nanoTime()).as("the replica drains").isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    replica.client().get().close();
    replica.server().close();
    replica.state().close();
  }

  /** Every key the replicas wrote, with its time to live in milliseconds (-1: none). */
  Map<String, Long> keysAndTtls() {
    RedisClient client = RedisClient.create(redisUrl);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return connection.sync().keys(prefix + "*").stream()
          .collect(Collectors.toMap(key -> key, key -> connection.sync().pttl(key)));
    } finally {
      client.shutdown();
    }
  }

  @Override
  public void close() {
    front.close();
    running.forEach(Replicas::stop);
  }
}
