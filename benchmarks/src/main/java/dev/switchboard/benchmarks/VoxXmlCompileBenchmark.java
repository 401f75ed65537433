package dev.switchboard.benchmarks;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.testkit.SeedFlows;
import dev.switchboard.voxtelesys.VoxtelesysProvider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Compiling the Voxtelesys document's Complex IVR to VoxXML, with the shared JAXB context. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VoxXmlCompileBenchmark {
  private final VoxtelesysProvider provider = new VoxtelesysProvider();
  private final CallFlow flow = SeedFlows.complexIvr();

  @Benchmark
  public String complexIvr() {
    return provider.compile(flow);
  }
}
