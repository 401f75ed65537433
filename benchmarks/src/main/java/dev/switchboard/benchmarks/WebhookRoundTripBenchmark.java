package dev.switchboard.benchmarks;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.testkit.SandboxProvider;
import dev.switchboard.webhook.WebhookServer;
import dev.switchboard.webhook.WebhookSigner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One signed webhook request over loopback HTTP, through the built-in server, signature check and
 * de-duplication, answered with a body: the delay a vendor waits at every step of a call. Each
 * request is distinct, so de-duplication does not short-cut it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WebhookRoundTripBenchmark {
  private VoiceClient client;
  private WebhookServer server;
  private HttpClient http;
  private URI signed;
  private long counter;

  @Setup
  public void start() throws IOException {
    SwitchboardConfig config =
        SwitchboardConfig.of(
            Map.of(
                SwitchboardConfig.WEBHOOK_BASE_URL, "http://127.0.0.1:9/hooks",
                SwitchboardConfig.WEBHOOK_SECRET, "benchmark-webhook-secret"));
    client = Switchboard.builder().provider(new SandboxProvider()).config(config).build();
    server =
        WebhookServer.start(client, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    signed = WebhookSigner.fromConfig(config).orElseThrow().sign("/sandbox/events", "bench");
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @Benchmark
  public int signedRequest() throws IOException, InterruptedException {
    URI uri =
        URI.create(
            server.localUrl()
                + signed.getRawPath()
                + "?"
                + signed.getRawQuery()
                + "&n="
                + counter++);
    return http.send(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("x=1")).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @TearDown
  public void stop() {
    server.close();
    client.close();
  }
}
