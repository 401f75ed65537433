package dev.switchboard.benchmarks;

import dev.switchboard.Call;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import dev.switchboard.xoxzo.XoxzoProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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
 * P5: one vendor request through the client (Xoxzo's call status: the id checked, the request built
 * and authenticated, sent, its JSON read into a {@link Call}) beside raw OkHttp sending the same
 * request and reading the same body, in the same run, against a stub answering at once on loopback.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VendorRequestBenchmark {
  private static final String BODY =
      "{\"callid\":\"c1\",\"status\":\"ANSWERED\",\"caller\":\"+818012345678\","
          + "\"recipient\":\"+818011112222\",\"tags\":[]}";

  private WebhookServer stub;
  private VoiceClient client;
  private OkHttpClient okhttp;
  private Request raw;

  @Setup
  public void start() throws IOException {
    stub =
        WebhookServer.start(
            (WebhookRequest request) -> new WebhookResponse(200, "application/json", BODY),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            4);
    client =
        Switchboard.builder()
            .provider(new XoxzoProvider())
            .config(
                SwitchboardConfig.of(
                    Map.of(
                        XoxzoProvider.SID, "sid",
                        XoxzoProvider.AUTH_TOKEN, "token",
                        XoxzoProvider.BASE_URL, stub.localUrl().toString())))
            .build();
    // The client's default time-outs, which bound every request it sends, so that both do that
    // work.
    okhttp =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(5))
            .writeTimeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofSeconds(10))
            .build();
    raw =
        new Request.Builder()
            .url(stub.localUrl() + "/voice/calls/c1/")
            .header("Authorization", Credentials.basic("sid", "token"))
            .get()
            .build();
  }

  @TearDown
  public void stop() {
    client.close();
    okhttp.dispatcher().executorService().shutdown();
    okhttp.connectionPool().evictAll();
    stub.close();
  }

  @Benchmark
  public Call switchboard() {
    return client.getCall("c1");
  }

  /** The floor: the same request with OkHttp alone, its body read. */
  @Benchmark
  public String okhttp() throws IOException {
    try (Response response = okhttp.newCall(raw).execute()) {
      return response.body().string();
    }
  }
}
