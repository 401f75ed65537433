package dev.switchboard.provider.support;

import dev.switchboard.Capabilities;
import dev.switchboard.CapabilityGap;
import dev.switchboard.Violation;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.VoiceProvider;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The part of a {@link VoiceProvider} that is only a description of the vendor: its id and name,
 * what it declares, the keys it reads and the rules its document sets on flows. A vendor module
 * passes these once to the constructor and writes only {@link #connect} and, where it can show one,
 * {@link #render}; everything a tool asks offline then answers the same way for every vendor.
 */
public abstract class VendorProvider implements VoiceProvider {
  private final String id;
  private final String displayName;
  private final Capabilities capabilities;
  private final List<ConfigKey> configKeys;
  private final Function<CallFlow, List<CapabilityGap>> gaps;
  private final Function<CallFlow, List<Violation>> violations;

  /**
   * @param id what users configure with {@code switchboard.provider}
   * @param displayName the vendor's name for people
   * @param capabilities what the provider reproduces exactly
   * @param configKeys the keys {@link #connect} reads, each with its one default
   * @param gaps where the vendor narrows a declared verb, see {@link #vendorGaps}
   * @param violations the vendor limits a flow breaks, see {@link #vendorViolations}
   */
  protected VendorProvider(
      String id,
      String displayName,
      Capabilities capabilities,
      List<ConfigKey> configKeys,
      Function<CallFlow, List<CapabilityGap>> gaps,
      Function<CallFlow, List<Violation>> violations) {
    this.id = Objects.requireNonNull(id, "id");
    this.displayName = Objects.requireNonNull(displayName, "displayName");
    this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    this.configKeys = List.copyOf(configKeys);
    this.gaps = Objects.requireNonNull(gaps, "gaps");
    this.violations = Objects.requireNonNull(violations, "violations");
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String displayName() {
    return displayName;
  }

  @Override
  public final Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public final List<ConfigKey> configKeys() {
    return configKeys;
  }

  @Override
  public final List<CapabilityGap> vendorGaps(CallFlow flow) {
    return gaps.apply(flow);
  }

  @Override
  public final List<Violation> vendorViolations(CallFlow flow) {
    return violations.apply(flow);
  }

  /** The class's simple name, which is what logs and discovery reports show. */
  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
