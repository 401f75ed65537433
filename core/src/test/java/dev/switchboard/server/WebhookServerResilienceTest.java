package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Clients that send slowly, read slowly, stall or come in numbers: none of them may keep the server
 * from answering the others. Timings here are deadlines to wait within, never performance targets;
 * the figures live in the benchmarks module's load run.
 */
@DisplayName("WebhookServer under slow and numerous clients")
class WebhookServerResilienceTest {
  private static final Duration SHORT = Duration.ofMillis(300);
  private static final String PARTIAL_HEAD = "POST /echo HTTP/1.1\r\nHost: test\r\nX-Slow: ";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(RawClient.TIMEOUT)
          .build();
  private final List<RawClient> clients = new ArrayList<>();
  private WebhookServer server;
  private InetSocketAddress address;

  @AfterEach
  void stop() throws IOException {
    for (RawClient client : clients) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private void start(WebhookServer.Options.Builder options) throws IOException {
    server = WebhookServer.start(WebhookServerResilienceTest::answer, options.build());
    address = new InetSocketAddress(server.localUrl().getHost(), server.port());
  }

  /**
   * Echoes the target and body; {@code /big} answers with 16 MiB, more than the kernel buffers
   * between server and client can hold (Linux lets a socket buffer at most 4 MiB for sending by
   * default), so a client that does not read keeps most of it unsent.
   */
  private static WebhookResponse answer(WebhookRequest request) {
    if (request.path().equals("/big")) {
      return WebhookResponse.text("x".repeat(16 << 20));
    }
    return WebhookResponse.text(request.uri() + " " + request.bodyText());
  }

  private RawClient connect() throws IOException {
    return connect(new Socket());
  }

  private RawClient connect(Socket socket) throws IOException {
    RawClient client = new RawClient(address, socket);
    clients.add(client);
    return client;
  }

  private HttpResponse<String> post(String pathAndQuery, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.localUrl() + pathAndQuery))
            .timeout(RawClient.TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Until {@code within} has passed, retries a request on fresh connections until one is answered.
   */
  private RawClient.Response awaitServedOnNewConnection(Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      try (RawClient client = new RawClient(address)) {
        return client.send("GET /echo HTTP/1.1\r\nHost: test\r\n\r\n").read();
      } catch (IOException refused) {
        if (System.nanoTime() - deadline > 0) {
          throw refused;
        }
      }
    }
  }

  @Nested
  @DisplayName("Slow senders")
  class SlowSenders {
    @Test
    @DisplayName("With 200 clients dribbling request heads, 50 requests are all answered.")
    void slowClientsDoNotStarveOthers() throws Exception {
      // Head deadline well beyond the test's length, so every slow client stays open throughout.
      start(WebhookServer.Options.builder().headerTimeout(Duration.ofMinutes(1)));
      List<RawClient> slow = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        slow.add(connect().send(PARTIAL_HEAD));
      }
      ScheduledExecutorService dribble = Executors.newSingleThreadScheduledExecutor();
      ExecutorService senders = Executors.newFixedThreadPool(4);
      try {
        dribble.scheduleAtFixedRate(
            () -> {
              for (RawClient client : slow) {
                try {
                  client.send("a");
                } catch (IOException e) {
                  throw new IllegalStateException("a slow client was cut off", e);
                }
              }
            },
            0,
            100,
            TimeUnit.MILLISECONDS);

        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          String query = "/echo?n=" + i;
          responses.add(senders.submit(() -> post(query, "valid")));
        }

        for (int i = 0; i < 50; i++) {
          HttpResponse<String> response =
              responses.get(i).get(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.body()).isEqualTo("/echo?n=" + i + " valid");
        }
      } finally {
        dribble.shutdownNow();
        senders.shutdownNow();
        assertThat(dribble.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
      }
      for (RawClient client : slow) {
        assertThat(client.closedWithin(Duration.ofMillis(1)))
            .as("slow client still open")
            .isFalse();
      }
    }

    @Test
    @DisplayName("A connection that never completes its head is closed after the head deadline.")
    void headDeadline() throws Exception {
      start(WebhookServer.Options.builder().headerTimeout(SHORT));
      long begin = System.nanoTime();
      RawClient client = connect().send(PARTIAL_HEAD);

      assertThat(client.closedWithin(RawClient.TIMEOUT)).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(SHORT);
    }

    @Test
    @DisplayName("A connection that never completes its body is closed after the body deadline.")
    void bodyDeadline() throws Exception {
      start(WebhookServer.Options.builder().bodyTimeout(SHORT));
      RawClient client =
          connect().send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nabc");

      assertThat(client.closedWithin(RawClient.TIMEOUT)).isTrue();
    }

    @Test
    @DisplayName("A kept-alive connection with no next request is closed after the idle timeout.")
    void idleTimeout() throws Exception {
      start(WebhookServer.Options.builder().idleTimeout(SHORT));
      RawClient client = connect();

      assertThat(client.send("GET /echo HTTP/1.1\r\nHost: test\r\n\r\n").read().status())
          .isEqualTo(200);
      assertThat(client.closedWithin(RawClient.TIMEOUT)).isTrue();
    }
  }

  @Nested
  @DisplayName("Slow readers")
  class SlowReaders {
    private static final String BIG = "GET /big HTTP/1.1\r\nHost: test\r\n\r\n";

    /** A client that reads next to nothing: its answer stays mostly unsent. */
    private RawClient stalledReader() throws IOException {
      Socket socket = new Socket();
      socket.setReceiveBufferSize(1024);
      return connect(socket).send(BIG);
    }

    @Test
    @DisplayName("A client that never reads its large answer holds no handler thread.")
    void slowReaderHoldsNoThread() throws Exception {
      start(WebhookServer.Options.builder().threads(1));
      stalledReader();

      HttpResponse<String> other = post("/echo", "other");

      assertThat(other.statusCode()).isEqualTo(200);
      assertThat(other.body()).isEqualTo("/echo other");
    }

    @Test
    @DisplayName("A client that never reads its answer loses its connection after the deadline.")
    void writeDeadline() throws Exception {
      // The only connection slot is the stalled reader's until the server cuts it off.
      start(WebhookServer.Options.builder().maxConnections(1).bodyTimeout(SHORT));
      long begin = System.nanoTime();
      stalledReader();

      assertThat(awaitServedOnNewConnection(RawClient.TIMEOUT).status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(SHORT);
    }
  }

  @Nested
  @DisplayName("Connection limits")
  class Limits {
    @Test
    @DisplayName("Beyond maxConnections a connection is closed at once; once others go, it is not.")
    void connectionCap() throws Exception {
      start(WebhookServer.Options.builder().maxConnections(3));
      List<RawClient> held = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        held.add(connect().send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 4\r\n\r\n"));
      }

      assertThat(connect().closedWithin(RawClient.TIMEOUT)).isTrue();
      for (RawClient client : held) {
        assertThat(client.send("held").read().body()).isEqualTo("/echo held");
        client.close();
      }
      assertThat(awaitServedOnNewConnection(RawClient.TIMEOUT).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Beyond maxConnectionsPerClient a client's connection is closed at once.")
    void perClientCap() throws Exception {
      start(WebhookServer.Options.builder().maxConnectionsPerClient(2));
      RawClient first = connect().send(PARTIAL_HEAD);
      RawClient second = connect().send(PARTIAL_HEAD);

      assertThat(connect().closedWithin(RawClient.TIMEOUT)).isTrue();
      assertThat(second.send("x\r\nContent-Length: 0\r\n\r\n").read().status()).isEqualTo(200);
      first.close();
      assertThat(awaitServedOnNewConnection(RawClient.TIMEOUT).status()).isEqualTo(200);
    }
  }
}
