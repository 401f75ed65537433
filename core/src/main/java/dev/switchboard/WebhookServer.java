package dev.switchboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.event.WebhookRequest;
import dev.switchboard.event.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server, on the JDK's own {@code com.sun.net.httpserver}, that hands every request to
 * {@link VoiceClient#handleWebhook} and answers with its response. An application needs nothing
 * else to receive calls and events.
 *
 * <p>The JDK server holds small responses about 40 ms waiting for the peer's acknowledgement unless
 * TCP_NODELAY is on; on a phone line that is audible dead air at every step. This class turns it on
 * ({@code sun.net.httpserver.nodelay=true}) before the first server is created, unless the
 * application set the property itself. The JDK reads it once per process, so a JDK HTTP server
 * created earlier elsewhere decides it for everyone.
 */
public final class WebhookServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);

  /** Bodies larger than this are refused with 413; vendors' callbacks are a few hundred bytes. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** How much of a too-large body is read and thrown away so that the client gets the 413. */
  private static final long MAX_DISCARDED_BYTES = 16L * MAX_BODY_BYTES;

  static {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;

  private WebhookServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a server for {@code client} on all interfaces at {@code port} (0 for any free port). */
  public static WebhookServer start(VoiceClient client, int port) throws IOException {
    return start(client, new InetSocketAddress(port), 8);
  }

  /**
   * Starts a server for {@code client} at {@code address}, handling up to {@code threads} requests
   * at once.
   */
  public static WebhookServer start(VoiceClient client, InetSocketAddress address, int threads)
      throws IOException {
    return start(request -> client.handleWebhook(request).response(), address, threads);
  }

  /**
   * Starts a server that answers every request with {@code handler}, for adapters and test servers
   * that need the same HTTP handling without a {@link VoiceClient} (or before one exists). The
   * handler must not throw; if it does, the request is answered 500.
   */
  public static WebhookServer start(
      Function<WebhookRequest, WebhookResponse> handler, InetSocketAddress address, int threads)
      throws IOException {
    HttpServer server = HttpServer.create(address, 128);
    ExecutorService executor = Executors.newFixedThreadPool(threads, new DaemonThreads());
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(handler, exchange));
    server.start();
    LOG.info("Webhook server listening on port {}", server.getAddress().getPort());
    return new WebhookServer(server, executor);
  }

  private static void handle(
      Function<WebhookRequest, WebhookResponse> handler, HttpExchange exchange) throws IOException {
    try (exchange) {
      WebhookResponse response;
      byte[] body = readBody(exchange.getRequestBody());
      if (body == null) {
        // Closing the connection on unread request bytes resets it, and the client loses the 413
        // it was about to read; so read the rest, up to a bound, before answering.
        discard(exchange.getRequestBody(), MAX_DISCARDED_BYTES);
        response = new WebhookResponse(413, "text/plain; charset=utf-8", "body too large");
      } else {
        response = respond(handler, exchange, body);
      }
      byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private static WebhookResponse respond(
      Function<WebhookRequest, WebhookResponse> handler, HttpExchange exchange, byte[] body) {
    try {
      WebhookRequest request =
          WebhookRequest.builder()
              .method(exchange.getRequestMethod())
              .uri(exchange.getRequestURI())
              .headers(exchange.getRequestHeaders())
              .body(body)
              .build();
      return handler.apply(request);
    } catch (RuntimeException e) {
      // VoiceClient maps its own failures; this catches the rest, e.g. a malformed URI.
      LOG.error("Webhook request failed", e);
      return WebhookResponse.serverError();
    }
  }

  /** The body, or null when it is larger than {@link #MAX_BODY_BYTES}. */
  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private static void discard(InputStream in, long limit) throws IOException {
    byte[] buffer = new byte[8192];
    long left = limit;
    int read;
    while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
      left -= read;
    }
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The server's loopback URL, e.g. {@code http://127.0.0.1:8080}, for tests and local tools. */
  public URI localUrl() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /**
   * Lets the requests being handled finish (for up to five seconds), refuses new ones, and stops.
   * The handler pool is drained first because the JDK server's own {@code stop(delay)} waits the
   * whole delay on Java 17 even when nothing is running.
   */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      server.stop(0);
    }
  }

  private static final class DaemonThreads implements ThreadFactory {
    private static final AtomicInteger COUNT = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "switchboard-webhook-" + COUNT.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
