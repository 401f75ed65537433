package dev.switchboard.testkit.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.AuthenticationException;
import dev.switchboard.CallNotFoundException;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.RateLimitedException;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.VoiceException;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Say;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.state.InMemoryStateStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every operation of a provider that reaches the vendor ({@link FaultOperation}) against every way
 * the vendor can fail ({@link Fault}), over real HTTP to a {@link FaultyVendor} on loopback. A
 * provider module extends this class and says how to configure it; each cell then proves:
 *
 * <ol>
 *   <li>the failure is the typed exception a user can act on ({@link #expected}), never a bare
 *       runtime exception, and never a success where the answer proves nothing;
 *   <li>it comes within the configured time-outs ({@link #TIMEOUTS}), however slowly the vendor
 *       answers;
 *   <li>a call creation is sent exactly once, whatever the fault: a re-sent one could ring twice;
 *   <li>failed creations leave nothing in the state store.
 * </ol>
 *
 * A last test fails 200 creations in a row and checks that no thread or file descriptor is left
 * behind. The counts are printed when the class ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderFaultMatrix {
  /** Time-outs the matrix configures: short, so that the silent faults fail fast. */
  public static final Map<String, Long> TIMEOUTS =
      Map.of("connect-timeout-ms", 1_000L, "read-timeout-ms", 600L, "timeout-ms", 1_500L);

  /** The longest a failing operation may take: a read retried once, each up to the whole limit. */
  private static final Duration BOUND = Duration.ofMillis(2 * 1_500 + 1_500);

  private static final CallFlow FLOW = CallFlow.of(Say.of("Your table is ready."));

  private final AtomicInteger cells = new AtomicInteger();
  private final AtomicInteger typed = new AtomicInteger();
  private final AtomicInteger createsSentOnce = new AtomicInteger();
  private final AtomicInteger creates = new AtomicInteger();

  /** The provider under test. */
  protected abstract VoiceProvider provider();

  /**
   * The configuration that points the provider at {@code vendor} (the server's root URL, to which
   * the provider's own API path is appended), with any credentials it needs. The matrix adds the
   * time-outs.
   */
  protected abstract Map<String, String> config(URI vendor);

  /**
   * The id of a call the provider can ask the vendor about. By default an id the vendor would have
   * given; a provider that only asks about calls it placed overrides this to place one while the
   * vendor is {@link FaultyVendor#healthy}.
   */
  protected String knownCall(VoiceClient client, FaultyVendor vendor) {
    return "call-0001";
  }

  /**
   * What {@code operation} must end with when the vendor fails with {@code fault}: the exception,
   * or empty when the answer is a success by the vendor's document. By default every fault fails
   * every operation, except that a hang-up answered 2xx with JSON or nothing succeeded. A provider
   * overrides this only where its document says otherwise (which status refuses input).
   */
  protected Optional<Class<? extends VoiceException>> expected(
      FaultOperation operation, Fault fault) {
    if (operation == FaultOperation.HANGUP
        && (fault == Fault.EMPTY || fault == Fault.WRONG_SHAPE)) {
      // A 2xx to a hang-up is its success, whatever the body: nothing in it is read.
      return Optional.empty();
    }
    return Optional.of(
        switch (fault) {
          case STATUS_401 -> AuthenticationException.class;
          case STATUS_429 -> RateLimitedException.class;
          case STATUS_404 ->
              operation == FaultOperation.CREATE || operation == FaultOperation.LIST
                  ? ProviderUnavailableException.class
                  : CallNotFoundException.class;
          default -> ProviderUnavailableException.class;
        });
  }

  private VoiceClient connect(URI vendor, InMemoryStateStore state) {
    Map<String, String> config = new HashMap<>(config(vendor));
    TIMEOUTS.forEach(
        (key, millis) ->
            config.put("switchboard." + provider().id() + "." + key, String.valueOf(millis)));
    return Switchboard.builder()
        .provider(provider())
        .config(SwitchboardConfig.of(config))
        .state(state)
        .build();
  }

  @TestFactory
  @DisplayName("each operation against each fault: typed, bounded, sent once, nothing left")
  Stream<DynamicContainer> matrix() {
    return Stream.of(FaultOperation.values())
        .filter(operation -> provider().capabilities().has(operation.needs()))
        .map(
            operation ->
                DynamicContainer.dynamicContainer(
                    operation.name(),
                    Stream.of(Fault.values())
                        .map(
                            fault ->
                                DynamicTest.dynamicTest(
                                    fault.name(), () -> cell(operation, fault)))));
  }

  private void cell(FaultOperation operation, Fault fault) throws IOException {
    cells.incrementAndGet();
    InMemoryStateStore state = new InMemoryStateStore();
    try (FaultyVendor vendor = FaultyVendor.start()) {
      int stateBefore;
      try (VoiceClient client = connect(vendor.url(""), state)) {
        String callId = operation == FaultOperation.CREATE ? "" : knownCall(client, vendor);
        stateBefore = state.size();
        vendor.fault(fault);
        vendor.clearRequests();
        Optional<Class<? extends VoiceException>> expected = expected(operation, fault);
        long started = System.nanoTime();
        assertTimeoutPreemptively(
            BOUND.plusSeconds(5),
            () -> {
              if (expected.isPresent()) {
                Throwable thrown =
                    assertThrows(Throwable.class, () -> run(client, operation, callId));
                assertInstanceOf(
                    expected.get(), thrown, () -> operation + " on " + fault + ": " + thrown);
              } else {
                run(client, operation, callId);
              }
            });
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(BOUND) < 0, () -> operation + " on " + fault + " took " + took);
        typed.incrementAndGet();
        if (operation == FaultOperation.CREATE) {
          creates.incrementAndGet();
          assertEquals(
              fault == Fault.REFUSED ? 0 : 1,
              vendor.requests().size(),
              () -> "create requests on " + fault + ": " + vendor.requests());
          createsSentOnce.incrementAndGet();
        } else {
          assertTrue(
              vendor.requests().size() <= 2,
              () -> operation + " on " + fault + " sent " + vendor.requests());
        }
      }
      // Checked once the client is closed, which hands back what it holds while it runs (a lease).
      int left = state.size();
      assertTrue(left <= stateBefore, () -> operation + " on " + fault + " left state: " + left);
    }
  }

  private static void run(VoiceClient client, FaultOperation operation, String callId) {
    switch (operation) {
      case CREATE -> client.placeCall("+6561234567", "+6569876543", FLOW);
      case STATUS -> client.getCall(callId);
      case HANGUP -> client.hangup(callId);
      case LIST -> client.listCalls().forEach(call -> {});
    }
  }

  @Test
  @DisplayName("200 failed creations leave no thread, file descriptor or state behind")
  void nothingLeaks() throws Exception {
    InMemoryStateStore state = new InMemoryStateStore();
    try (FaultyVendor vendor = FaultyVendor.start()) {
      VoiceClient client = connect(vendor.url(""), state);
      List<Fault> faults = List.of(Fault.STATUS_500, Fault.CLOSED, Fault.TRUNCATED, Fault.HTML);
      fail(client, vendor, faults, 8);
      long threads = threads();
      long descriptors = descriptors();
      fail(client, vendor, faults, 200);
      assertEquals(208, vendor.requests().size(), "each creation sent once");
      await(
          () -> threads() <= threads + 2,
          () -> "threads back to " + threads + ", are " + threads());
      await(
          () -> descriptors() <= descriptors + 4,
          () -> "file descriptors back to " + descriptors + ", are " + descriptors());
      client.close();
      assertEquals(0, state.size(), "state left by failed creations");
    }
  }

  /** Fails {@code count} creations, cycling through {@code faults}. */
  private static void fail(VoiceClient client, FaultyVendor vendor, List<Fault> faults, int count)
      throws IOException {
    for (int i = 0; i < count; i++) {
      vendor.fault(faults.get(i % faults.size()));
      assertThrows(VoiceException.class, () -> run(client, FaultOperation.CREATE, ""));
    }
  }

  private static long threads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  private static long descriptors() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return unix.getOpenFileDescriptorCount();
    }
    return 0;
  }

  private static void await(BooleanSupplier condition, Supplier<String> what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, what);
      Thread.sleep(20);
    }
  }

  @AfterAll
  void counts() {
    List<String> parts = new ArrayList<>();
    parts.add(cells + " cells");
    parts.add(typed + " typed and bounded");
    parts.add(createsSentOnce + "/" + creates + " creates sent once");
    System.out.println("fault matrix " + provider().id() + ": " + String.join(", ", parts));
  }
}
