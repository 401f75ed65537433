package dev.switchboard.state.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.event.CallAnswered;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Say;
import dev.switchboard.hoiio.HoiioProvider;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.ReferenceInterpreter;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.simulator.HoiioSimulator;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of an application, each a {@link VoiceClient} with its own webhook server, sharing
 * one real Redis; Hoiio's notifications reach them through a load balancer that picks one at random
 * for each.
 */
class HoiioReplicasTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String APP = "replicas-app";
  private static final String TOKEN = "replicas-token";
  private static final CallFlow FLOW =
      CallFlow.of(
          Say.of("Hello."),
          Gather.builder().say("Press 1.").branch("1", Say.of("One.")).build(),
          Say.of("Other."));
  private static TestRedis redis;

  private final String prefix = "replicas-" + UUID.randomUUID() + ":";
  private final List<Replica> replicas = new ArrayList<>();
  private final Map<Class<?>, Map<String, Integer>> delivered = new ConcurrentHashMap<>();
  private final List<Replica> stopped = new ArrayList<>();
  private HoiioSimulator simulator;
  private LoadBalancer front;

  /**
   * One replica: its client, its webhook server, its own connection to Redis, and how many requests
   * it is handling, so that it can be stopped the way a rolling restart does (taken out of the
   * balancer, drained, then stopped).
   */
  private record Replica(
      AtomicReference<VoiceClient> client,
      WebhookServer server,
      RedisStateStore state,
      AtomicInteger handling) {
    void stop() {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (handling.get() > 0) {
        assertThat(System.nanoTime()).as("the replica drains").isLessThan(deadline);
        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
      }
      client.get().close();
      server.close();
      state.close();
    }
  }

  @BeforeAll
  static void startRedis() {
    redis = new TestRedis();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void start() throws IOException {
    simulator = new HoiioSimulator(APP, TOKEN);
    simulator.start();
    replicas.add(replica());
    replicas.add(replica());
    front = new LoadBalancer(List.of(url(0), url(1)), 20261205L);
    for (Replica replica : replicas) {
      replica.client().set(client(replica.state()));
    }
  }

  /** A replica whose server answers 503 until its client is set. */
  private Replica replica() throws IOException {
    AtomicReference<VoiceClient> client = new AtomicReference<>();
    AtomicInteger handling = new AtomicInteger();
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
        client, server, RedisStateStore.connect(RedisURI.create(redis.url()), prefix), handling);
  }

  private URI url(int replica) {
    return replicas.get(replica).server().localUrl();
  }

  private VoiceClient client(RedisStateStore state) {
    return Switchboard.builder()
        .provider(new HoiioProvider())
        .state(state)
        .config(
            SwitchboardConfig.of(
                Map.of(
                    HoiioProvider.APP_ID,
                    APP,
                    HoiioProvider.ACCESS_TOKEN,
                    TOKEN,
                    HoiioProvider.BASE_URL,
                    simulator.baseUrl() + "/open/",
                    SwitchboardConfig.WEBHOOK_BASE_URL,
                    front.url() + "/hooks",
                    SwitchboardConfig.WEBHOOK_SECRET,
                    "replicas-webhook-secret")))
        .onEvent(this::count)
        .build();
  }

  private void count(CallEvent event) {
    delivered
        .computeIfAbsent(event.getClass(), type -> new ConcurrentHashMap<>())
        .merge(event.callId(), 1, Integer::sum);
  }

  @AfterEach
  void stop() {
    front.close();
    for (Replica replica : replicas) {
      if (!stopped.contains(replica)) {
        replica.stop();
      }
    }
    simulator.close();
  }

  @Test
  @DisplayName(
      "1,000 concurrent calls with notifications spread at random over two replicas give the"
          + " single-instance transcripts, every event once, and leave nothing without a TTL")
  void thousandCallsOverTwoReplicas() throws Exception {
    int calls = 1000;
    Callee callee = Callee.builder().presses("1").build();
    Transcript expected = ReferenceInterpreter.run(FLOW, callee);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<String>> placed = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      simulator.scriptNextCall(callee);
      VoiceClient placer = replicas.get(i % 2).client().get();
      placed.add(pool.submit(() -> placer.placeCall("+6560000000", "+6561234567", FLOW).id()));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> id : placed) {
      ids.add(id.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }
    pool.shutdown();
    for (String id : ids) {
      assertThat(simulator.awaitTranscript(id, WAIT)).as(id).isEqualTo(expected);
    }
    for (Class<?> type : List.of(CallAnswered.class, DigitsGathered.class, CallEnded.class)) {
      Map<String, Integer> byCall = delivered.getOrDefault(type, Map.of());
      assertThat(byCall.keySet()).as(type.getSimpleName()).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(byCall.values().stream().distinct()).as(type.getSimpleName()).containsExactly(1);
    }
    assertThat(front.forwardedTo(url(0))).isGreaterThan(calls / 2);
    assertThat(front.forwardedTo(url(1))).isGreaterThan(calls / 2);
    Map<String, Long> left = keysAndTtls();
    // The calls' own state is gone with them; what is left (ended bindings, the ledger, the
    // flow) is there for re-sent callbacks and ends on its own.
    assertThat(left.keySet())
        .noneMatch(key -> key.contains("hoiio:call:") || key.contains("hoiio:session:"))
        .anyMatch(key -> key.contains("hoiio:flow:"));
    assertThat(left).allSatisfy((key, ttl) -> assertThat(ttl).as(key).isPositive());
  }

  @Test
  @DisplayName(
      "A replica stopped in the middle of 100 calls, and a new one started on the same Redis:"
          + " every call completes, every event once")
  void restartMidway() throws Exception {
    // Blocks take a while, so that the restart falls in the middle of the calls.
    simulator.blockTime(Duration.ofMillis(30));
    int calls = 100;
    Callee callee = Callee.builder().presses("1").build();
    Transcript expected = ReferenceInterpreter.run(FLOW, callee);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      simulator.scriptNextCall(callee);
      ids.add(replicas.get(0).client().get().placeCall("+6560000000", "+6561234567", FLOW).id());
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (front.forwarded() < calls) {
      assertThat(System.nanoTime()).as("the calls get going").isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    // The rolling restart: replica 0 out of the balancer, drained and stopped; a new one in.
    front.route(List.of(url(1)));
    front.drain(url(0));
    Replica old = replicas.get(0);
    old.stop();
    stopped.add(old);
    Replica fresh = replica();
    fresh.client().set(client(fresh.state()));
    replicas.add(fresh);
    front.route(List.of(url(2)));
    for (String id : ids) {
      assertThat(simulator.awaitTranscript(id, WAIT)).as(id).isEqualTo(expected);
    }
    assertThat(delivered.get(CallEnded.class).keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(delivered.get(CallEnded.class).values().stream().distinct()).containsExactly(1);
    assertThat(front.forwardedTo(url(2))).as("the new replica took calls over").isPositive();
  }

  /** Every key under this test's prefix, with its time to live in milliseconds (-1: none). */
  private Map<String, Long> keysAndTtls() {
    RedisClient client = RedisClient.create(redis.url());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return connection.sync().keys(prefix + "*").stream()
          .collect(Collectors.toMap(key -> key, key -> connection.sync().pttl(key)));
    } finally {
      client.shutdown();
    }
  }
}
