package dev.switchboard;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * No provider of a client with several can run a flow: each one's verdict says why, in the order
 * they are configured. Thrown before any request is sent.
 */
public final class NoRouteException extends VoiceException {
  private static final long serialVersionUID = 1L;

  private final List<FlowVerdict> verdicts;

  /** The failure for these verdicts, none of which is clean, in the configured order. */
  public NoRouteException(List<FlowVerdict> verdicts) {
    super(describe(verdicts), null, null, null);
    this.verdicts = List.copyOf(verdicts);
  }

  private static String describe(List<FlowVerdict> verdicts) {
    return "no provider can run this: "
        + verdicts.stream()
            .map(
                verdict ->
                    verdict.providerId()
                        + " ("
                        + Stream.concat(
                                verdict.gaps().stream().map(CapabilityGap::toString),
                                verdict.violations().stream().map(Violation::toString))
                            .collect(Collectors.joining("; "))
                        + ")")
            .collect(Collectors.joining(", "));
  }

  /** Every provider's verdict, in the configured order. */
  public List<FlowVerdict> verdicts() {
    return verdicts;
  }
}
