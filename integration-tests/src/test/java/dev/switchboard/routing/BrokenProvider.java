package dev.switchboard.routing;

import dev.switchboard.Capabilities;
import dev.switchboard.Capability;
import dev.switchboard.CapabilityGap;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.Violation;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.spi.VoiceProvider;
import java.util.List;

/** A provider whose connection always fails, as one whose vendor library is broken. */
final class BrokenProvider implements VoiceProvider {
  static final String ID = "broken";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Broken";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.of(Capability.OUTBOUND_CALL, Capability.SAY);
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of();
  }

  @Override
  public List<CapabilityGap> vendorGaps(CallFlow flow) {
    return List.of();
  }

  @Override
  public List<Violation> vendorViolations(CallFlow flow) {
    return List.of();
  }

  @Override
  public ProviderClient connect(SwitchboardConfig config) {
    throw new IllegalStateException("the vendor library failed to start");
  }
}
