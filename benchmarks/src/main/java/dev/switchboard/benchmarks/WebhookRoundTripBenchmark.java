package dev.switchboard.benchmarks;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.servlet.SwitchboardServlet;
import dev.switchboard.testkit.SandboxProvider;
import dev.switchboard.webhook.WebhookServer;
import dev.switchboard.webhook.WebhookSigner;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One signed webhook request over loopback HTTP, signature check and de-duplication, answered with
 * a body: the delay a vendor waits at every step of a call. Each request is distinct, so
 * de-duplication does not short-cut it. The same request goes through the built-in server (the
 * anchor) and through {@code SwitchboardServlet} in an embedded Tomcat, in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WebhookRoundTripBenchmark {
  @Param({"built-in", "servlet"})
  public String server;

  private VoiceClient client;
  private AutoCloseable running;
  private URI base;
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
    if (server.equals("servlet")) {
      Tomcat tomcat = new Tomcat();
      tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
      Connector connector = new Connector();
      connector.setPort(0);
      connector.setProperty("address", "127.0.0.1");
      tomcat.setConnector(connector);
      Context context = tomcat.addContext("", new File(".").getAbsolutePath());
      Tomcat.addServlet(context, "switchboard", new SwitchboardServlet(client));
      context.addServletMappingDecoded("/hooks/*", "switchboard");
      try {
        tomcat.start();
      } catch (LifecycleException e) {
        throw new IOException("Tomcat did not start", e);
      }
      base = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
      running =
          () -> {
            tomcat.stop();
            tomcat.destroy();
          };
    } else {
      WebhookServer builtIn =
          WebhookServer.start(
              client, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
      base = builtIn.localUrl();
      running = builtIn;
    }
    signed = WebhookSigner.fromConfig(config).orElseThrow().sign("/sandbox/events", "bench");
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @Benchmark
  public int signedRequest() throws IOException, InterruptedException {
    URI uri =
        URI.create(base + signed.getRawPath() + "?" + signed.getRawQuery() + "&n=" + counter++);
    return http.send(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("x=1")).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @TearDown
  public void stop() throws Exception {
    running.close();
    client.close();
  }
}
