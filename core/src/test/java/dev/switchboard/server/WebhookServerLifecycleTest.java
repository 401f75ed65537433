package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WebhookServer binding, options and closing")
class WebhookServerLifecycleTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

  @Test
  @DisplayName("Options default to loopback, 8 threads, 1,000 connections and 10/10/30 s.")
  void defaults() {
    WebhookServer.Options options = WebhookServer.Options.builder().build();

    assertThat(options.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(options.address().getPort()).isZero();
    assertThat(options.threads()).isEqualTo(8);
    assertThat(options.maxConnections()).isEqualTo(1_000);
    assertThat(options.maxConnectionsPerClient()).isZero();
    assertThat(options.headerTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.bodyTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  @DisplayName("Options refuse values out of range.")
  void invalidOptions() {
    assertThatThrownBy(() -> WebhookServer.Options.builder().threads(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads");
    assertThatThrownBy(() -> WebhookServer.Options.builder().maxConnections(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WebhookServer.Options.builder().maxConnectionsPerClient(-1).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WebhookServer.Options.builder().headerTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WebhookServer.Options.builder().address(null).build())
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  @DisplayName("close() returns at once when no request is being handled.")
  void closeWhenIdle() throws Exception {
    WebhookServer server =
        WebhookServer.start(
            r -> WebhookResponse.text("hi"), WebhookServer.Options.builder().build());
    assertThat(send(server).statusCode()).isEqualTo(200);

    long begin = System.nanoTime();
    server.close();

    // Far below the five seconds close() grants running handlers; not a performance target.
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  @DisplayName("close() lets a request being handled finish and be answered.")
  void closeLetsHandlerFinish() throws Exception {
    CountDownLatch handling = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    WebhookServer server =
        WebhookServer.start(
            request -> {
              handling.countDown();
              try {
                release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return WebhookResponse.text("finished");
            },
            WebhookServer.Options.builder().build());
    CompletableFuture<HttpResponse<String>> response =
        http.sendAsync(request(server), HttpResponse.BodyHandlers.ofString());
    assertThat(handling.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

    CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
    awaitRefused(server.port());
    release.countDown();

    assertThat(response.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).body())
        .isEqualTo("finished");
    closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits until the server no longer accepts connections, i.e. its closing has begun. */
  private static void awaitRefused(int port) throws IOException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
      } catch (SocketException refusedOrReset) {
        // Refused once the listener is closed; reset when it closed with this connection queued.
        return;
      }
      assertThat(System.nanoTime() - deadline).as("still accepting after %s", TIMEOUT).isNegative();
    }
  }

  private HttpResponse<String> send(WebhookServer server) throws IOException, InterruptedException {
    return http.send(request(server), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(WebhookServer server) {
    return HttpRequest.newBuilder(server.localUrl().resolve("/hook"))
        .timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofString("x=1"))
        .build();
  }
}
