package dev.switchboard.cli;

import dev.switchboard.Capability;
import dev.switchboard.spi.VoiceProvider;
import java.util.Comparator;
import java.util.List;

/** The capability matrix of a set of providers, as a Markdown table: one row per capability. */
public final class CapabilityMatrix {
  private CapabilityMatrix() {}

  /** Providers in id order, so the table is stable whatever the class path order. */
  public static String markdown(List<VoiceProvider> providers) {
    List<VoiceProvider> sorted =
        providers.stream().sorted(Comparator.comparing(VoiceProvider::id)).toList();
    StringBuilder out = new StringBuilder("| capability |");
    sorted.forEach(p -> out.append(' ').append(p.displayName()).append(" |"));
    out.append("\n|---|");
    sorted.forEach(p -> out.append("---|"));
    out.append('\n');
    for (Capability capability : Capability.values()) {
      out.append("| ").append(capability.description()).append(" |");
      for (VoiceProvider provider : sorted) {
        out.append(provider.capabilities().has(capability) ? " yes |" : " — |");
      }
      out.append('\n');
    }
    return out.toString();
  }
}
