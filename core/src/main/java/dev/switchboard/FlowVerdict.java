package dev.switchboard;

import java.util.List;
import java.util.Objects;

/**
 * Whether a provider can run a flow exactly, and if not, everything that stands in the way, each
 * with its position: the capabilities it lacks, the places where its vendor narrows a verb it has,
 * and the vendor limits the flow breaks. Nothing is sent to decide it.
 *
 * <pre>{@code
 * FlowVerdict verdict = voice.verdict(flow);
 * if (!verdict.ok()) {
 *   verdict.gaps().forEach(gap -> log.warn("cannot run {}", gap));
 * }
 * voice.verdict(flow).orThrow();   // or fail with a typed exception naming every problem
 * }</pre>
 *
 * @param providerId the provider judged
 * @param gaps what the provider cannot do; when there are any, vendor limits are not judged, since
 *     a flow that cannot run at all has no limits to break
 * @param violations the vendor limits the flow breaks
 */
public record FlowVerdict(String providerId, List<CapabilityGap> gaps, List<Violation> violations) {
  public FlowVerdict {
    Objects.requireNonNull(providerId, "providerId");
    gaps = List.copyOf(gaps);
    violations = List.copyOf(violations);
  }

  /** A verdict with nothing in the way. */
  public static FlowVerdict runnable(String providerId) {
    return new FlowVerdict(providerId, List.of(), List.of());
  }

  /** Whether the provider can run the flow exactly. */
  public boolean ok() {
    return gaps.isEmpty() && violations.isEmpty();
  }

  /**
   * This verdict when the flow can run.
   *
   * @throws UnsupportedCapabilityException naming every gap, when there are any
   * @throws InvalidInputException naming every broken limit, otherwise when there are any
   */
  public FlowVerdict orThrow() {
    if (!gaps.isEmpty()) {
      throw new UnsupportedCapabilityException(providerId, gaps);
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(providerId, violations);
    }
    return this;
  }
}
