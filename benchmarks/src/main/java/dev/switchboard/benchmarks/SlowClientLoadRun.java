package dev.switchboard.benchmarks;

import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load run, not a JMH benchmark: how long valid webhook requests take to be answered while 200
 * slow clients hold connections open, each sending its request head a byte at a time, against the
 * same requests with no slow clients (the anchor), in one run over loopback. It answers the issue's
 * question: with 200 slow clients open, are valid requests still answered within 100 ms at p99?
 *
 * <p>It uses only the server API the earlier, JDK-server version also had, so that the same run can
 * measure that version too.
 *
 * <p>Bounded: a fixed number of requests, each with a five-second timeout, and a time budget per
 * phase after which no more requests are sent; it stops by itself. Run it from the repository root:
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.switchboard.benchmarks.SlowClientLoadRun
 * </pre>
 */
public final class SlowClientLoadRun {
  private static final int SLOW_CLIENTS = 200;
  private static final int WARM_UP_REQUESTS = 2_000;
  private static final int REQUESTS = 2_000;
  private static final int CLIENT_THREADS = 4;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration PHASE_BUDGET = Duration.ofSeconds(60);

  /** Each slow client sends one more byte this often, never finishing its head. */
  private static final Duration DRIBBLE_INTERVAL = Duration.ofMillis(100);

  private SlowClientLoadRun() {}

  public static void main(String[] args) throws Exception {
    try (WebhookServer server =
        WebhookServer.start(
            request -> WebhookResponse.text("ok"), new InetSocketAddress("127.0.0.1", 0), 8)) {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(REQUEST_TIMEOUT)
              .build();
      URI hook = server.localUrl().resolve("/hook");
      System.out.printf(
          "Java %s, %d cores: %d requests from %d client threads over loopback, each with a %d s"
              + " timeout, after %d to warm up%n",
          Runtime.version(),
          Runtime.getRuntime().availableProcessors(),
          REQUESTS,
          CLIENT_THREADS,
          REQUEST_TIMEOUT.toSeconds(),
          WARM_UP_REQUESTS);

      run(http, hook, WARM_UP_REQUESTS);
      report("no slow clients (anchor)", run(http, hook, REQUESTS));

      try (SlowClients slow = new SlowClients(server.port(), SLOW_CLIENTS)) {
        Latencies loaded = run(http, hook, REQUESTS);
        report(SLOW_CLIENTS + " slow clients open", loaded);
        System.out.printf(
            "slow clients still connected at the end: %d of %d%n", slow.connected(), SLOW_CLIENTS);
      }
    }
  }

  /** Sends {@code count} requests from the client threads and times each. */
  private static Latencies run(HttpClient http, URI hook, int count) throws Exception {
    long budgetEnd = System.nanoTime() + PHASE_BUDGET.toNanos();
    AtomicInteger next = new AtomicInteger();
    long[] nanos = new long[count];
    Arrays.fill(nanos, Latencies.NOT_SENT);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < CLIENT_THREADS; t++) {
        done.add(
            clients.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < count && System.nanoTime() - budgetEnd < 0;
                      i = next.getAndIncrement()) {
                    nanos[i] = timeOne(http, hook);
                  }
                }));
      }
      for (Future<?> thread : done) {
        thread.get();
      }
    } finally {
      clients.shutdownNow();
    }
    return new Latencies(nanos);
  }

  private static long timeOne(HttpClient http, URI hook) {
    HttpRequest request =
        HttpRequest.newBuilder(hook)
            .timeout(REQUEST_TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofString("digits=1"))
            .build();
    long begin = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      boolean answered = response.statusCode() == 200 && response.body().equals("ok");
      return answered ? System.nanoTime() - begin : Latencies.FAILED;
    } catch (IOException e) {
      return Latencies.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Latencies.FAILED;
    }
  }

  private static void report(String phase, Latencies latencies) {
    System.out.printf(
        "%-28s answered %d of %d (failed or timed out %d, not sent %d): "
            + "p50 %s, p99 %s, max %s%n",
        phase,
        latencies.answered(),
        latencies.count(),
        latencies.failed(),
        latencies.notSent(),
        latencies.percentile(50),
        latencies.percentile(99),
        latencies.percentile(100));
  }

  /** Request times; a failed or unsent request ranks above every answered one. */
  private record Latencies(long[] nanos) {
    static final long FAILED = Long.MAX_VALUE - 1;
    static final long NOT_SENT = Long.MAX_VALUE;

    Latencies {
      nanos = nanos.clone();
      Arrays.sort(nanos);
    }

    int count() {
      return nanos.length;
    }

    long answered() {
      return Arrays.stream(nanos).filter(n -> n < FAILED).count();
    }

    long failed() {
      return Arrays.stream(nanos).filter(n -> n == FAILED).count();
    }

    long notSent() {
      return Arrays.stream(nanos).filter(n -> n == NOT_SENT).count();
    }

    String percentile(int p) {
      long n = nanos[Math.max(0, (int) Math.ceil(nanos.length * p / 100.0) - 1)];
      return n >= FAILED ? "none (not answered)" : String.format("%.2f ms", n / 1e6);
    }
  }

  /**
   * Connections that send a request head a byte at a time and never finish it, as an attacker
   * holding the server's attention would.
   */
  private static final class SlowClients implements AutoCloseable {
    private static final byte[] HEAD_START =
        "POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);

    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService dribble = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger sent = new AtomicInteger();

    SlowClients(int port, int count) throws IOException {
      for (int i = 0; i < count; i++) {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) REQUEST_TIMEOUT.toMillis());
        sockets.add(socket);
      }
      dribble.scheduleAtFixedRate(
          this::sendOneByteEach, 0, DRIBBLE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sendOneByteEach() {
      int at = sent.getAndIncrement();
      byte next = at < HEAD_START.length ? HEAD_START[at] : (byte) 'a';
      for (Socket socket : sockets) {
        try {
          OutputStream out = socket.getOutputStream();
          out.write(next);
          out.flush();
        } catch (IOException closedByServer) {
          // Counted at the end by connected().
        }
      }
    }

    /** How many slow clients the server has not disconnected. */
    int connected() throws IOException {
      int open = 0;
      for (Socket socket : sockets) {
        socket.setSoTimeout(1);
        try {
          socket.getInputStream().read(); // -1: the server closed it
        } catch (SocketTimeoutException stillWaiting) {
          open++;
        } catch (IOException reset) {
          // Closed by the server.
        }
      }
      return open;
    }

    @Override
    public void close() throws IOException {
      dribble.shutdownNow();
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }
}
