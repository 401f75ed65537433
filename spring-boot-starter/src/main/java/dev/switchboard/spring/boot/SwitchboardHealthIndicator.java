package dev.switchboard.spring.boot;

import dev.switchboard.VoiceClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Up once the client is built: its configuration was valid and its provider found. It places no
 * call and calls no vendor, so it costs nothing; its details name the provider, never a key.
 */
public class SwitchboardHealthIndicator implements HealthIndicator {
  private final VoiceClient client;

  public SwitchboardHealthIndicator(VoiceClient client) {
    this.client = client;
  }

  @Override
  public Health health() {
    Health.Builder health =
        Health.up().withDetail("provider", String.join(",", client.providerIds()));
    if (!client.unavailableProviders().isEmpty()) {
      // Routing works without them, but someone should know they are missing.
      health.withDetail("unavailable", client.unavailableProviders().keySet());
    }
    return health.withDetail("capabilities", client.capabilities().asSet().size()).build();
  }
}
