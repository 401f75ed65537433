package dev.switchboard.testkit.broken;

import dev.switchboard.Call;
import dev.switchboard.CallRequest;
import dev.switchboard.Capabilities;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.event.CallEvent;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.testkit.SandboxProvider;
import dev.switchboard.webhook.WebhookContext;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookRequest;
import java.util.List;
import java.util.function.Consumer;

/**
 * A provider that forwards to a sandbox after changing the flow it is asked to run: the base of the
 * deliberately broken providers the kit must catch.
 */
abstract class SandboxWrapper implements VoiceProvider {
  private final SandboxProvider sandbox;

  SandboxWrapper(SandboxProvider sandbox) {
    this.sandbox = sandbox;
  }

  /** What the broken provider really runs instead of {@code flow}. */
  abstract CallFlow distort(CallFlow flow);

  @Override
  public Capabilities capabilities() {
    return sandbox.capabilities();
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of();
  }

  @Override
  public ProviderClient connect(SwitchboardConfig config) {
    ProviderClient inner = sandbox.connect(config);
    return new ProviderClient() {
      @Override
      public Call placeCall(CallRequest request) {
        return inner.placeCall(
            new CallRequest(
                request.to(),
                request.from(),
                distort(request.flow()),
                request.tags(),
                request.maxDuration()));
      }

      @Override
      public void setEventSink(Consumer<CallEvent> sink) {
        inner.setEventSink(sink);
      }

      @Override
      public WebhookDelivery readWebhook(WebhookRequest request, WebhookContext context) {
        return inner.readWebhook(request, context);
      }
    };
  }
}
