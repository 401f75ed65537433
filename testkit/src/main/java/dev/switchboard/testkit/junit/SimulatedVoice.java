package dev.switchboard.testkit.junit;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.testkit.EventLog;
import dev.switchboard.testkit.simulator.SimulatorFactory;
import dev.switchboard.testkit.simulator.VendorSimulator;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What {@link SimulatedVendor} sets up for a test: the vendor's simulator, a webhook server on
 * loopback, and a client for the vendor's provider configured against both, whose events go to
 * {@link #events()}. {@link #connect} builds the client differently, e.g. with a provider instance
 * or a state store of the test's own.
 */
public final class SimulatedVoice implements AutoCloseable {
  private static final String SECRET = "simulated-vendor-webhook-secret";

  private final String providerId;
  private final VendorSimulator simulator;
  private final WebhookServer webhooks;
  private final SwitchboardConfig config;
  private final EventLog events = new EventLog();
  private final AtomicReference<VoiceClient> client = new AtomicReference<>();
  private volatile Consumer<WebhookRequest> beforeWebhook = request -> {};
  private volatile UnaryOperator<WebhookResponse> afterWebhook = UnaryOperator.identity();

  SimulatedVoice(String providerId, SimulatorFactory factory, Map<String, String> extra) {
    this.providerId = providerId;
    this.simulator = factory.create().start();
    try {
      this.webhooks =
          WebhookServer.start(
              this::webhook, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      simulator.close();
      throw new UncheckedIOException("could not start the webhook server", e);
    }
    Map<String, String> values = new HashMap<>(factory.config(simulator.baseUrl()));
    values.put(SwitchboardConfig.PROVIDER, providerId);
    values.put(SwitchboardConfig.WEBHOOK_BASE_URL, webhooks.localUrl() + "/hooks");
    values.put(SwitchboardConfig.WEBHOOK_SECRET, SECRET);
    values.putAll(extra);
    this.config = SwitchboardConfig.of(values);
  }

  private WebhookResponse webhook(WebhookRequest request) {
    beforeWebhook.accept(request);
    VoiceClient current = client.get();
    return afterWebhook.apply(
        current == null
            ? WebhookResponse.serverError()
            : current.handleWebhook(request).response());
  }

  /** The simulator. */
  public VendorSimulator simulator() {
    return simulator;
  }

  /** The simulator as its own class, e.g. {@code HoiioSimulator}. */
  public <T extends VendorSimulator> T simulator(Class<T> type) {
    return type.cast(simulator);
  }

  /** The client, built with the simulator's configuration on first use unless {@link #connect}. */
  public VoiceClient client() {
    VoiceClient current = client.get();
    return current != null ? current : connect(UnaryOperator.identity());
  }

  /**
   * Builds the client anew from a builder already given the configuration and the event log, as
   * {@code customize} changes it; the webhook server serves the new one, and the old is closed.
   */
  public VoiceClient connect(UnaryOperator<Switchboard.Builder> customize) {
    VoiceClient built =
        customize
            .apply(Switchboard.builder().provider(providerId).config(config).onEvent(events))
            .build();
    VoiceClient old = client.getAndSet(built);
    if (old != null) {
      old.close();
    }
    return built;
  }

  /** Every event the client has delivered. */
  public EventLog events() {
    return events;
  }

  /** The configuration the client is built with: the simulator's, the webhooks', and extras. */
  public SwitchboardConfig config() {
    return config;
  }

  /** The base URL signed callback URLs start with. */
  public URI webhookBaseUrl() {
    return URI.create(webhooks.localUrl() + "/hooks");
  }

  /** Runs {@code action} on every webhook request before the client handles it. */
  public void beforeWebhook(Consumer<WebhookRequest> action) {
    this.beforeWebhook = Objects.requireNonNull(action, "action");
  }

  /**
   * Answers every webhook request with what {@code action} makes of the client's answer, e.g. a 500
   * to play an application that loses a delivery after handling it.
   */
  public void afterWebhook(UnaryOperator<WebhookResponse> action) {
    this.afterWebhook = Objects.requireNonNull(action, "action");
  }

  /** Closes the client, the webhook server and the simulator. */
  @Override
  public void close() {
    VoiceClient current = client.getAndSet(null);
    if (current != null) {
      current.close();
    }
    webhooks.close();
    simulator.close();
  }
}
