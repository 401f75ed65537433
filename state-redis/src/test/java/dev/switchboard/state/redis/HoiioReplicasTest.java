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
import java.util.concurrent.atomic.AtomicReference;
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
  private HoiioSimulator simulator;
  private LoadBalancer front;

  /** One replica: its client, its webhook server and its own connection to Redis. */
  private record Replica(
      AtomicReference<VoiceClient> client, WebhookServer server, RedisStateStore state) {}

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
    for (int i = 0; i < 2; i++) {
      AtomicReference<VoiceClient> client = new AtomicReference<>();
      WebhookServer server =
          WebhookServer.start(
              request ->
                  client.get() == null
                      ? WebhookResponse.unavailable()
                      : client.get().handleWebhook(request).response(),
              new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
              16);
      replicas.add(
          new Replica(
              client, server, RedisStateStore.connect(RedisURI.create(redis.url()), prefix)));
    }
    front = new LoadBalancer(replicas.stream().map(r -> r.server().localUrl()).toList(), 20261205L);
    for (Replica replica : replicas) {
      replica.client().set(client(replica.state()));
    }
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
      replica.client().get().close();
      replica.server().close();
      replica.state().close();
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
    assertThat(front.forwardedTo(0)).isGreaterThan(calls / 2);
    assertThat(front.forwardedTo(1)).isGreaterThan(calls / 2);
    Map<String, Long> left = keysAndTtls();
    // The calls' own state is gone with them; what is left (ended bindings, the ledger, the
    // flow) is there for re-sent callbacks and ends on its own.
    assertThat(left.keySet())
        .noneMatch(key -> key.contains("hoiio:call:") || key.contains("hoiio:session:"))
        .anyMatch(key -> key.contains("hoiio:flow:"));
    assertThat(left).allSatisfy((key, ttl) -> assertThat(ttl).as(key).isPositive());
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
