package dev.switchboard.voxtelesys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Call;
import dev.switchboard.CallRequest;
import dev.switchboard.InvalidInputException;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Reject;
import dev.switchboard.flow.Say;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.faults.Fault;
import dev.switchboard.testkit.faults.FaultyVendor;
import dev.switchboard.testkit.simulator.VoxtelesysSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The asynchronous operations over real HTTP: to the simulator, and to a vendor that stalls. */
class VoxtelesysAsyncTest {
  private static final String KEY = "vox-async-test-key";
  private static final CallFlow FLOW = CallFlow.of(Say.of("Your order has shipped."));
  private static final CallRequest REQUEST =
      CallRequest.builder().from("+15550001111").to("+15556667777").flow(FLOW).build();

  private static Switchboard.Builder client(URI base, String timeoutMs) {
    return Switchboard.builder()
        .provider(new VoxtelesysProvider())
        .config(
            SwitchboardConfig.of(
                Map.of(
                    VoxtelesysProvider.API_KEY,
                    KEY,
                    VoxtelesysProvider.BASE_URL,
                    base.toString(),
                    "switchboard.voxtelesys.timeout-ms",
                    timeoutMs)));
  }

  /** Answers a create with a call after {@code release}, and everything else as an empty list. */
  private static void createAfter(FaultyVendor vendor, CountDownLatch release) {
    vendor.healthy(
        request -> {
          if (!request.method().equals("POST")) {
            return new FaultyVendor.Answer(200, "{\"results\":[],\"page_count\":0}");
          }
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new FaultyVendor.Answer(201, "{\"id\":\"c-async-1\",\"status\":\"queued\"}");
        });
  }

  private static long creates(FaultyVendor vendor) {
    return vendor.requests().stream().filter(r -> r.method().equals("POST")).count();
  }

  @Test
  @DisplayName("A call placed and read without blocking, against the simulator")
  void placeAndRead() throws Exception {
    try (VoxtelesysSimulator simulator = new VoxtelesysSimulator(KEY)) {
      simulator.start();
      simulator.scriptNextCall(Callee.builder().build());
      try (VoiceClient client = client(simulator.baseUrl(), "5000").build()) {
        Call placed = client.placeCallAsync(REQUEST).get(20, TimeUnit.SECONDS);
        assertThat(placed.id()).isNotBlank();
        Call read = client.getCallAsync(placed.id()).get(20, TimeUnit.SECONDS);
        assertThat(read.id()).isEqualTo(placed.id());
        assertThat(simulator.awaitTranscript(placed.id(), Duration.ofSeconds(20)).toString())
            .contains("Your order has shipped.");
      }
    }
  }

  @Test
  @DisplayName("Bad input fails the future with the typed error, and nothing is sent")
  void badInput() throws Exception {
    try (FaultyVendor vendor = FaultyVendor.start();
        VoiceClient client = client(vendor.url("/api/v1"), "5000").build()) {
      CompletableFuture<Call> future =
          client.placeCallAsync(
              CallRequest.builder()
                  .from("+15550001111")
                  .to("+15556667777")
                  .flow(CallFlow.of(new Reject()))
                  .build());
      assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(InvalidInputException.class);
      CompletableFuture<Void> hangup = client.hangupAsync("..");
      assertThatThrownBy(() -> hangup.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(InvalidInputException.class);
      assertThat(vendor.requests()).isEmpty();
    }
  }

  @Test
  @DisplayName("Cancelled before its request starts, a call is never placed")
  void cancelledBeforeSending() throws Exception {
    List<Runnable> held = new ArrayList<>();
    Executor holding = held::add;
    try (FaultyVendor vendor = FaultyVendor.start();
        VoiceClient client = client(vendor.url("/api/v1"), "5000").executor(holding).build()) {
      createAfter(vendor, new CountDownLatch(0));
      CompletableFuture<Call> future = client.placeCallAsync(REQUEST);
      assertThat(future.cancel(true)).isTrue();
      held.forEach(Runnable::run);
      assertThat(future).isCancelled();
      assertThat(vendor.requests()).isEmpty();
    }
  }

  @Test
  @DisplayName("Cancelled while its request is in flight, the placed call is still reported")
  void cancelledInFlight() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (FaultyVendor vendor = FaultyVendor.start();
        VoiceClient client = client(vendor.url("/api/v1"), "20000").build()) {
      createAfter(vendor, release);
      CompletableFuture<Call> future = client.placeCallAsync(REQUEST);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (creates(vendor) == 0) {
        assertThat(System.nanoTime()).as("the create reaches the vendor").isLessThan(deadline);
        Thread.onSpinWait();
      }
      assertThat(future.cancel(true)).isFalse();
      future.orTimeout(1, TimeUnit.MILLISECONDS);
      release.countDown();
      assertThat(future.get(20, TimeUnit.SECONDS).id()).isEqualTo("c-async-1");
      assertThat(creates(vendor)).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("A vendor that never answers fails the future within the whole-request time-out")
  void bounded() throws Exception {
    try (FaultyVendor vendor = FaultyVendor.start();
        VoiceClient client = client(vendor.url("/api/v1"), "500").build()) {
      vendor.fault(Fault.NO_ANSWER);
      long started = System.nanoTime();
      CompletableFuture<Call> future = client.placeCallAsync(REQUEST);
      assertThatThrownBy(() -> future.get(20, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ProviderUnavailableException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      assertThat(creates(vendor)).isEqualTo(1);
    }
  }
}
