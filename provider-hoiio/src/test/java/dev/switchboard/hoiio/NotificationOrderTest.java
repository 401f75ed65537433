package dev.switchboard.hoiio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Call;
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
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResult;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Notifications that arrive late, twice, or out of order: no block is sent before its predecessor's
 * notification, nothing is sent twice, and every event reaches the application once. Blocks go over
 * real HTTP to a server that accepts them; notifications are delivered through the facade exactly
 * as the webhook server hands them over, at the moments the test chooses.
 */
class NotificationOrderTest {
  private MockWebServer hoiio;
  private final List<Map<String, String>> blocks = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final List<CallEvent> events = new CopyOnWriteArrayList<>();
  private VoiceClient client;

  private SwitchboardConfig config() {
    return SwitchboardConfig.of(
        Map.of(
            HoiioProvider.APP_ID, "app",
            HoiioProvider.ACCESS_TOKEN, "token",
            HoiioProvider.BASE_URL, hoiio.url("/open/").toString(),
            SwitchboardConfig.WEBHOOK_BASE_URL, "https://app.example/hooks",
            SwitchboardConfig.WEBHOOK_SECRET, "order-test-webhook-secret"));
  }

  @BeforeEach
  void start() throws Exception {
    hoiio = new MockWebServer();
    hoiio.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            paths.add(request.getUrl().encodedPath());
            blocks.add(form(request.getBody().utf8()));
            return new MockResponse.Builder()
                .code(200)
                .body("{\"status\":\"success_ok\",\"txn_ref\":\"TX-1\",\"session\":\"S-1\"}")
                .build();
          }
        });
    hoiio.start();
    client =
        Switchboard.builder()
            .provider(HoiioProvider.ID)
            .config(config())
            .onEvent(events::add)
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    hoiio.close();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      fields.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
    }
    return fields;
  }

  /** The notification Hoiio would POST for block {@code index}, with the given parameters. */
  private WebhookRequest notification(int index, String params) {
    URI notify = URI.create(blocks.get(index).get("notify_url"));
    return WebhookRequest.builder()
        .method("POST")
        .uri(notify.getRawPath() + "?" + notify.getRawQuery() + "&" + params)
        .build();
  }

  private long count(Class<? extends CallEvent> type) {
    return events.stream().filter(type::isInstance).count();
  }

  private static final CallFlow FLOW =
      CallFlow.of(
          Gather.builder().say("Press 1.").branch("1", Say.of("One.")).build(), Say.of("Other."));

  @Test
  @DisplayName(
      "Each block waits for the notification of the one before, and repeats and stale notifications change nothing")
  void orderedAndOnce() {
    Call call = client.placeCall("+6560000000", "+6561234567", FLOW);
    assertThat(call.id()).isEqualTo("S-1");
    assertThat(paths).containsExactly("/open/ivr/start/dial");

    // Late: until the Dial's notification arrives, nothing else is sent.
    assertThat(blocks).hasSize(1);
    WebhookRequest dialAnswered =
        notification(0, "ivr_block=dial&session=S-1&call_state=ongoing&dial_status=answered");
    assertThat(client.handleWebhook(dialAnswered).response().status()).isEqualTo(200);
    assertThat(paths).containsExactly("/open/ivr/start/dial", "/open/ivr/middle/gather");

    // Twice: the same notification again sends nothing and tells nothing.
    client.handleWebhook(dialAnswered);
    // Out of order: a different, stale notification for the Dial is recognised and ignored.
    client.handleWebhook(
        notification(
            0, "ivr_block=dial&session=S-1&call_state=ongoing&dial_status=answered&date=x"));
    assertThat(paths).hasSize(2);
    assertThat(count(CallAnswered.class)).isEqualTo(1);

    WebhookRequest gathered =
        notification(1, "ivr_block=gather&session=S-1&call_state=ongoing&digits=1");
    client.handleWebhook(gathered);
    client.handleWebhook(gathered);
    assertThat(paths).hasSize(3).last().isEqualTo("/open/ivr/end/hangup");
    assertThat(blocks.get(2)).containsEntry("msg", "One.").containsEntry("session", "S-1");
    assertThat(count(DigitsGathered.class)).isEqualTo(1);

    WebhookRequest ended =
        notification(
            2, "ivr_block=hangup&session=S-1&call_state=ended&duration=1&debit=0.01&currency=SGD");
    client.handleWebhook(ended);
    client.handleWebhook(ended);
    assertThat(count(CallEnded.class)).isEqualTo(1);
    assertThat(paths).hasSize(3);
    assertThat(events).hasSize(3);
  }

  @Test
  @DisplayName("A notification delivered many times at once sends the next block once")
  void concurrentRepeats() throws Exception {
    client.placeCall("+6560000000", "+6561234567", FLOW);
    client.handleWebhook(
        notification(0, "ivr_block=dial&session=S-1&call_state=ongoing&dial_status=answered"));
    List<WebhookRequest> copies = new ArrayList<>();
    // Identical copies, and variants with different noise, racing for the same block.
    for (int i = 0; i < 8; i++) {
      copies.add(
          notification(
              1,
              "ivr_block=gather&session=S-1&call_state=ongoing&digits=1"
                  + (i % 2 == 0 ? "" : "&noise=" + i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (WebhookRequest copy : copies) {
        done.add(
            pool.submit(
                () -> {
                  go.await(5, TimeUnit.SECONDS);
                  return client.handleWebhook(copy);
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(paths)
        .containsExactly("/open/ivr/start/dial", "/open/ivr/middle/gather", "/open/ivr/end/hangup");
    assertThat(count(DigitsGathered.class)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "A notification whose signature does not match its block is refused and sends nothing")
  void forgedBlockNumber() {
    client.placeCall("+6560000000", "+6561234567", FLOW);
    URI notify = URI.create(blocks.get(0).get("notify_url"));
    String forged = notify.getRawQuery().replace(".1&", ".2&");
    assertThat(
            client
                .handleWebhook(
                    WebhookRequest.builder()
                        .uri(notify.getRawPath() + "?" + forged + "&call_state=ongoing")
                        .build())
                .response()
                .status())
        .isEqualTo(403);
    assertThat(paths).hasSize(1);
  }

  @Test
  @DisplayName(
      "A Dial notification that beats the Dial's answer waits for it, and then runs the call on")
  void notificationBeforeAnswer() throws Exception {
    AtomicReference<Future<WebhookResult>> early = new AtomicReference<>();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      hoiio.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              paths.add(request.getUrl().encodedPath());
              blocks.add(form(request.getBody().utf8()));
              if (paths.size() == 1) {
                // Hoiio notifies before its answer to the Dial arrives: deliver it now, and
                // answer only once it is waiting for the binding.
                Thread[] deliverer = new Thread[1];
                CountDownLatch started = new CountDownLatch(1);
                early.set(
                    pool.submit(
                        () -> {
                          deliverer[0] = Thread.currentThread();
                          started.countDown();
                          return client.handleWebhook(
                              notification(
                                  0,
                                  "ivr_block=dial&session=S-1&call_state=ongoing"
                                      + "&dial_status=answered"));
                        }));
                awaitWaiting(started, deliverer);
              }
              return new MockResponse.Builder()
                  .code(200)
                  .body("{\"status\":\"success_ok\",\"txn_ref\":\"TX-1\",\"session\":\"S-1\"}")
                  .build();
            }
          });

      client.placeCall("+6560000000", "+6561234567", FLOW);

      assertThat(early.get().get(10, TimeUnit.SECONDS).response().status()).isEqualTo(200);
      assertThat(paths).containsExactly("/open/ivr/start/dial", "/open/ivr/middle/gather");
      assertThat(count(CallAnswered.class)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits, with a deadline, until the delivering thread has started and is parked. */
  private static void awaitWaiting(CountDownLatch started, Thread[] thread) {
    try {
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread[0].getState() != Thread.State.TIMED_WAITING) {
      assertThat(System.nanoTime()).as("the notification never waited").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  @Test
  @DisplayName(
      "An incoming call whose first block Hoiio refuses is told as IncomingCall, then CallEnded")
  void incomingCallRefusedFirstBlock() {
    hoiio.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            paths.add(request.getUrl().encodedPath());
            String status =
                request.getUrl().encodedPath().endsWith("/hangup")
                    ? "success_ok"
                    : "error_msg_invalid_language";
            return new MockResponse.Builder()
                .code(200)
                .body("{\"status\":\"" + status + "\"}")
                .build();
          }
        });
    List<CallEvent> ordered = new CopyOnWriteArrayList<>();
    try (VoiceClient answering =
        Switchboard.builder()
            .provider(HoiioProvider.ID)
            .config(config())
            .onIncomingCall(call -> FLOW)
            .onEvent(ordered::add)
            .build()) {
      URI incoming = answering.incomingCallUrl();
      WebhookResult result =
          answering.handleWebhook(
              WebhookRequest.builder()
                  .method("POST")
                  .uri(
                      incoming.getRawPath()
                          + "?"
                          + incoming.getRawQuery()
                          + "&ivr_block=answer&session=S-9&call_state=ringing&from=%2B6561234567")
                  .build());

      assertThat(result.response().status()).isEqualTo(200);
      assertThat(ordered)
          .extracting(e -> e.getClass().getSimpleName())
          .containsExactly("IncomingCall", "CallEnded");
    }
  }
}
