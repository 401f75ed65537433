package dev.switchboard;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.spi.VoiceProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One provider of a {@link VoiceClient}, connected: what it declares and the client that talks to
 * its vendor. A client has one route per configured provider, in the configured order.
 */
final class Route {
  private final VoiceProvider provider;
  private final ProviderClient client;

  Route(VoiceProvider provider, ProviderClient client) {
    this.provider = provider;
    this.client = client;
  }

  String id() {
    return provider.id();
  }

  VoiceProvider provider() {
    return provider;
  }

  ProviderClient client() {
    return client;
  }

  /** The gap of an operation that needs {@code capability}, when the provider lacks it. */
  Optional<CapabilityGap> operationGap(Capability capability) {
    return provider.capabilities().has(capability)
        ? Optional.empty()
        : Optional.of(CapabilityGap.of("", "", capability));
  }

  /** Fails, before anything is sent, when the provider lacks {@code capability}. */
  void require(Capability capability) {
    operationGap(capability)
        .ifPresent(
            gap -> {
              throw new UnsupportedCapabilityException(provider.id(), List.of(gap));
            });
  }

  /** The provider's verdict on {@code flow} for an operation that also lacks {@code operation}. */
  FlowVerdict verdict(CallFlow flow, List<CapabilityGap> operation) {
    FlowVerdict verdict = provider.verdict(flow);
    List<CapabilityGap> gaps = new ArrayList<>(operation);
    gaps.addAll(verdict.gaps());
    return new FlowVerdict(provider.id(), gaps, verdict.violations());
  }

  /** The gaps of placing {@code request}, beyond those of its flow. */
  List<CapabilityGap> placingGaps(CallRequest request) {
    List<CapabilityGap> gaps = new ArrayList<>();
    operationGap(Capability.OUTBOUND_CALL).ifPresent(gaps::add);
    if (request.from().isPresent()) {
      operationGap(Capability.CALLER_ID).ifPresent(gaps::add);
    }
    if (!request.tags().isEmpty()) {
      operationGap(Capability.TAGS).ifPresent(gaps::add);
    }
    if (request.maxDuration().isPresent()) {
      operationGap(Capability.CALL_DURATION_LIMIT).ifPresent(gaps::add);
    }
    return gaps;
  }

  @Override
  public String toString() {
    return provider.id();
  }
}
