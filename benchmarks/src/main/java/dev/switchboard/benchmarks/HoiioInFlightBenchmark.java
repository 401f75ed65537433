package dev.switchboard.benchmarks;

import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Say;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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
 * P3: Hoiio notifications with {@value #CALLS} calls in flight, each notification moving the next
 * call round the ring on by one block, sent to a stub answering at once; sampled, so that JMH
 * reports percentiles. Beside it in the same run, the floor: raw OkHttp posting a block of the same
 * size to the same stub. The library's own time is the difference, in the in-memory store and in a
 * real Redis on loopback.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HoiioInFlightBenchmark {
  static final int CALLS = 1000;

  /** Long enough that no call runs out of blocks in a run. */
  private static final CallFlow FLOW = flow(3000);

  @Param({"memory", "redis"})
  public String store;

  private BenchmarkStore stores;
  private HoiioStub hoiio;
  private VoiceClient client;
  private final List<String> sessions = new ArrayList<>();
  private int next;
  private OkHttpClient okhttp;

  private static CallFlow flow(int blocks) {
    List<Say> says = new ArrayList<>();
    for (int i = 0; i < blocks; i++) {
      says.add(Say.of(i + " " + "x".repeat(100)));
    }
    return CallFlow.of(says.toArray(Say[]::new));
  }

  @Setup
  public void start() throws IOException {
    stores = BenchmarkStore.open(store);
    hoiio = new HoiioStub();
    client = hoiio.connect(stores.state());
    for (int i = 0; i < CALLS; i++) {
      client.placeCall("+6560000000", "+6561234567", FLOW);
      sessions.add(hoiio.lastSession());
    }
    okhttp = new OkHttpClient.Builder().build();
  }

  @TearDown
  public void stop() throws IOException {
    client.close();
    okhttp.dispatcher().executorService().shutdown();
    okhttp.connectionPool().evictAll();
    hoiio.close();
    stores.close();
  }

  /** The next call of the ring told its block is done; it sends the one after. */
  @Benchmark
  public int notification() {
    String session = sessions.get(next);
    next = (next + 1) % CALLS;
    URI notify = hoiio.notifyUrl(session);
    return client.handleWebhook(HoiioStub.playDone(notify, session)).response().status();
  }

  /** The floor: a block request of the same size posted with OkHttp alone. */
  @Benchmark
  public int okhttpBlock() throws IOException {
    Request request =
        new Request.Builder()
            .url(hoiio.baseUrl() + "ivr/middle/play")
            .post(
                new FormBody.Builder()
                    .add("app_id", "bench-app")
                    .add("access_token", "bench-token")
                    .add("session", sessions.get(0))
                    .add("msg", "0 " + "x".repeat(100))
                    .add("notify_url", "https://app.example/hooks/hoiio/notify?sb_call=x&sb_sig=y")
                    .build())
            .build();
    try (Response response = okhttp.newCall(request).execute()) {
      return response.body().string().length();
    }
  }
}
