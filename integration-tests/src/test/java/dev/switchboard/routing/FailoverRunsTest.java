package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Call;
import dev.switchboard.CallMayExistException;
import dev.switchboard.Switchboard;
import dev.switchboard.VoiceClient;
import dev.switchboard.VoiceException;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Say;
import dev.switchboard.testkit.faults.Fault;
import dev.switchboard.testkit.faults.FaultyVendor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A thousand seeded runs of placing one call through a client listing all three providers, in a
 * random order, each vendor doing one random {@link CreateFault} to the create request (a
 * FaultyVendor in front of each simulator plays it). In every run the callee is called at most
 * once, and exactly once whenever the list reaches a provider that can take the call before it
 * reaches one whose failure leaves the outcome unknown.
 */
class FailoverRunsTest {
  private static final long SEED = 20261205L;
  private static final int RUNS = 1000;
  private static final int WORKERS = 4;
  private static final CallFlow REMINDER = CallFlow.of(Say.of("Your parcel arrives today."));

  /** The whole-request time-out of every provider in the runs, which TIMEOUT outlasts. */
  private static final String TIMEOUT_MS = "300";

  /** How late a SLOW vendor answers: well within the time-out. */
  private static final long SLOW_MILLIS = 40;

  /** The create request of each vendor's API, as it reaches the FaultyVendor. */
  private static final Map<String, Predicate<FaultyVendor.Received>> CREATES =
      Map.of(
          "hoiio", r -> r.target().contains("/ivr/start/dial"),
          "voxtelesys", r -> r.method().equals("POST") && r.target().equals("/calls"),
          "xoxzo", r -> r.method().equals("POST") && r.target().equals("/voice/simple/playbacks/"));

  /** What one run did, to count. */
  private record Outcome(boolean placed, boolean failedOver, boolean ambiguous) {}

  @Test
  @DisplayName("1,000 runs with random create faults: never two calls, one whenever one is safe")
  void neverTwice() throws Exception {
    Random seeds = new Random(SEED);
    List<Long> runSeeds = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      runSeeds.add(seeds.nextLong());
    }
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        List<Long> mine = runSeeds.subList(w * RUNS / WORKERS, (w + 1) * RUNS / WORKERS);
        done.add(
            workers.submit(
                () -> {
                  try (Worker worker = new Worker()) {
                    for (long seed : mine) {
                      outcomes.add(worker.run(seed));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : done) {
        worker.get(5, TimeUnit.MINUTES);
      }
    } finally {
      workers.shutdownNow();
    }
    long placed = outcomes.stream().filter(Outcome::placed).count();
    long failedOver = outcomes.stream().filter(Outcome::failedOver).count();
    long ambiguous = outcomes.stream().filter(Outcome::ambiguous).count();
    System.out.println(
        "failover runs: "
            + outcomes.size()
            + " runs, "
            + placed
            + " placed ("
            + failedOver
            + " after failing over), "
            + ambiguous
            + " stopped as ambiguous, "
            + (outcomes.size() - placed - ambiguous)
            + " refused everywhere; never more than one call");
    assertThat(outcomes).hasSize(RUNS);
  }

  /** Three simulators behind three FaultyVendors, on which one run at a time is played. */
  private static final class Worker implements AutoCloseable {
    private final Vendors vendors = new Vendors();
    private final Map<String, FaultyVendor> fronts = new HashMap<>();
    private final Map<String, CreateFault> plan = new ConcurrentHashMap<>();

    /** Guards {@link #inFlight}, and is notified when it falls to none. */
    private final Object forwarding = new Object();

    private int inFlight;
    private final URI refusing;

    Worker() throws IOException {
      for (String id : Vendors.IDS) {
        FaultyVendor front = FaultyVendor.start();
        URI origin = vendors.simulator(id).baseUrl();
        front.healthy(request -> answer(id, origin, request));
        fronts.put(id, front);
      }
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        refusing = URI.create("http://127.0.0.1:" + probe.getLocalPort());
      }
    }

    /** What the vendor in front of {@code id}'s simulator does with {@code request}. */
    private FaultyVendor.Answer answer(String id, URI origin, FaultyVendor.Received request) {
      CreateFault fault =
          CREATES.get(id).test(request)
              ? plan.getOrDefault(id, CreateFault.NONE)
              : CreateFault.NONE;
      String error = "{\"error\":{\"code\":\"" + fault + "\",\"description\":\"" + fault + "\"}}";
      switch (fault) {
        case UNAUTHORIZED:
          return new FaultyVendor.Answer(401, error);
        case RATE_LIMITED:
          return new FaultyVendor.Answer(429, error);
        case SERVER_ERROR:
          return new FaultyVendor.Answer(500, error);
        case UNAVAILABLE:
          return new FaultyVendor.Answer(503, error);
        default:
          break;
      }
      synchronized (forwarding) {
        inFlight++;
      }
      try {
        if (fault == CreateFault.SLOW) {
          // The vendor's latency, not a test waiting: the client waits through it.
          sleep(SLOW_MILLIS);
        }
        FaultyVendor.Answer passed = FaultyVendor.forward(request, origin);
        return switch (fault) {
          case RESET -> FaultyVendor.Answer.instead(Fault.RESET_MID_RESPONSE);
          case TIMEOUT -> FaultyVendor.Answer.instead(Fault.NO_ANSWER);
          default -> passed;
        };
      } finally {
        synchronized (forwarding) {
          if (--inFlight == 0) {
            forwarding.notifyAll();
          }
        }
      }
    }

    Outcome run(long seed) throws Exception {
      Random random = new Random(seed);
      List<String> order = new ArrayList<>(Vendors.IDS);
      Collections.shuffle(order, random);
      plan.clear();
      Map<String, URI> bases = new HashMap<>();
      Map<String, String> timeouts = new HashMap<>();
      for (String id : order) {
        CreateFault fault = CreateFault.values()[random.nextInt(CreateFault.values().length)];
        plan.put(id, fault);
        bases.put(id, fault == CreateFault.REFUSED ? refusing : fronts.get(id).url(""));
        timeouts.put("switchboard." + id + ".timeout-ms", TIMEOUT_MS);
      }
      String list = String.join(",", order);
      long before = vendors.created();
      Call call = null;
      VoiceException failure = null;
      try (VoiceClient client =
          vendors.connect(Switchboard.builder().config(vendors.config(list, bases, timeouts)))) {
        call = client.placeCall("+6561234567", "+6569876543", REMINDER);
      } catch (VoiceException e) {
        failure = e;
      }
      awaitForwarded();
      long created = vendors.created() - before;
      String run = "run " + seed + " " + list + " " + plan;
      assertThat(created).as(run + ": calls created").isLessThanOrEqualTo(1);
      CreateFault.Effect reached = firstDecisive(order);
      if (reached == CreateFault.Effect.CREATES) {
        assertThat(created).as(run + ": calls created").isEqualTo(1);
      }
      if (failure != null && created == 1) {
        // The one call exists, yet placing failed: only an ambiguous failure may say so.
        assertThat(failure).as(run).isInstanceOf(CallMayExistException.class);
      }
      boolean failedOver = call != null && !call.providerId().equals(order.get(0));
      return new Outcome(call != null, failedOver, failure instanceof CallMayExistException);
    }

    /** The effect of the first fault in {@code order} that decides the run. */
    private CreateFault.Effect firstDecisive(List<String> order) {
      for (String id : order) {
        CreateFault.Effect effect = plan.get(id).effect();
        if (effect != CreateFault.Effect.CREATES_NOTHING) {
          return effect;
        }
      }
      return CreateFault.Effect.CREATES_NOTHING;
    }

    /** Waits until every create passed on to a simulator has been answered there. */
    private void awaitForwarded() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      synchronized (forwarding) {
        while (inFlight > 0) {
          long left = deadline - System.nanoTime();
          assertThat(left).as("creates passed on in time").isPositive();
          TimeUnit.NANOSECONDS.timedWait(forwarding, left);
        }
      }
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() throws IOException {
      for (FaultyVendor front : fronts.values()) {
        front.close();
      }
      vendors.close();
    }
  }
}
