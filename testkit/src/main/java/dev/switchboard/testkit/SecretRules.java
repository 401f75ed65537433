package dev.switchboard.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.ConfigKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's rules for secrets; see {@link ProviderConformanceKit} and {@code docs/conformance.md}.
 */
interface SecretRules {
  /** The kit's state and helpers for the rule running. */
  KitContext kit();

  @Test
  @DisplayName("[SEC-01] Credentials never appear in toString() or in error messages")
  default void noLeaks() {
    Set<String> secretKeys = new TreeSet<>(List.of(SwitchboardConfig.WEBHOOK_SECRET));
    kit().target().provider().configKeys().stream()
        .filter(ConfigKey::secret)
        .map(ConfigKey::name)
        .forEach(secretKeys::add);
    SwitchboardConfig config = kit().target().config();
    for (String key : secretKeys) {
      config = config.with(key, KitContext.CANARY + "-" + key);
    }
    List<String> shown = new ArrayList<>();
    shown.add(config.toString());
    try (VoiceClient canaryClient = kit().connect(config, event -> {})) {
      shown.add(canaryClient.toString());
      shown.add(kit().target().provider().toString());
      for (CallFlow flow : kit().target().flowsOutsideVendorLimits()) {
        try {
          canaryClient.placeCall(kit().target().requestFor(flow));
        } catch (RuntimeException e) {
          shown.add(String.valueOf(e.getMessage()));
        }
      }
    } catch (RuntimeException e) {
      shown.add(String.valueOf(e.getMessage()));
    }
    for (String text : shown) {
      assertFalse(text.contains(KitContext.CANARY), () -> "a credential leaked: " + text);
    }
  }
}
