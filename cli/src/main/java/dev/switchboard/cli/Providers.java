package dev.switchboard.cli;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.spi.VoiceProvider;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The providers on the command's class path. */
final class Providers {
  private Providers() {}

  /** Every provider found, in id order. */
  static List<VoiceProvider> all() {
    return Switchboard.providers().stream()
        .sorted(Comparator.comparing(VoiceProvider::id))
        .toList();
  }

  /**
   * The providers of a comma-separated list, in its order; an unknown id, or one listed twice, is a
   * usage error.
   */
  static List<VoiceProvider> list(String ids) {
    List<String> names = SwitchboardConfig.providerList(ids);
    if (names.isEmpty()) {
      return List.of(find(ids));
    }
    if (new HashSet<>(names).size() < names.size()) {
      throw new UsageException("--provider names a provider twice: '" + ids + "'");
    }
    return names.stream().map(Providers::find).toList();
  }

  /** The provider with this id; an unknown id is a usage error listing the known ones. */
  static VoiceProvider find(String id) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    return all().stream()
        .filter(p -> p.id().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new UsageException(
                    "unknown provider '"
                        + id
                        + "'; known providers: "
                        + all().stream().map(VoiceProvider::id).collect(Collectors.joining(", "))));
  }
}
