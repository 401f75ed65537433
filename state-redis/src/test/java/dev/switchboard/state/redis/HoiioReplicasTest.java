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
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of a Hoiio application sharing one real Redis; Hoiio's notifications reach them
 * through a load balancer that picks one at random for each.
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
  private static final Callee CALLEE = Callee.builder().presses("1").build();
  private static TestRedis redis;

  private HoiioSimulator simulator;
  private Replicas replicas;

  @BeforeAll
  static void startRedis() {
    redis = new TestRedis();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void start() {
    simulator = new HoiioSimulator(APP, TOKEN);
    simulator.start();
    replicas = new Replicas(redis, 2, this::client);
  }

  private VoiceClient client(URI webhooks, RedisStateStore state, Consumer<CallEvent> onEvent) {
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
                    webhooks + "/hooks",
                    SwitchboardConfig.WEBHOOK_SECRET,
                    "replicas-webhook-secret")))
        .onEvent(onEvent)
        .build();
  }

  @AfterEach
  void stop() {
    replicas.close();
    simulator.close();
  }

  @Test
  @DisplayName(
      "1,000 concurrent calls with notifications spread at random over two replicas give the"
          + " single-instance transcripts, every event once, and leave nothing without a TTL")
  void thousandCallsOverTwoReplicas() throws Exception {
    int calls = 1000;
    Transcript expected = ReferenceInterpreter.run(FLOW, CALLEE);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<String>> placed = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      simulator.scriptNextCall(CALLEE);
      VoiceClient placer = replicas.client(i % 2);
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
    for (Class<? extends CallEvent> type :
        List.of(CallAnswered.class, DigitsGathered.class, CallEnded.class)) {
      Map<String, Integer> byCall = replicas.delivered(type);
      assertThat(byCall.keySet()).as(type.getSimpleName()).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(byCall.values().stream().distinct()).as(type.getSimpleName()).containsExactly(1);
    }
    assertThat(replicas.front().forwardedTo(replicas.url(0))).isGreaterThan(calls / 2);
    assertThat(replicas.front().forwardedTo(replicas.url(1))).isGreaterThan(calls / 2);
    Map<String, Long> left = replicas.keysAndTtls();
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
    Transcript expected = ReferenceInterpreter.run(FLOW, CALLEE);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      simulator.scriptNextCall(CALLEE);
      ids.add(replicas.client(0).placeCall("+6560000000", "+6561234567", FLOW).id());
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (replicas.front().forwarded() < calls) {
      assertThat(System.nanoTime()).as("the calls get going").isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    int fresh = replicas.restart(0);
    for (String id : ids) {
      assertThat(simulator.awaitTranscript(id, WAIT)).as(id).isEqualTo(expected);
    }
    Map<String, Integer> ended = replicas.delivered(CallEnded.class);
    assertThat(ended.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(ended.values().stream().distinct()).containsExactly(1);
    assertThat(replicas.front().forwardedTo(replicas.url(fresh)))
        .as("the new replica took the calls over")
        .isPositive();
  }
}
