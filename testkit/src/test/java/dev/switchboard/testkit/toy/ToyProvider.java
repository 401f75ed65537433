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
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.event.RecordingReady;
import dev.switchboard.event.WebhookRequest;
import dev.switchboard.event.WebhookResponse;
import dev.switchboard.event.WebhookResult;
import dev.switchboard.flow.FlowJson;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.spi.WebhookContext;
import dev.switchboard.spi.WebhookSigner;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The provider for {@link ToySimulator}: a complete, small provider over real HTTP. */
public final class ToyProvider implements VoiceProvider {
  public static final String API_KEY = "switchboard.toy.api-key";
  public static final String BASE_URL = "switchboard.toy.base-url";
  private static final JsonMapper JSON = JsonMapper.builder().build();

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
      @Override
      public Call placeCall(CallRequest request) {
        String body =
            JSON.createObjectNode()
                .put("flow", FlowJson.write(request.flow()))
                .put(
                    "callback",
                    signer.sign("/toy/events", WebhookSigner.newCallReference()).toString())
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
      public WebhookResult handleWebhook(WebhookRequest request, WebhookContext context) {
        JsonNode json;
        try {
          json = JSON.readTree(request.bodyText());
        } catch (JacksonException e) {
          throw new InvalidInputException("body", "must be JSON");
        }
        String id = json.path("id").asString("");
        Map<String, String> raw = Map.of("event", json.path("event").asString(""));
        CallEvent event;
        switch (json.path("event").asString("")) {
          case "gathered":
            event =
                new DigitsGathered(
                    "toy", id, Instant.now(), json.path("digits").asString(""), true, raw);
            break;
          case "recorded":
            event =
                new RecordingReady(
                    "toy", id, Instant.now(), json.path("url").asString(""), false, raw);
            break;
          default:
            event =
                new CallEnded(
                    "toy",
                    id,
                    Instant.now(),
                    CallStatus.COMPLETED,
                    Optional.empty(),
                    Optional.empty(),
                    raw);
        }
        return new WebhookResult(List.of(event), WebhookResponse.ok());
      }
    };
  }
}
