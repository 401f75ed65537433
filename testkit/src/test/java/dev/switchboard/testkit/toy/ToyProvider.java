package dev.switchboard.testkit.toy;

import dev.switchboard.AuthenticationException;
import dev.switchboard.Call;
import dev.switchboard.CallRequest;
import dev.switchboard.CallStatus;
import dev.switchboard.Capabilities;
import dev.switchboard.Capability;
import dev.switchboard.InvalidInputException;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.WebhookVerificationException;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.event.RecordingReady;
import dev.switchboard.flow.FlowJson;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.state.CallbackBindings;
import dev.switchboard.state.CallbackSubject;
import dev.switchboard.state.InMemoryCallbackBindings;
import dev.switchboard.webhook.CallbackClaim;
import dev.switchboard.webhook.CallbackReservation;
import dev.switchboard.webhook.WebhookContext;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookEndpoint;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookResult;
import dev.switchboard.webhook.WebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The provider for {@link ToySimulator}: a complete, small provider over real HTTP. */
public final class ToyProvider implements VoiceProvider {
  public static final String API_KEY = "switchboard.toy.api-key";
  public static final String BASE_URL = "switchboard.toy.base-url";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String EVENTS_PATH = "/toy/events";

  /** The fields the toy vendor sends; only they tell two events apart. */
  private static final List<String> DOCUMENTED = List.of("event", "id", "digits", "url");

  /** What makes two deliveries the same; only the kit's self-test gets it wrong on purpose. */
  public enum DeliveryIdentity {
    /** The vendor's fields, as every provider must. */
    FIELDS,
    /** The raw request line and body: a replay with an extra parameter looks new. */
    RAW_REQUEST
  }

  private final DeliveryIdentity identity;

  /** The toy provider as it should be. */
  public ToyProvider() {
    this(DeliveryIdentity.FIELDS);
  }

  /** A toy provider that identifies deliveries by {@code identity}. */
  public ToyProvider(DeliveryIdentity identity) {
    this.identity = identity;
  }

  @Override
  public String id() {
    return "toy";
  }

  @Override
  public Capabilities capabilities() {
    EnumSet<Capability> all = EnumSet.allOf(Capability.class);
    all.removeAll(
        List.of(
            Capability.INBOUND_CALL,
            Capability.CALL_STATUS,
            Capability.CALL_LIST,
            Capability.MODIFY_CALL,
            Capability.HANGUP_CALL,
            Capability.CALLER_ID,
            Capability.TAGS,
            Capability.HOLD,
            Capability.CONFERENCE_DIAL_OUT,
            Capability.CONFERENCE_CONTROL));
    return Capabilities.of(all);
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(
        ConfigKey.required(API_KEY, "API key"),
        new ConfigKey(BASE_URL, "API base URL", true, true, Optional.empty()));
  }

  @Override
  public ProviderClient connect(SwitchboardConfig config) {
    String key = config.get(API_KEY).orElseThrow();
    URI base = URI.create(config.get(BASE_URL).orElseThrow());
    WebhookSigner signer = WebhookSigner.fromConfig(config).orElseThrow();
    HttpClient http = HttpClient.newHttpClient();
    return new ProviderClient() {
      private volatile CallbackBindings bindings = new InMemoryCallbackBindings();

      @Override
      public void setCallbackBindings(CallbackBindings bindings) {
        this.bindings = bindings;
      }

      @Override
      public List<WebhookEndpoint> webhookEndpoints() {
        return List.of(WebhookEndpoint.bound(EVENTS_PATH, "POST"));
      }

      @Override
      public Call placeCall(CallRequest request) {
        CallbackReservation url =
            CallbackReservation.reserve(bindings, WebhookSigner.newCallReference());
        return url.create(() -> create(request, signer.sign(EVENTS_PATH, url.key())), Call::id);
      }

      private Call create(CallRequest request, URI callback) {
        String body =
            JSON.createObjectNode()
                .put("flow", FlowJson.write(request.flow()))
                .put("callback", callback.toString())
                .toString();
        HttpResponse<String> response;
        try {
          response =
              http.send(
                  HttpRequest.newBuilder(base.resolve("/calls"))
                      .header("Authorization", "Bearer " + key)
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
          throw new ProviderUnavailableException("toy vendor unreachable", "toy", null, e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ProviderUnavailableException("interrupted", "toy", null, e);
        }
        if (response.statusCode() == 401) {
          throw new AuthenticationException("toy vendor refused the API key", "toy", "401");
        }
        String id = JSON.readTree(response.body()).get("id").asString();
        return new Call(
            id, "toy", CallStatus.QUEUED, request.from(), Optional.of(request.to()), List.of());
      }

      @Override
      public WebhookDelivery readWebhook(WebhookRequest request, WebhookContext context) {
        JsonNode json;
        try {
          json = JSON.readTree(request.bodyText());
        } catch (JacksonException e) {
          throw new InvalidInputException("body", "must be JSON");
        }
        String id = json.path("id").asString("");
        if (id.isEmpty()) {
          throw new WebhookVerificationException("a toy event names its call");
        }
        Map<String, String> fields = new TreeMap<>();
        for (String name : DOCUMENTED) {
          if (json.has(name)) {
            fields.put(name, json.get(name).asString());
          }
        }
        String reference = context.callReference();
        return WebhookDelivery.claiming(
            new CallbackClaim(reference, CallbackSubject.call(id)),
            identity == DeliveryIdentity.FIELDS
                ? WebhookDelivery.identityOf(fields)
                : request.uri() + "\n" + request.bodyText(),
            () -> new WebhookResult(List.of(event(json, id, reference)), WebhookResponse.ok()));
      }

      private CallEvent event(JsonNode json, String id, String reference) {
        Map<String, String> raw = Map.of("event", json.path("event").asString(""));
        switch (json.path("event").asString("")) {
          case "gathered":
            return new DigitsGathered(
                "toy", id, Instant.now(), json.path("digits").asString(""), true, raw);
          case "recorded":
            return new RecordingReady(
                "toy", id, Instant.now(), json.path("url").asString(""), false, raw);
          default:
            bindings.end(reference);
            return new CallEnded(
                "toy",
                id,
                Instant.now(),
                CallStatus.COMPLETED,
                Optional.empty(),
                Optional.empty(),
                raw);
        }
      }
    };
  }
}
