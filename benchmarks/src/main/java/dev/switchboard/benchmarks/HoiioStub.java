package dev.switchboard.benchmarks;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.hoiio.HoiioProvider;
import dev.switchboard.state.StateStore;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hoiio's block API reduced to answering {@code success_ok} at once, remembering the last notify
 * URL: what a benchmark needs to measure the library's own time per notification, the vendor's time
 * taken out.
 */
final class HoiioStub implements AutoCloseable {
  private final AtomicInteger sessions = new AtomicInteger();
  private final WebhookServer server;
  private volatile URI lastNotifyUrl;
  private final Map<String, URI> notifyUrls = new ConcurrentHashMap<>();

  HoiioStub() {
    try {
      server =
          WebhookServer.start(
              this::answer, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private WebhookResponse answer(WebhookRequest request) {
    String notify = request.parameters().get("notify_url");
    boolean dial = request.path().endsWith("/dial");
    String session =
        dial ? "S-" + sessions.incrementAndGet() : request.parameters().getOrDefault("session", "");
    if (notify != null) {
      lastNotifyUrl = URI.create(notify);
      notifyUrls.put(session, lastNotifyUrl);
    }
    String body =
        dial
            ? "{\"status\":\"success_ok\",\"txn_ref\":\"T-1\",\"session\":\"" + session + "\"}"
            : "{\"status\":\"success_ok\"}";
    return new WebhookResponse(200, "application/json", body);
  }

  /** The base URL to configure as {@code switchboard.hoiio.base-url}. */
  String baseUrl() {
    return server.localUrl() + "/open/";
  }

  /** A Hoiio client sending its blocks here, keeping its calls in {@code state}. */
  VoiceClient connect(StateStore state) {
    return Switchboard.builder()
        .provider(new HoiioProvider())
        .state(state)
        .config(
            SwitchboardConfig.of(
                Map.of(
                    HoiioProvider.APP_ID, "bench-app",
                    HoiioProvider.ACCESS_TOKEN, "bench-token",
                    HoiioProvider.BASE_URL, baseUrl(),
                    SwitchboardConfig.WEBHOOK_BASE_URL, "https://app.example/hooks",
                    SwitchboardConfig.WEBHOOK_SECRET, "benchmark-webhook-secret")))
        .build();
  }

  /** The notify URL of the last block sent. */
  URI lastNotifyUrl() {
    return lastNotifyUrl;
  }

  /** The notify URL of the last block sent for {@code session}. */
  URI notifyUrl(String session) {
    return notifyUrls.get(session);
  }

  /**
   * Hoiio's notification that {@code session}'s Play block is done, posted to {@code notify} as the
   * client's webhook server would hand it over.
   */
  static WebhookRequest playDone(URI notify, String session) {
    return WebhookRequest.builder()
        .method("POST")
        .uri(notify.getRawPath() + "?" + notify.getRawQuery())
        .form(
            Map.of(
                "ivr_block", "play",
                "session", session,
                "txn_ref", "T-1",
                "call_state", "ongoing"))
        .build();
  }

  /** The session the last Dial was answered with. */
  String lastSession() {
    return "S-" + sessions.get();
  }

  @Override
  public void close() {
    server.close();
  }
}
