package dev.switchboard.hoiio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Call;
import dev.switchboard.CallStatus;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.event.CallEnded;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.Say;
import dev.switchboard.hoiio.internal.InMemoryCallStateStore;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.EventLog;
import dev.switchboard.testkit.simulator.HoiioSimulator;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An application hanging up a live call at any moment: between blocks, racing a notification, or
 * while a block plays. Hoiio's Hangup may be sent at any point (the SDK page); the call must end
 * with exactly one {@link CallEnded} and leave nothing in the store.
 */
class HoiioLiveHangupTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int RUNS = 100;

  /** Seven blocks: Dial (with the greeting), gather, play, record, play, hangup. */
  private static final CallFlow FLOW =
      CallFlow.of(
          Say.of("Welcome."),
          Gather.builder().numDigits(1).say("Press a key.").build(),
          Say.of("Thank you."),
          Play.of("https://cdn.example.com/tone.mp3"),
          Record.after(Say.of("Leave a message.")),
          Say.of("Goodbye."),
          Hangup.now());

  private HoiioSimulator simulator;
  private WebhookServer webhooks;
  private VoiceClient voice;
  private final InMemoryCallStateStore store = new InMemoryCallStateStore();
  private volatile EventLog events = new EventLog();
  private final AtomicInteger notifications = new AtomicInteger();
  private volatile CompletableFuture<String> callId = new CompletableFuture<>();
  private volatile int hangUpAt;
  private volatile boolean beforeHandling;

  @BeforeEach
  void start() throws Exception {
    simulator = new HoiioSimulator(HoiioConformanceTest.APP, HoiioConformanceTest.TOKEN);
    simulator.start();
    webhooks =
        WebhookServer.start(
            request -> {
              if (voice == null) {
                return WebhookResponse.serverError();
              }
              boolean now = notifications.incrementAndGet() == hangUpAt;
              if (now && beforeHandling) {
                hangUp();
              }
              WebhookResponse response = voice.handleWebhook(request).response();
              if (now && !beforeHandling) {
                hangUp();
              }
              return response;
            },
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            16);
    voice =
        Switchboard.builder()
            .provider(new HoiioProvider(() -> Optional.of(store)))
            .config(
                SwitchboardConfig.of(
                    Map.of(
                        HoiioProvider.APP_ID,
                        HoiioConformanceTest.APP,
                        HoiioProvider.ACCESS_TOKEN,
                        HoiioConformanceTest.TOKEN,
                        HoiioProvider.BASE_URL,
                        simulator.baseUrl() + "/open/",
                        SwitchboardConfig.WEBHOOK_BASE_URL,
                        webhooks.localUrl() + "/hooks",
                        SwitchboardConfig.WEBHOOK_SECRET,
                        "live-hangup-webhook-secret")))
            .onEvent(event -> events.accept(event))
            .build();
  }

  private void hangUp() {
    try {
      voice.hangup(callId.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    } catch (Exception e) {
      throw new AssertionError("the hang-up failed", e);
    }
  }

  @AfterEach
  void stop() {
    voice.close();
    webhooks.close();
    simulator.close();
  }

  @Test
  @DisplayName(
      "A live hang-up at any point of any block ends the call with one CallEnded and no state")
  void hangUpAnywhere() {
    Random seeds = new Random(20261205L);
    for (int run = 0; run < RUNS; run++) {
      // Hang up when the n-th notification arrives, before or after the runner handles it (so
      // racing the next block, or while it plays); n past the last means "never by notification",
      // and the hang-up is sent straight after the call is placed, while the Dial rings.
      hangUpAt = 1 + seeds.nextInt(7);
      beforeHandling = seeds.nextBoolean();
      notifications.set(0);
      events = new EventLog();
      callId = new CompletableFuture<>();
      simulator.scriptNextCall(Callee.builder().presses("5").build());
      Call call = voice.placeCall("+6560000000", "+6561234567", FLOW);
      callId.complete(call.id());
      if (hangUpAt == 7) {
        hangUp();
      }
      String where =
          "run " + run + ": notification " + hangUpAt + (beforeHandling ? " before" : " after");
      CallEnded end;
      try {
        end = events.awaitEnd(call.id(), WAIT);
      } catch (AssertionError e) {
        throw new AssertionError(
            where
                + "; Hoiio answered "
                + simulator.statuses(call.id())
                + "; "
                + e.getMessage()
                + "\n"
                + simulator.wireText(),
            e);
      }
      // The simulator's run is over once its last notification has been answered, so anything
      // the runner would still report has been reported by then.
      simulator.awaitTranscript(call.id(), WAIT);
      assertThat(end.status()).as(where).isEqualTo(CallStatus.COMPLETED);
      assertThat(events.events().stream().filter(CallEnded.class::isInstance)).as(where).hasSize(1);
      assertThat(store.size()).as(where + ": calls left in the store").isZero();
    }
  }
}
