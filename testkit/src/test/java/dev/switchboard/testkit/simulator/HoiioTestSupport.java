package dev.switchboard.testkit.simulator;

import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Helpers for the Hoiio simulator's tests: a client for the block API over real HTTP, and an
 * application on loopback that records notifications and, like a small runner, answers each one by
 * sending the next block of a script. Built on the shared {@link SimulatorHttp}, {@link Forms} and
 * {@link LoopbackApp}; what is here is Hoiio's own (credentials in the form, blocks,
 * notifications).
 */
final class HoiioTestSupport {
  static final String APP_ID = "app-123";
  static final String TOKEN = "token-456";
  static final Duration WAIT = Duration.ofSeconds(10);
  static final JsonMapper JSON = SimulatorHttp.JSON;

  private HoiioTestSupport() {}

  /** Parameters from alternating names and values. */
  static Map<String, String> params(String... namesAndValues) {
    return Forms.fields(namesAndValues);
  }

  static String form(Map<String, String> params) {
    return Forms.encode(params);
  }

  /**
   * A block a script sends: where (e.g. {@code middle/play}) and with what, besides the
   * credentials, {@code session} and (unless {@code notifies} is false) {@code notify_url}.
   */
  record Block(String path, Map<String, String> params, boolean notifies) {
    static Block of(String path, String... namesAndValues) {
      return new Block(path, HoiioTestSupport.params(namesAndValues), true);
    }

    /** The same block without {@code notify_url}. */
    Block silent() {
      return new Block(path, params, false);
    }
  }

  /** One notification the application received. */
  record Notification(String path, Map<String, String> params, String method, String body) {
    String get(String name) {
      return params.get(name);
    }

    boolean ended() {
      return "ended".equals(params.get("call_state"));
    }

    static Notification of(WebhookRequest request) {
      return new Notification(
          request.path(), request.parameters(), request.method(), request.bodyText());
    }
  }

  /** The simulator's block API over real HTTP, as a provider would call it. */
  static final class Api {
    private final SimulatorHttp http;

    Api(HoiioSimulator simulator) {
      this.http = new SimulatorHttp(URI.create(simulator.baseUrl() + "/open/"), null);
    }

    /** POSTs a form with the credentials added; returns the JSON answer. */
    JsonNode post(String path, Map<String, String> params) {
      Map<String, String> all = params("app_id", APP_ID, "access_token", TOKEN);
      all.putAll(params);
      return postExactly(path, all);
    }

    /** POSTs exactly these parameters; returns the JSON answer. */
    JsonNode postExactly(String path, Map<String, String> params) {
      HttpResponse<String> response =
          send(
              "POST",
              "ivr/" + path,
              "application/x-www-form-urlencoded",
              form(params).getBytes(StandardCharsets.UTF_8));
      return JSON.readTree(SimulatorHttp.expect(200, "POST " + path, response).body());
    }

    /** The {@code status} answered to a POST with the credentials added. */
    String status(String path, Map<String, String> params) {
      return post(path, params).get("status").asString();
    }

    /** Sends any request to {@code /open/} plus {@code pathAndQuery}. */
    HttpResponse<String> send(String method, String pathAndQuery, String contentType, byte[] body) {
      return http.send(method, pathAndQuery, contentType, body);
    }

    /** Dials {@code +6511111111} with these extra parameters; returns the session. */
    String dial(Map<String, String> extra) {
      Map<String, String> params = params("dest", "+6511111111");
      params.putAll(extra);
      JsonNode answer = post("start/dial", params);
      if (!answer.get("status").asString().equals("success_ok")) {
        throw new AssertionError("dial answered " + answer);
      }
      return answer.get("session").asString();
    }
  }

  /**
   * An application on loopback: records every notification and, when one says the call goes on
   * ({@code ongoing} or {@code ringing}), sends its session's next scripted block, recording the
   * status answered.
   *
   * <p>A {@link LoopbackApp} underneath receives the requests; the notifications are recorded here,
   * not from its record, because a notification goes on record only once the script's step and the
   * reaction have run: a test that has waited for a notification also sees the block sent in answer
   * and its status.
   */
  static final class App implements AutoCloseable {
    private final Object lock = new Object();
    private final List<Notification> received = new ArrayList<>();
    private final Map<String, Integer> progress = new ConcurrentHashMap<>();
    private final Map<String, List<String>> answers = new ConcurrentHashMap<>();
    private volatile Api api;
    private volatile List<Block> script = List.of();
    private volatile Consumer<Notification> reaction = n -> {};
    private final LoopbackApp loopback;

    App() {
      loopback = new LoopbackApp(16).reacting(this::receive);
    }

    /** Answers each call's notifications with these blocks, in order, sent through {@code api}. */
    App running(Api api, Block... script) {
      this.api = api;
      this.script = List.of(script);
      return this;
    }

    /** Runs {@code reaction} on every notification, after the script's step. */
    App reacting(Consumer<Notification> reaction) {
      this.reaction = reaction;
      return this;
    }

    /** An absolute URL on this application. */
    String url(String path) {
      return loopback.url(path);
    }

    /** The notify URL scripted blocks get. */
    String notifyUrl() {
      return url("/notify?sb_call=c1&sb_sig=abc");
    }

    private WebhookResponse receive(WebhookRequest request) {
      Notification notification = Notification.of(request);
      String session = notification.get("session");
      String state = notification.get("call_state");
      if (session != null && ("ongoing".equals(state) || "ringing".equals(state))) {
        int step = progress.merge(session, 1, Integer::sum) - 1;
        if (step < script.size()) {
          Block block = script.get(step);
          Map<String, String> params = params("session", session);
          if (block.notifies()) {
            params.put("notify_url", notifyUrl());
          }
          params.putAll(block.params());
          String status = api.status(block.path(), params);
          answers.computeIfAbsent(session, s -> new CopyOnWriteArrayList<>()).add(status);
        }
      }
      reaction.accept(notification);
      synchronized (lock) {
        received.add(notification);
        lock.notifyAll();
      }
      return WebhookResponse.ok();
    }

    /** The statuses the script's blocks were answered for {@code session}. */
    List<String> answers(String session) {
      return List.copyOf(answers.getOrDefault(session, List.of()));
    }

    /** Every notification so far, in order of arrival. */
    List<Notification> received() {
      synchronized (lock) {
        return List.copyOf(received);
      }
    }

    /** The notifications for {@code session}, in order. */
    List<Notification> of(String session) {
      return received().stream().filter(n -> session.equals(n.get("session"))).toList();
    }

    /** Waits until the notifications received satisfy {@code condition}. */
    List<Notification> await(Predicate<List<Notification>> condition) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      synchronized (lock) {
        while (!condition.test(List.copyOf(received))) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new AssertionError("notifications did not arrive in time; got " + received);
          }
          try {
            lock.wait(Math.max(1, left / 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
          }
        }
        return List.copyOf(received);
      }
    }

    /** Waits for {@code count} notifications for {@code session} and returns them. */
    List<Notification> await(String session, int count) {
      await(all -> all.stream().filter(n -> session.equals(n.get("session"))).count() >= count);
      return of(session);
    }

    @Override
    public void close() {
      loopback.close();
    }
  }
}
