package dev.switchboard.benchmarks;

import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Say;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * The library's time for one Hoiio notification: verify the signed URL, admit it against its
 * binding, claim it in the ledger, read and compare-and-set the call's state, plan and send the
 * next block (to a stub that answers at once), in the in-memory store (the anchor) and in a real
 * Redis on loopback, in the same run. Each batch plays one call through {@value #BLOCKS} blocks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, batchSize = HoiioNotificationBenchmark.BLOCKS)
@Measurement(iterations = 10, batchSize = HoiioNotificationBenchmark.BLOCKS)
@Fork(1)
public class HoiioNotificationBenchmark {
  static final int BLOCKS = 1000;

  /** Prompts one block each: two do not fit Hoiio's 1000-character msg. */
  private static final CallFlow FLOW = longFlow();

  @Param({"memory", "redis"})
  public String store;

  private BenchmarkStore stores;
  private HoiioStub hoiio;
  private VoiceClient client;
  private String session;

  private static CallFlow longFlow() {
    List<Say> says = new ArrayList<>();
    for (int i = 0; i < BLOCKS + 2; i++) {
      says.add(Say.of(i + " " + "x".repeat(500)));
    }
    return CallFlow.of(says.toArray(Say[]::new));
  }

  @Setup(Level.Trial)
  public void start() throws IOException {
    stores = BenchmarkStore.open(store);
    hoiio = new HoiioStub();
    client = hoiio.connect(stores.state());
  }

  /** A fresh call, its Dial sent: each notification of the batch moves it on by one block. */
  @Setup(Level.Iteration)
  public void placeCall() {
    client.placeCall("+6560000000", "+6561234567", FLOW);
    session = hoiio.lastSession();
  }

  @Benchmark
  public int notification() {
    URI notify = hoiio.lastNotifyUrl();
    return client.handleWebhook(HoiioStub.playDone(notify, session)).response().status();
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    client.close();
    hoiio.close();
    stores.close();
  }
}
