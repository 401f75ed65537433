package dev.switchboard.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.testkit.SeedFlows;
import dev.switchboard.voxtelesys.VoxtelesysProvider;
import dev.switchboard.webhook.WebhookServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * P4: the built-in {@code WebhookServer} answering signed Voxtelesys incoming calls under load,
 * beside its ceiling in the same run: the JDK's {@code HttpServer} with {@code nodelay} serving a
 * fixed body of the same size from as many threads, measured before Switchboard starts its load and
 * again once it is closed, the ratio taken to their mean. A closed-loop load generator keeps {@code
 * connections} keep-alive connections busy, each sending its next request when the last is
 * answered, every one a new call. It reports throughput and latency percentiles per phase, and,
 * during the Switchboard phase, resident memory and the live heap after a full GC, ten times over
 * the phase (at least 10 s apart), then the last against the one nearest a minute in.
 *
 * <p>Calls end as they do against the vendor: the Voxtelesys API is a stub whose call listing
 * leaves every call out, so the call watcher ends each after {@code MISSES} complete listings. The
 * client's grace period is {@value #GRACE_SECONDS} s, so that the plateau of what is kept per call
 * (new calls a second times call length plus grace) is reached within the first minute; with the
 * default of 15 minutes it is reached after 15 minutes, at a height in proportion.
 *
 * <p>The heap is the caller's to size, as a deployment's is: what is kept per call is about 600
 * bytes, so at 42,000 new calls a second with a 20 s grace the live heap is near 650 MB, and G1
 * needs a heap of about 2.5 times that to keep its young collections rare.
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar \
 *     dev.switchboard.benchmarks.WebhookLoadRun [seconds] [connections] [ceiling seconds]
 * </pre>
 */
public final class WebhookLoadRun {
  private static final int THREADS = 8;
  private static final int WARM_UP_SECONDS = 15;
  private static final int GRACE_SECONDS = 20;

  /** The one flow every call is answered with, as an application's constant would be. */
  private static final CallFlow FLOW = SeedFlows.simpleIvr();

  /** The longest latency told apart; a slower answer counts as this long. */
  private static final long LONGEST_NANOS = 60_000_000_000L;

  /** How many times a memory sample began or finished its forced full collection. */
  private static final AtomicLong FORCED_COLLECTIONS = new AtomicLong();

  private WebhookLoadRun() {}

  /**
   * What one phase measured. Latencies go into a histogram of fixed size, so that the load
   * generator's own memory does not grow with the run and pass for the server's.
   */
  private record Phase(long requests, double seconds, Histogram latencies, long leftOut) {
    double throughput() {
      return requests / seconds;
    }

    double percentile(double p) {
      return latencies.getValueAtPercentile(p * 100) / 1e6;
    }
  }

  /** Memory at one moment of the Switchboard phase. */
  private record Sample(long second, double liveHeapMb, double residentMb) {}

  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int ceilingSeconds = args.length > 2 ? Integer.parseInt(args[2]) : seconds;
    System.out.printf(
        "Java %s, %d cores, %d connections, %d s (ceiling %d s) per phase after %d s of warm-up,"
            + " grace %d s%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        connections,
        seconds,
        ceilingSeconds,
        WARM_UP_SECONDS,
        GRACE_SECONDS);
    int length;
    Phase before;
    Phase measured;
    try (EmptyCallListing vendor = new EmptyCallListing();
        VoiceClient client = client(vendor.baseUrl());
        WebhookServer server =
            WebhookServer.start(
                client, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), THREADS)) {
      URI incoming = client.incomingCallUrl();
      String target = incoming.getRawPath() + "?" + incoming.getRawQuery();
      AtomicLong calls = new AtomicLong();
      RequestMaker switchboard =
          () -> {
            String body =
                "{\"type\":\"api\",\"event\":\"incoming_call\",\"time\":\"2021-08-30T20:49:35Z\","
                    + "\"call_id\":\"load-"
                    + calls.incrementAndGet()
                    + "\",\"to\":\"15556667777\",\"from\":\"15556668888\"}";
            return request(target, body);
          };
      // The ceiling goes first, so that nothing Switchboard keeps or winds down runs beside it.
      length = answerLength(server.port(), switchboard);
      before = ceiling(length, connections, ceilingSeconds);
      load(server.port(), connections, WARM_UP_SECONDS, switchboard, false);
      measured = load(server.port(), connections, seconds, switchboard, true);
    }
    // And again once Switchboard is closed and collected: the machine's own drift over the run
    // shows as the difference between the two.
    System.gc();
    Phase after = ceiling(length, connections, ceilingSeconds);
    report("JDK HttpServer, fixed body (ceiling before)", before);
    report("WebhookServer, signed incoming calls", measured);
    report("JDK HttpServer, fixed body (ceiling after)", after);
    double ceiling = (before.throughput() + after.throughput()) / 2;
    System.out.printf(
        "throughput ratio to the ceiling: %.2f (to the two: %.2f and %.2f)%n",
        measured.throughput() / ceiling,
        measured.throughput() / before.throughput(),
        measured.throughput() / after.throughput());
  }

  /** The ceiling's phase: the JDK's server answering {@code length} bytes, warmed up first. */
  private static Phase ceiling(int length, int connections, int seconds) throws Exception {
    HttpServer ceiling = ceiling(length);
    try {
      RequestMaker fixed = () -> request("/hook", "{}");
      load(ceiling.getAddress().getPort(), connections, WARM_UP_SECONDS, fixed, false);
      return load(ceiling.getAddress().getPort(), connections, seconds, fixed, false);
    } finally {
      ceiling.stop(0);
      // Its pool's threads are not daemons: left running, the JVM would never exit.
      ((ExecutorService) ceiling.getExecutor()).shutdown();
    }
  }

  private static VoiceClient client(String vendorBaseUrl) {
    return Switchboard.builder()
        .provider(new VoxtelesysProvider())
        .config(
            SwitchboardConfig.of(
                Map.of(
                    VoxtelesysProvider.API_KEY, "load-key",
                    VoxtelesysProvider.BASE_URL, vendorBaseUrl,
                    SwitchboardConfig.WEBHOOK_BASE_URL, "https://app.example.com/hooks",
                    SwitchboardConfig.WEBHOOK_SECRET, "load-run-webhook-secret")))
        .onIncomingCall(call -> FLOW)
        .grace(Duration.ofSeconds(GRACE_SECONDS))
        .build();
  }

  private static HttpServer ceiling(int length) throws IOException {
    byte[] body = new byte[length];
    Arrays.fill(body, (byte) 'x');
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", new FixedResponse("text/xml", body));
    server.setExecutor(Executors.newFixedThreadPool(THREADS));
    server.start();
    return server;
  }

  /** Makes the bytes of the next request. */
  private interface RequestMaker {
    byte[] next();
  }

  private static byte[] request(String target, String body) {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + target
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
            + content.length
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(headBytes, headBytes.length + content.length);
    System.arraycopy(content, 0, all, headBytes.length, content.length);
    return all;
  }

  private static int answerLength(int port, RequestMaker requests) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.getOutputStream().write(requests.next());
      ResponseReader response = new ResponseReader(socket.getInputStream());
      response.read();
      return response.lastBodyLength();
    }
  }

  /**
   * Keeps {@code connections} connections busy for {@code seconds}; what they measured. A request
   * that overlaps one of the memory samples' forced full collections, which stop every thread for
   * half a second, is left out of the figures, and so is the time those collections take: they are
   * the harness's instrument, not the server's doing, and the ceiling's phase has none.
   */
  private static Phase load(
      int port, int connections, int seconds, RequestMaker requests, boolean sampleMemory)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(connections);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<Histogram>> results = new ArrayList<>();
    AtomicLong leftOut = new AtomicLong();
    long started = System.nanoTime();
    for (int i = 0; i < connections; i++) {
      results.add(
          clients.submit(
              () -> {
                Histogram latencies = new Histogram(LONGEST_NANOS, 3);
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                  socket.setTcpNoDelay(true);
                  OutputStream out = socket.getOutputStream();
                  ResponseReader responses = new ResponseReader(socket.getInputStream());
                  while (System.nanoTime() < end) {
                    byte[] request = requests.next();
                    long collections = FORCED_COLLECTIONS.get();
                    long sent = System.nanoTime();
                    out.write(request);
                    out.flush();
                    int status = responses.read();
                    long took = System.nanoTime() - sent;
                    if (status != 200) {
                      throw new IllegalStateException("answered " + status);
                    }
                    // Odd while one runs; changed if one ran meanwhile.
                    if (collections % 2 == 0 && FORCED_COLLECTIONS.get() == collections) {
                      latencies.recordValue(Math.min(LONGEST_NANOS, took));
                    } else {
                      leftOut.incrementAndGet();
                    }
                  }
                }
                return latencies;
              }));
    }
    long sampling = sampleMemory ? sampleMemory(end) : 0;
    Histogram latencies = new Histogram(LONGEST_NANOS, 3);
    for (Future<Histogram> result : results) {
      latencies.add(result.get());
    }
    double took = (System.nanoTime() - started - sampling) / 1e9;
    clients.shutdown();
    return new Phase(latencies.getTotalCount(), took, latencies, leftOut.get());
  }

  /**
   * Prints resident memory and the live heap after a full GC ten times until {@code end}, at least
   * 10 s apart, then compares the last sample with the one nearest a minute in. Returns how long
   * the forced collections took.
   */
  private static long sampleMemory(long end) throws InterruptedException, IOException {
    long start = System.nanoTime();
    long collecting = 0;
    long every = Math.max(10_000_000_000L, (end - start) / 10);
    List<Sample> samples = new ArrayList<>();
    while (System.nanoTime() + every <= end) {
      Thread.sleep(every / 1_000_000);
      long before = System.nanoTime();
      FORCED_COLLECTIONS.incrementAndGet();
      System.gc();
      FORCED_COLLECTIONS.incrementAndGet();
      collecting += System.nanoTime() - before;
      Sample sample =
          new Sample(
              (System.nanoTime() - start) / 1_000_000_000L,
              ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6,
              residentBytes() / 1e6);
      samples.add(sample);
      System.out.printf(
          "  t=%4d s  live heap after GC %7.1f MB  resident %7.1f MB%n",
          sample.second(), sample.liveHeapMb(), sample.residentMb());
    }
    if (samples.size() >= 2) {
      Sample first =
          samples.stream().min(Comparator.comparingLong(s -> Math.abs(s.second() - 60))).get();
      Sample last = samples.get(samples.size() - 1);
      System.out.printf(
          "  from t=%d s to t=%d s: live heap %+.1f %%, resident %+.1f %%%n",
          first.second(),
          last.second(),
          100 * (last.liveHeapMb() / first.liveHeapMb() - 1),
          100 * (last.residentMb() / first.residentMb() - 1));
    }
    return collecting;
  }

  private static long residentBytes() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return 0;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return 0;
  }

  private static void report(String what, Phase phase) {
    System.out.printf(
        "%-44s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  (%d requests,"
            + " %d overlapping a forced GC left out)%n",
        what,
        phase.throughput(),
        phase.percentile(0.50),
        phase.percentile(0.99),
        phase.percentile(0.999),
        phase.requests(),
        phase.leftOut());
  }
}
