package dev.switchboard.spi;

import dev.switchboard.Capabilities;
import dev.switchboard.CapabilityGap;
import dev.switchboard.FlowVerdict;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.Violation;
import dev.switchboard.flow.CallFlow;
import java.util.List;
import java.util.Optional;

/**
 * A telephony vendor, found with {@link java.util.ServiceLoader}. Implementations have a public
 * no-argument constructor that does no I/O and cannot fail, and are registered both in {@code
 * module-info.java} ({@code provides}) and in {@code META-INF/services}.
 *
 * <p>Everything here works without credentials, so tools can list providers, check flows and print
 * capability matrices offline; only {@link #connect} needs configuration.
 */
public interface VoiceProvider {

  /** The id users configure with {@code switchboard.provider}, lower case, e.g. {@code hoiio}. */
  String id();

  /** The vendor's name for people, e.g. {@code Hoiio}. */
  default String displayName() {
    return id();
  }

  /** What this provider reproduces exactly. */
  Capabilities capabilities();

  /** The configuration keys this provider reads. */
  List<ConfigKey> configKeys();

  /**
   * Whether this provider can run {@code flow} exactly: the capabilities it does not declare; when
   * it declares them all, the places where its vendor narrows a verb ({@link #vendorGaps}); when
   * there are no gaps, the vendor limits the flow breaks ({@link #vendorViolations}). Every caller
   * asks this one question; a provider supplies the parts and need not override it.
   */
  default FlowVerdict verdict(CallFlow flow) {
    List<CapabilityGap> gaps = capabilities().missingFor(flow);
    if (gaps.isEmpty()) {
      gaps = vendorGaps(flow);
    }
    return gaps.isEmpty()
        ? new FlowVerdict(id(), List.of(), vendorViolations(flow))
        : new FlowVerdict(id(), gaps, List.of());
  }

  /**
   * Whether this provider can answer an incoming call with {@code flow} exactly. Core asks this,
   * not {@link #verdict}, before a provider answers an incoming call. The default is {@link
   * #verdict}; a vendor whose incoming calls run other verbs than its outbound ones (Xoxzo answers
   * a DIN's call with one action, which may be a transfer its outbound calls cannot make) says so
   * here.
   */
  default FlowVerdict incomingVerdict(CallFlow flow) {
    return verdict(flow);
  }

  /**
   * Where the vendor narrows a verb this provider declares, such as a finish key it cannot honour
   * or a language it has no voice for. Called only for flows that need no undeclared capability.
   * The default finds none.
   */
  default List<CapabilityGap> vendorGaps(CallFlow flow) {
    return List.of();
  }

  /**
   * The vendor's documented limits {@code flow} breaks (text length, ranges, URL schemes), every
   * one with its field and rule. Called only for flows without gaps. The default finds none.
   */
  default List<Violation> vendorViolations(CallFlow flow) {
    return List.of();
  }

  /**
   * What this provider would send for {@code flow}, for people to read (VoxXML, block requests,
   * request forms), without credentials or callback URLs. Empty when the provider cannot show it.
   * Called only for flows without gaps.
   */
  default Optional<String> render(CallFlow flow) {
    return Optional.empty();
  }

  /**
   * Opens a client with the given configuration, which core has already checked for the required
   * keys of {@link #configKeys()}.
   */
  ProviderClient connect(SwitchboardConfig config);
}
