package dev.switchboard.discovery;

import dev.switchboard.Call;
import dev.switchboard.CallRequest;
import dev.switchboard.Capabilities;
import dev.switchboard.Capability;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.webhook.WebhookContext;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookRequest;
import java.util.List;

/**
 * Base of the providers that discovery tests register in class loaders of their own: no
 * configuration keys, so selection is all that can fail, and a client that refuses to do anything.
 * The subclasses are never registered on the test class path itself.
 */
public abstract class FakeProvider implements VoiceProvider {
  private final String id;

  protected FakeProvider(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.of(Capability.OUTBOUND_CALL);
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of();
  }

  @Override
  public ProviderClient connect(SwitchboardConfig config) {
    return new ProviderClient() {
      @Override
      public Call placeCall(CallRequest request) {
        throw new UnsupportedOperationException("discovery fixtures place no calls");
      }

      @Override
      public WebhookDelivery readWebhook(WebhookRequest request, WebhookContext context) {
        throw new UnsupportedOperationException("discovery fixtures take no webhooks");
      }
    };
  }
}
