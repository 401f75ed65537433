package dev.switchboard.testkit.simulator;

import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.CalleeJson;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The HTTP control API every simulator serves under {@value #PREFIX}, next to the vendor's own, so
 * that a test in any language can drive it. See {@code docs/emulator.md}.
 *
 * <ul>
 *   <li>{@code POST /_switchboard/callees}: scripts the next callees, a callee or an array of them
 *       ({@link CalleeJson});
 *   <li>{@code POST /_switchboard/incoming}: calls the application, {@code {"url", "from", "to",
 *       "callee"}}, and answers the transcript once the call ends;
 *   <li>{@code GET /_switchboard/transcripts/{callId}?wait=SECONDS}: a finished call's transcript;
 *   <li>{@code GET /_switchboard/wire}: every exchange so far;
 *   <li>{@code POST /_switchboard/reset}: forgets exchanges, scripted callees and transcripts.
 * </ul>
 */
final class ControlApi {
  static final String PREFIX = "/_switchboard/";

  /** The longest a request may wait for a call to end. */
  private static final int MAX_WAIT_SECONDS = 120;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final VendorSimulator simulator;

  ControlApi(VendorSimulator simulator) {
    this.simulator = simulator;
  }

  static boolean handles(WebhookRequest request) {
    return request.path().startsWith(PREFIX) || request.path().equals("/_switchboard");
  }

  WebhookResponse handle(WebhookRequest request) {
    String path = request.path().substring(Math.min(request.path().length(), PREFIX.length()));
    String method = request.method();
    try {
      if (path.equals("callees") && method.equals("POST")) {
        return callees(request);
      }
      if (path.equals("incoming") && method.equals("POST")) {
        return incoming(request);
      }
      if (path.startsWith("transcripts/") && method.equals("GET")) {
        return transcript(path.substring("transcripts/".length()), request);
      }
      if (path.equals("wire") && method.equals("GET")) {
        ArrayNode wire = JSON.createArrayNode();
        simulator.wireLog().forEach(w -> wire.add(ActivityJson.wireNode(simulator.vendor(), w)));
        return json(200, wire.toString());
      }
      if (path.equals("reset") && method.equals("POST")) {
        simulator.reset();
        return new WebhookResponse(204, "application/json", "");
      }
      return error(
          404,
          "no control endpoint "
              + method
              + " "
              + request.path()
              + "; see POST callees, POST incoming, GET transcripts/{callId}, GET wire, POST reset");
    } catch (IllegalArgumentException | JacksonException e) {
      return error(400, e.getMessage());
    }
  }

  private WebhookResponse callees(WebhookRequest request) {
    JsonNode body = JSON.readTree(request.bodyText());
    List<JsonNode> callees = body.isArray() ? body.valueStream().toList() : List.of(body);
    List<Callee> scripted = callees.stream().map(CalleeJson::read).toList();
    scripted.forEach(simulator::scriptNextCall);
    return json(201, JSON.createObjectNode().put("scripted", scripted.size()).toString());
  }

  private WebhookResponse incoming(WebhookRequest request) {
    JsonNode body = JSON.readTree(request.bodyText());
    String url = body.path("url").asString("");
    URI target =
        url.isEmpty()
            ? simulator
                .applicationUrl()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "url is missing, and the emulator was started without --application"))
            : URI.create(url);
    String from = required(body, "from");
    String to = required(body, "to");
    Callee callee = body.has("callee") ? CalleeJson.read(body.get("callee")) : Callee.answering();
    Transcript transcript;
    try {
      transcript = simulator.incomingCall(target, from, to, callee);
    } catch (UnsupportedOperationException e) {
      return error(501, e.getMessage());
    }
    return json(200, ActivityJson.transcript(simulator.vendor(), "incoming", transcript));
  }

  private WebhookResponse transcript(String callId, WebhookRequest request) {
    int wait = 0;
    List<String> waits = request.query().getOrDefault("wait", List.of());
    if (!waits.isEmpty()) {
      try {
        wait = Integer.parseInt(waits.get(0));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("wait must be a whole number of seconds");
      }
      if (wait < 0 || wait > MAX_WAIT_SECONDS) {
        throw new IllegalArgumentException(
            "wait must be from 0 to " + MAX_WAIT_SECONDS + " seconds");
      }
    }
    Optional<Transcript> transcript = simulator.transcript(callId, Duration.ofSeconds(wait));
    return transcript
        .map(t -> json(200, ActivityJson.transcript(simulator.vendor(), callId, t)))
        .orElseGet(() -> error(404, "call " + callId + " has not ended, or is unknown"));
  }

  private static String required(JsonNode body, String field) {
    String value = body.path(field).asString("");
    if (value.isEmpty()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }

  private static WebhookResponse json(int status, String body) {
    return new WebhookResponse(status, "application/json", body);
  }

  private static WebhookResponse error(int status, String message) {
    return json(status, JSON.createObjectNode().put("error", String.valueOf(message)).toString());
  }
}
