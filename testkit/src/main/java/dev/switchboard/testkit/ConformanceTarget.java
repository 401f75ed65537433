package dev.switchboard.testkit;

import dev.switchboard.CallRequest;
import dev.switchboard.Capability;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.webhook.WebhookRequest;
import java.util.List;

/**
 * What the {@link ProviderConformanceKit} needs to run a provider end to end: the provider, a
 * configuration that points it at its vendor's simulator, and a way to run one call to a scripted
 * callee and read back what the callee observed.
 *
 * <p>A provider module implements this once (usually on top of its simulator) and hands it to the
 * kit from {@link ProviderConformanceKit#createTarget()}.
 */
public interface ConformanceTarget extends AutoCloseable {

  /** The provider under test. */
  VoiceProvider provider();

  /**
   * A configuration that connects the provider to the simulator, with webhooks signed under {@code
   * switchboard.webhook.base-url} and {@code switchboard.webhook.secret}.
   */
  SwitchboardConfig config();

  /**
   * Places an outbound call running {@code flow} through {@code client}, to a callee who behaves as
   * {@code callee} says, waits until the call is over, and returns the call's id with what the
   * callee observed.
   */
  ObservedCall call(VoiceClient client, CallFlow flow, Callee callee);

  /** How many requests have reached the vendor (the simulator) so far. */
  int vendorRequests();

  /** Whether the provider is registered for {@code ServiceLoader} discovery. */
  boolean registeredForDiscovery();

  /** Flows the provider accepts in the neutral model but its vendor's limits refuse. */
  default List<CallFlow> flowsOutsideVendorLimits() {
    return List.of();
  }

  /**
   * The outbound call the kit places for {@code flow}: to a fixed test number, and from a fixed
   * caller id when the provider declares caller ids (some vendors require one).
   */
  default CallRequest requestFor(CallFlow flow) {
    CallRequest.Builder request = CallRequest.builder().to("+15556660000").flow(flow);
    if (provider().capabilities().has(Capability.CALLER_ID)) {
      request.from("+15550001111");
    }
    return request.build();
  }

  /**
   * Every callback request the vendor delivered to the application so far, in order, as the webhook
   * server received it; empty for a target whose calls never call back.
   */
  default List<WebhookRequest> deliveredCallbacks() {
    return List.of();
  }

  /** Stops simulators and servers. */
  @Override
  default void close() {}
}
