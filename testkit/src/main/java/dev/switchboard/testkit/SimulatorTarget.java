package dev.switchboard.testkit;

import dev.switchboard.Call;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.testkit.simulator.SimulatorFactory;
import dev.switchboard.testkit.simulator.Simulators;
import dev.switchboard.testkit.simulator.VendorSimulator;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs the conformance kit over real HTTP: the provider under test talks to its vendor's simulator
 * on loopback, and the simulator calls back a {@link WebhookServer} that hands every request to the
 * kit's {@link VoiceClient}. A provider module builds one in its {@code *ConformanceTest}:
 *
 * <pre>{@code
 * return SimulatorTarget.builder(new HoiioProvider()).build();   // the registered simulator
 * }</pre>
 *
 * <p>The simulator is the one a {@link SimulatorFactory} registers for the provider's id; a test
 * can also bring its own with {@link #builder(VoiceProvider, VendorSimulator)}.
 */
public final class SimulatorTarget implements ConformanceTarget {
  /** How long a call may take on loopback before the kit gives up on it. */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

  private static final String WEBHOOK_SECRET = "conformance-kit-webhook-secret";

  private final VoiceProvider provider;
  private final VendorSimulator simulator;
  private final boolean registered;
  private final List<CallFlow> outsideLimits;
  private final WebhookServer webhooks;
  private final SwitchboardConfig config;
  private final AtomicReference<VoiceClient> client = new AtomicReference<>();
  private final List<WebhookRequest> delivered = new CopyOnWriteArrayList<>();

  private SimulatorTarget(Builder builder) {
    this.provider = builder.provider;
    this.simulator = builder.simulator.start();
    this.registered = builder.registered;
    this.outsideLimits = List.copyOf(builder.outsideLimits);
    try {
      this.webhooks =
          WebhookServer.start(
              this::deliver, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    } catch (IOException e) {
      simulator.close();
      throw new UncheckedIOException("could not start the kit's webhook server", e);
    }
    Map<String, String> values = new HashMap<>(builder.config.apply(simulator.baseUrl()));
    values.put(SwitchboardConfig.WEBHOOK_BASE_URL, webhooks.localUrl() + "/hooks");
    values.put(SwitchboardConfig.WEBHOOK_SECRET, WEBHOOK_SECRET);
    this.config = SwitchboardConfig.of(values);
  }

  /**
   * A target for {@code provider}, talking to the simulator registered for its id, configured with
   * the credentials that simulator accepts.
   *
   * @throws IllegalArgumentException when no simulator is registered for the provider
   */
  public static Builder builder(VoiceProvider provider) {
    SimulatorFactory factory =
        Simulators.forProvider(provider.id())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no simulator is registered for provider '"
                            + provider.id()
                            + "': register a "
                            + SimulatorFactory.class.getName()
                            + " for it with ServiceLoader"));
    return new Builder(provider, factory.create()).config(factory::config);
  }

  /** A target for {@code provider}, talking to {@code simulator} (started by the target). */
  public static Builder builder(VoiceProvider provider, VendorSimulator simulator) {
    return new Builder(provider, simulator);
  }

  private WebhookResponse deliver(WebhookRequest request) {
    VoiceClient current = client.get();
    if (current == null) {
      return WebhookResponse.serverError();
    }
    delivered.add(request);
    return current.handleWebhook(request).response();
  }

  @Override
  public List<WebhookRequest> deliveredCallbacks() {
    return List.copyOf(delivered);
  }

  /** The simulator, e.g. to read its wire log when a rule fails. */
  public VendorSimulator simulator() {
    return simulator;
  }

  @Override
  public VoiceProvider provider() {
    return provider;
  }

  @Override
  public SwitchboardConfig config() {
    return config;
  }

  @Override
  public ObservedCall call(VoiceClient voice, CallFlow flow, Callee callee) {
    client.set(voice);
    simulator.scriptNextCall(callee);
    Call call = voice.placeCall(requestFor(flow));
    return new ObservedCall(call.id(), simulator.awaitTranscript(call.id(), CALL_TIMEOUT));
  }

  @Override
  public int vendorRequests() {
    return simulator.requestCount();
  }

  @Override
  public boolean registeredForDiscovery() {
    return registered;
  }

  @Override
  public List<CallFlow> flowsOutsideVendorLimits() {
    return outsideLimits;
  }

  @Override
  public void close() {
    webhooks.close();
    simulator.close();
  }

  /** Builds a {@link SimulatorTarget}. */
  public static final class Builder {
    private final VoiceProvider provider;
    private final VendorSimulator simulator;
    private Function<URI, Map<String, String>> config = base -> Map.of();
    private boolean registered = true;
    private final List<CallFlow> outsideLimits = new ArrayList<>();

    private Builder(VoiceProvider provider, VendorSimulator simulator) {
      this.provider = Objects.requireNonNull(provider);
      this.simulator = Objects.requireNonNull(simulator);
    }

    /** The provider's own configuration, given the simulator's base URL. */
    public Builder config(Function<URI, Map<String, String>> config) {
      this.config = config;
      return this;
    }

    /** Whether the provider is registered for ServiceLoader discovery; true by default. */
    public Builder registeredForDiscovery(boolean registered) {
      this.registered = registered;
      return this;
    }

    /** Flows inside the neutral model but outside the vendor's documented limits. */
    public Builder outsideVendorLimits(CallFlow... flows) {
      outsideLimits.addAll(List.of(flows));
      return this;
    }

    public SimulatorTarget build() {
      return new SimulatorTarget(this);
    }
  }
}
