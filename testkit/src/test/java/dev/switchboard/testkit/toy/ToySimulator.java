package dev.switchboard.testkit.toy;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.FlowJson;
import dev.switchboard.testkit.Observation;
import dev.switchboard.testkit.ReferenceInterpreter;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.simulator.VendorSimulator;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import java.net.URI;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A made-up vendor for testing the simulator base: {@code POST /calls} takes a flow file and a
 * callback URL, runs the flow with the reference interpreter, and reports gathers, recordings and
 * the end of the call to the callback, delivering every callback twice as at-least-once vendors do.
 */
public final class ToySimulator extends VendorSimulator {
  public static final String API_KEY = "toy-key";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public ToySimulator() {
    super("toy", 3);
  }

  @Override
  protected WebhookResponse handle(WebhookRequest request) {
    if (!request.header("Authorization").orElse("").equals("Bearer " + API_KEY)) {
      return new WebhookResponse(401, "application/json", "{\"error\":\"unauthorized\"}");
    }
    if (!request.method().equals("POST") || !request.path().equals("/calls")) {
      return new WebhookResponse(404, "application/json", "{}");
    }
    JsonNode body = JSON.readTree(request.bodyText());
    CallFlow flow = FlowJson.parse(body.get("flow").asString());
    URI callback = URI.create(body.get("callback").asString());
    String id = UUID.randomUUID().toString();
    runCall(id, () -> run(id, flow, callback));
    return new WebhookResponse(201, "application/json", "{\"id\":\"" + id + "\"}");
  }

  private void run(String id, CallFlow flow, URI callback) {
    Transcript transcript = ReferenceInterpreter.run(flow, nextCallee());
    for (Observation o : transcript.observations()) {
      if (o instanceof Observation.Gathered g) {
        report(
            callback,
            "{\"id\":\"" + id + "\",\"event\":\"gathered\",\"digits\":\"" + g.digits() + "\"}");
      } else if (o instanceof Observation.Recorded r) {
        report(
            callback, "{\"id\":\"" + id + "\",\"event\":\"recorded\",\"url\":\"" + r.url() + "\"}");
      }
    }
    report(callback, "{\"id\":\"" + id + "\",\"event\":\"ended\"}");
    finishCall(id, transcript);
  }

  private void report(URI callback, String json) {
    sendCallback("POST", callback, "application/json", json);
    sendCallback("POST", callback, "application/json", json);
  }
}
