package dev.switchboard.state.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Call;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Say;
import dev.switchboard.state.InMemoryCallbackBindings;
import dev.switchboard.state.StoredCallbackBindings;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.ManualClock;
import dev.switchboard.testkit.simulator.VoxtelesysSimulator;
import dev.switchboard.voxtelesys.VoxtelesysProvider;
import dev.switchboard.webhook.WebhookRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two replicas of a Voxtelesys application sharing one real Redis, behind a load balancer. */
class VoxtelesysReplicasTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String KEY = "replicas-api-key";
  private static final CallFlow MENU =
      CallFlow.of(Gather.builder().say("Press 1.").branch("1", Say.of("One.")).build());
  private static TestRedis redis;

  /** The replicas' clock for callback bindings, so that a grace period can pass in a test. */
  private final ManualClock clock = new ManualClock(Instant.now());

  private VoxtelesysSimulator simulator;
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
    simulator = new VoxtelesysSimulator(KEY);
    simulator.start();
    replicas = new Replicas(redis, 2, this::client);
  }

  private VoiceClient client(URI webhooks, RedisStateStore state, Consumer<CallEvent> onEvent) {
    return Switchboard.builder()
        .provider(new VoxtelesysProvider())
        .state(state)
        .callbackBindings(
            new StoredCallbackBindings(
                state,
                clock,
                InMemoryCallbackBindings.DEFAULT_GRACE,
                InMemoryCallbackBindings.DEFAULT_LIFETIME,
                InMemoryCallbackBindings.DEFAULT_HOLD))
        .config(
            SwitchboardConfig.of(
                Map.of(
                    VoxtelesysProvider.API_KEY,
                    KEY,
                    VoxtelesysProvider.BASE_URL,
                    simulator.baseUrl().toString(),
                    VoxtelesysProvider.POLL_INTERVAL_MS,
                    "50",
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

  private void awaitEnd(String callId) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!replicas.delivered(CallEnded.class).containsKey(callId)) {
      assertThat(System.nanoTime()).as("CallEnded of " + callId).isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  @Test
  @DisplayName("A call placed by a replica that then stopped still has its end reported, once")
  void survivorReportsTheEnd() throws Exception {
    simulator.scriptNextCall(Callee.builder().presses("1").build());
    Call call = replicas.client(0).placeCall("+15550001111", "+15556667777", MENU);
    replicas.stop(0);
    simulator.awaitTranscript(call.id(), WAIT);
    awaitEnd(call.id());
    assertThat(replicas.delivered(CallEnded.class)).containsEntry(call.id(), 1);
  }

  @Test
  @DisplayName(
      "A callback re-sent ten times over both replicas yields one event; once its call has ended"
          + " and the grace period passed, its URL is refused by every replica")
  void retriesAndEndedUrls() {
    simulator.scriptNextCall(Callee.builder().presses("1").build());
    Call call = replicas.client(0).placeCall("+15550001111", "+15556667777", MENU);
    simulator.awaitTranscript(call.id(), WAIT);
    awaitEnd(call.id());
    WebhookRequest gathered =
        replicas.front().received().stream()
            .filter(r -> r.bodyText().contains("complete_input"))
            .findFirst()
            .orElseThrow();
    for (int i = 0; i < 9; i++) {
      assertThat(replicas.front().resend(gathered).status()).isEqualTo(200);
    }
    assertThat(replicas.delivered(DigitsGathered.class)).containsEntry(call.id(), 1);

    clock.advance(InMemoryCallbackBindings.DEFAULT_GRACE.plusSeconds(1));
    for (int replica = 0; replica < 2; replica++) {
      assertThat(LoadBalancer.sendTo(replicas.url(replica), gathered).status())
          .as("replica " + replica)
          .isEqualTo(403);
    }
    assertThat(replicas.delivered(DigitsGathered.class)).containsEntry(call.id(), 1);
  }
}
