package dev.switchboard.cli;

import dev.switchboard.Capability;
import dev.switchboard.CapabilityGap;
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

  /** Fails with every gap, and every vendor limit broken, before anything is sent. */
  static void check(VoiceProvider provider, CallFlow flow) {
    provider.verdict(flow).orThrow();
  }
}
