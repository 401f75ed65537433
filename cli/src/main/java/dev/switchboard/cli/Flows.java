package dev.switchboard.cli;

import dev.switchboard.Capability;
import dev.switchboard.CapabilityGap;
import dev.switchboard.FlowVerdict;
import dev.switchboard.NoRouteException;
import dev.switchboard.UnsupportedCapabilityException;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.FlowJson;
import dev.switchboard.spi.VoiceProvider;
import java.nio.file.Path;
import java.util.List;

/** Reading flow files and checking them against a provider. */
final class Flows {
  private Flows() {}

  /** The flow in {@code file}; a missing or bad file fails with the JSON path of the problem. */
  static CallFlow read(Path file) {
    return FlowJson.read(file);
  }

  /** Fails when the provider does not declare {@code capability}. */
  static void require(VoiceProvider provider, Capability capability) {
    if (!provider.capabilities().has(capability)) {
      throw new UnsupportedCapabilityException(
          provider.id(), List.of(CapabilityGap.of("", "", capability)));
    }
  }

  /**
   * Fails, before anything is sent, unless one of {@code providers} can run {@code flow}: with one,
   * naming every gap and broken limit; with several, every provider's reasons.
   */
  static void check(List<VoiceProvider> providers, CallFlow flow) {
    List<FlowVerdict> verdicts = providers.stream().map(p -> p.verdict(flow)).toList();
    if (verdicts.stream().noneMatch(FlowVerdict::ok)) {
      if (verdicts.size() == 1) {
        verdicts.get(0).orThrow();
      }
      throw new NoRouteException(verdicts);
    }
  }
}
