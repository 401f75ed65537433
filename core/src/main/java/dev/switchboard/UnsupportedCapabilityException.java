package dev.switchboard;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A provider cannot run a flow or operation exactly as the neutral model means it. Thrown before
 * any request is sent, naming every gap with its position in the flow.
 */
public class UnsupportedCapabilityException extends VoiceException {
  private static final long serialVersionUID = 1L;

  private final List<CapabilityGap> gaps;

  public UnsupportedCapabilityException(String providerId, List<CapabilityGap> gaps) {
    super(describe(providerId, gaps), providerId, null, null);
    if (gaps.isEmpty()) {
      throw new IllegalArgumentException("an UnsupportedCapabilityException needs a gap");
    }
    this.gaps = List.copyOf(gaps);
  }

  private static String describe(String providerId, List<CapabilityGap> gaps) {
    return "provider '"
        + providerId
        + "' cannot run this: "
        + gaps.stream().map(CapabilityGap::toString).collect(Collectors.joining("; "));
  }

  /** Every gap, in flow order. */
  public List<CapabilityGap> gaps() {
    return gaps;
  }
}
