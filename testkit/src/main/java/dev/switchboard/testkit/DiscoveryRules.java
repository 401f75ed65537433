package dev.switchboard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.Capability;
import dev.switchboard.ConfigurationException;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.VoiceProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's rules for discovery and metadata; see {@link ProviderConformanceKit} and {@code
 * docs/conformance.md}.
 */
interface DiscoveryRules {
  /** The kit's state and helpers for the rule running. */
  KitContext kit();

  @Test
  @DisplayName("[DISC-01] The id is lower-case letters, digits and dashes, and stable")
  default void id() {
    String id = kit().target().provider().id();
    assertTrue(id.matches("[a-z][a-z0-9-]*"), () -> "bad id '" + id + "'");
    assertEquals(id, kit().target().provider().id());
  }

  @Test
  @DisplayName("[DISC-02] ServiceLoader finds the provider exactly when it says it is registered")
  default void discovery() {
    Class<?> type = kit().target().provider().getClass();
    boolean found =
        ServiceLoader.load(VoiceProvider.class, type.getClassLoader()).stream()
            .anyMatch(p -> p.type().equals(type));
    assertEquals(kit().target().registeredForDiscovery(), found);
  }

  @Test
  @DisplayName("[DISC-03] Missing configuration is reported all at once, and nothing is sent")
  default void missingConfiguration() {
    List<ConfigKey> required =
        kit().target().provider().configKeys().stream().filter(ConfigKey::required).toList();
    assumeTrue(!required.isEmpty(), "the provider requires no configuration");
    int before = kit().target().vendorRequests();
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> kit().connect(SwitchboardConfig.empty(), event -> {}).close());
    for (ConfigKey key : required) {
      assertTrue(
          e.getMessage().contains(key.name()),
          () -> "the error should name " + key.name() + ": " + e.getMessage());
    }
    assertEquals(before, kit().target().vendorRequests());
  }

  @Test
  @DisplayName("[DISC-04] Configuration keys are namespaced under switchboard.<id>.")
  default void configKeys() {
    String prefix = "switchboard." + kit().target().provider().id() + ".";
    for (ConfigKey key : kit().target().provider().configKeys()) {
      assertTrue(
          key.name().startsWith(prefix) || key.name().startsWith("switchboard.webhook."),
          () -> key.name() + " should start with " + prefix);
    }
  }

  @Test
  @DisplayName(
      "[DISC-05] The provider places or receives calls, and a fresh instance declares the same")
  default void direction() throws ReflectiveOperationException {
    assertTrue(kit().declares(Capability.OUTBOUND_CALL) || kit().declares(Capability.INBOUND_CALL));
    // Declarations must not depend on an instance's state: ServiceLoader makes fresh ones.
    VoiceProvider fresh = kit().target().provider().getClass().getConstructor().newInstance();
    assertEquals(kit().target().provider().capabilities(), fresh.capabilities());
    assertEquals(kit().target().provider().id(), fresh.id());
  }
}
