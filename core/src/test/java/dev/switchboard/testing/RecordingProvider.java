package dev.switchboard.testing;

import dev.switchboard.Call;
import dev.switchboard.CallRequest;
import dev.switchboard.CallStatus;
import dev.switchboard.Capabilities;
import dev.switchboard.Capability;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.WebhookVerificationException;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.state.CallbackBindings;
import dev.switchboard.state.CallbackSubject;
import dev.switchboard.webhook.CallbackClaim;
import dev.switchboard.webhook.WebhookContext;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookEndpoint;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A provider for core's own tests: it records what it is asked to do and reads a webhook's {@code
 * digits} parameter as a {@link DigitsGathered} event. Not registered with ServiceLoader; tests
 * that need discovery register it in a class loader of their own.
 */
public class RecordingProvider implements VoiceProvider {
  /** Key this provider requires, so configuration checks have something to check. */
  public static final String TOKEN_KEY = "switchboard.recording.access-token";

  public final List<CallRequest> placed = new CopyOnWriteArrayList<>();
  public final List<WebhookRequest> webhooks = new CopyOnWriteArrayList<>();
  public final AtomicInteger connections = new AtomicInteger();

  /** Where the facade asked this provider to report events that do not come by webhook. */
  public volatile Consumer<CallEvent> eventSink;

  /** Where the facade asked this provider to bind the URLs it signs. */
  public volatile CallbackBindings callbackBindings;

  /** A path whose requests need no binding, to test the facade's other checks in isolation. */
  public static final String NOTIFY_PATH = "/recording/notify";

  /**
   * A path whose every request must name, in its {@code call} parameter, the call its reference is
   * bound to.
   */
  public static final String BOUND_PATH = "/recording/bound";

  private final String id;
  private final Capabilities capabilities;

  /** The no-argument constructor ServiceLoader needs: id {@code recording}, every capability. */
  public RecordingProvider() {
    this("recording", Capabilities.of(Capability.values()));
  }

  public RecordingProvider(String id, Capabilities capabilities) {
    this.id = id;
    this.capabilities = capabilities;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(ConfigKey.required(TOKEN_KEY, "test access token"));
  }

  @Override
  public ProviderClient connect(SwitchboardConfig config) {
    connections.incrementAndGet();
    return new ProviderClient() {
      @Override
      public Call placeCall(CallRequest request) {
        placed.add(request);
        return new Call(
            "call-" + placed.size(),
            id,
            CallStatus.QUEUED,
            request.from(),
            java.util.Optional.of(request.to()),
            request.tags());
      }

      @Override
      public void setEventSink(Consumer<CallEvent> sink) {
        eventSink = sink;
      }

      @Override
      public void setCallbackBindings(CallbackBindings bindings) {
        callbackBindings = bindings;
      }

      @Override
      public List<WebhookEndpoint> webhookEndpoints() {
        return List.of(
            WebhookEndpoint.unbound(NOTIFY_PATH, "POST", "GET"),
            WebhookEndpoint.bound(BOUND_PATH, "POST"));
      }

      @Override
      public WebhookDelivery readWebhook(WebhookRequest request, WebhookContext context) {
        Map<String, String> params = new TreeMap<>(request.parameters());
        Supplier<WebhookResult> action =
            () -> {
              webhooks.add(request);
              return onWebhook(request, context);
            };
        String identity = WebhookDelivery.identityOf(params);
        if (context.endpoint().path().equals(BOUND_PATH)) {
          String call = params.getOrDefault("call", "");
          if (call.isEmpty()) {
            throw new WebhookVerificationException("names no call");
          }
          return WebhookDelivery.claiming(
              new CallbackClaim(context.callReference(), CallbackSubject.call(call)),
              identity,
              action);
        }
        return WebhookDelivery.unbound(identity, action);
      }
    };
  }

  /**
   * Reads the {@code digits} parameter as a {@link DigitsGathered} event; tests override this to
   * make the provider answer or fail differently.
   */
  protected WebhookResult onWebhook(WebhookRequest request, WebhookContext context) {
    Map<String, String> params = request.parameters();
    String digits = params.get("digits");
    if (digits == null) {
      throw new dev.switchboard.InvalidInputException("digits", "is required");
    }
    CallEvent event =
        new DigitsGathered(id, context.callReference(), Instant.EPOCH, digits, true, params);
    return new WebhookResult(List.of(event), WebhookResponse.ok());
  }
}
