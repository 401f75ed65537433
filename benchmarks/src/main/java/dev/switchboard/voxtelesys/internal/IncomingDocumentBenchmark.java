package dev.switchboard.voxtelesys.internal;

import dev.switchboard.SwitchboardConfig;
import dev.switchboard.benchmarks.HandWrittenAnswer;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.testkit.SeedFlows;
import dev.switchboard.voxtelesys.internal.voxxml.VoxXmlWriter;
import dev.switchboard.webhook.SignedUrls;
import dev.switchboard.webhook.WebhookSigner;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * P1b, the answer itself: the VoxXML document an incoming call is answered with, made as {@code
 * VoxtelesysClient} makes it for each call (the flow's template found, the call's callback URL
 * signed as the document carries it and put in), beside the limit in the same run: the same URL
 * signed with a ready HMAC and the same bytes written around it by hand. Set-up checks that both
 * write the same document. It sits in the provider's package to reach the template path, which is
 * internal.
 *
 * <p>{@code IncomingAnswerBenchmark} measures the whole incoming webhook around this document: the
 * request verified and de-duplicated, the call bound and watched.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class IncomingDocumentBenchmark {
  private static final String SECRET = "benchmark-webhook-secret";
  private static final String BASE = "https://app.example.com/hooks";

  /** The application's flow: one instance, answered with every time. */
  private final CallFlow flow = SeedFlows.simpleIvr();

  private final VoxTemplates templates = new VoxTemplates();
  private WebhookSigner signer;
  private SignedUrls callUrls;
  private HandWrittenAnswer limit;
  private long calls;

  @Setup
  public void prepare() {
    signer =
        WebhookSigner.fromConfig(
                SwitchboardConfig.of(
                    Map.of(
                        SwitchboardConfig.WEBHOOK_BASE_URL, BASE,
                        SwitchboardConfig.WEBHOOK_SECRET, SECRET)))
            .orElseThrow();
    callUrls = signer.signedUrls(VoxtelesysClient.CALLBACK_PATH, VoxXmlWriter::attributeValue);
    String url = signer.signedUrl(VoxtelesysClient.CALLBACK_PATH, "in-0");
    String document = answer("in-0");
    limit =
        new HandWrittenAnswer(
            SECRET, BASE, VoxtelesysClient.CALLBACK_PATH, document, url.replace("&", "&amp;"));
    if (!limit.write("in-0").equals(document)) {
      throw new IllegalStateException("the limit does not write the answer's document");
    }
  }

  private String answer(String key) {
    return templates
        .of(flow)
        .render(
            callUrls.url(key),
            index -> {
              throw new IllegalStateException("the Simple IVR has no conference");
            });
  }

  /** Switchboard: the answer to a new incoming call, as the client makes it. */
  @Benchmark
  public String switchboard() {
    return answer("in-" + ++calls);
  }

  /** The limit: one URL signed, and the same document's bytes written around it. */
  @Benchmark
  public String handWritten() {
    return limit.write("in-" + ++calls);
  }
}
