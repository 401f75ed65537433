package dev.switchboard.benchmarks;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.testkit.SeedFlows;
import dev.switchboard.voxtelesys.VoxtelesysProvider;
import dev.switchboard.webhook.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * P1b: answering a Voxtelesys incoming call with the application's flow (the Simple IVR), in
 * process: the signed request verified, the call bound, the answer written from the flow's template
 * with its URLs signed. The limit, in the same run, does only what no answering path can skip:
 * signs the call's callback URL with a ready HMAC and writes the same document's bytes around it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IncomingAnswerBenchmark {
  private final CallFlow flow = SeedFlows.simpleIvr();
  private final AtomicLong calls = new AtomicLong();
  private EmptyCallListing vendor;
  private VoiceClient client;
  private URI incoming;
  private HandWrittenAnswer limit;

  @Setup
  public void connect() {
    vendor = new EmptyCallListing();
    client =
        Switchboard.builder()
            .provider(new VoxtelesysProvider())
            .config(
                SwitchboardConfig.of(
                    Map.of(
                        VoxtelesysProvider.API_KEY, "benchmark-key",
                        VoxtelesysProvider.BASE_URL, vendor.baseUrl(),
                        SwitchboardConfig.WEBHOOK_BASE_URL, "https://app.example.com/hooks",
                        SwitchboardConfig.WEBHOOK_SECRET, "benchmark-webhook-secret")))
            .onIncomingCall(call -> flow)
            .grace(Duration.ofSeconds(20))
            .build();
    incoming = client.incomingCallUrl();
    String answer = switchboard();
    Matcher url = Pattern.compile("statusCallback=\"([^\"]+)\"").matcher(answer);
    if (!url.find()) {
      throw new IllegalStateException("the answer has no callback URL: " + answer);
    }
    limit =
        new HandWrittenAnswer(
            "benchmark-webhook-secret",
            "https://app.example.com/hooks",
            "/voxtelesys/callback",
            answer,
            url.group(1));
  }

  @TearDown
  public void close() {
    client.close();
    vendor.close();
  }

  /** Switchboard answering a new incoming call, as its webhook server hands it the request. */
  @Benchmark
  public String switchboard() {
    String body =
        "{\"type\":\"api\",\"event\":\"incoming_call\",\"call_id\":\"in-"
            + calls.incrementAndGet()
            + "\",\"to\":\"15556667777\",\"from\":\"15556668888\"}";
    WebhookRequest request =
        WebhookRequest.builder()
            .method("POST")
            .uri(incoming)
            .header("Content-Type", "application/json")
            .body(body.getBytes(StandardCharsets.UTF_8))
            .build();
    return client.handleWebhook(request).response().body();
  }

  /** The limit: one URL signed, and the answer's bytes written around it. */
  @Benchmark
  public String limit() {
    return limit.write("in-" + calls.incrementAndGet());
  }
}
