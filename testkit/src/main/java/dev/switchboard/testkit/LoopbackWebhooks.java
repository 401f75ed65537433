package dev.switchboard.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import dev.switchboard.webhook.WebhookSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * A webhook server on loopback that hands every request to a {@link VoiceClient} and remembers what
 * vendors delivered, for tests that attack callback URLs over real HTTP: re-send a delivered
 * callback, forge one on a signed URL, and count what reached the application.
 */
public final class LoopbackWebhooks implements AutoCloseable {
  /** The path of {@link #baseUrl()}: the prefix every signed callback URL starts with. */
  public static final String BASE_PATH = "/hooks";

  private final WebhookServer server;

  /** The signing key of every client {@link #connect} makes. */
  public static final String SECRET = "loopback-webhook-secret";

  private final AtomicReference<VoiceClient> client = new AtomicReference<>();
  private final List<VoiceClient> connected = new CopyOnWriteArrayList<>();
  private final List<WebhookRequest> delivered = new CopyOnWriteArrayList<>();

  private LoopbackWebhooks() {
    try {
      server =
          WebhookServer.start(
              this::deliver, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a loopback webhook server", e);
    }
  }

  /** Starts a server on a free loopback port. */
  public static LoopbackWebhooks start() {
    return new LoopbackWebhooks();
  }

  private WebhookResponse deliver(WebhookRequest request) {
    VoiceClient current = client.get();
    if (current == null) {
      return WebhookResponse.serverError();
    }
    delivered.add(request);
    return current.handleWebhook(request).response();
  }

  /** Hands requests to {@code voice} from now on. */
  public void routeTo(VoiceClient voice) {
    client.set(voice);
  }

  /**
   * Builds {@code builder}'s client with {@code providerConfig} and this server's webhook base URL
   * and {@link #SECRET}, hands this server's requests to it, and closes it when the server closes.
   */
  public VoiceClient connect(Switchboard.Builder builder, Map<String, String> providerConfig) {
    Map<String, String> config = new HashMap<>(providerConfig);
    config.put(SwitchboardConfig.WEBHOOK_BASE_URL, baseUrl().toString());
    config.put(SwitchboardConfig.WEBHOOK_SECRET, SECRET);
    VoiceClient voice = builder.config(SwitchboardConfig.of(config)).build();
    connected.add(voice);
    routeTo(voice);
    return voice;
  }

  /** The value for {@code switchboard.webhook.base-url}. */
  public URI baseUrl() {
    return URI.create(server.localUrl() + BASE_PATH);
  }

  /** Every request received so far, in order, as the server read it. */
  public List<WebhookRequest> delivered() {
    return List.copyOf(delivered);
  }

  /**
   * The first request received on {@code path} (below the base URL) whose query or body contains
   * {@code part}.
   */
  public WebhookRequest deliveredTo(String path, String part) {
    return delivered.stream()
        .filter(r -> r.path().equals(BASE_PATH + path))
        .filter(r -> r.bodyText().contains(part) || String.valueOf(r.uri()).contains(part))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "nothing with '" + part + "' was delivered to " + path + ": " + delivered));
  }

  /** Sends {@code request} to this server over HTTP. */
  public CallbackDisguises.Answer send(WebhookRequest request) {
    return CallbackDisguises.send(server.localUrl(), request);
  }

  /**
   * POSTs {@code body} to the signed URL {@code to} was sent to, keeping only the signature's
   * parameters of its query: a forgery by someone who holds the URL.
   */
  public CallbackDisguises.Answer forge(WebhookRequest to, String contentType, String body) {
    String signedOnly =
        to.query().entrySet().stream()
            .filter(
                e ->
                    e.getKey().equals(WebhookSigner.CALL_PARAMETER)
                        || e.getKey().equals(WebhookSigner.SIGNATURE_PARAMETER))
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().get(0), UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        WebhookRequest.builder()
            .uri(to.uri().getRawPath() + "?" + signedOnly)
            .body(contentType, body)
            .build());
  }

  /**
   * Re-sends {@code genuine} ten times in every {@linkplain CallbackDisguises disguise} and asserts
   * that the application received nothing more: every replay is answered as before (200), refused
   * (403), or, with a method the vendor never uses, refused with 405.
   *
   * @param events the events the application received
   */
  public void assertNoReplayReaches(WebhookRequest genuine, EventLog events) {
    int before = events.size();
    for (CallbackDisguises.Disguise disguise : CallbackDisguises.of(genuine, BASE_PATH)) {
      for (int i = 0; i < 10; i++) {
        CallbackDisguises.Answer answer = send(disguise.request());
        int status = answer.status();
        if (disguise.name().startsWith("with method")) {
          assertEquals(405, status, disguise.name());
          assertTrue(
              answer.allow().contains(genuine.method()),
              () -> disguise.name() + ": Allow was '" + answer.allow() + "'");
        } else {
          assertTrue(status == 200 || status == 403, disguise.name() + " was answered " + status);
        }
      }
    }
    assertEquals(
        before, events.size(), () -> "replays reached the application: " + events.events());
  }

  /** Closes the clients {@link #connect} made, then the server. */
  @Override
  public void close() {
    connected.forEach(VoiceClient::close);
    server.close();
  }
}
