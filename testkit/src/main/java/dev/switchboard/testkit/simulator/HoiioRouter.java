package dev.switchboard.testkit.simulator;

import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Hoiio simulator's block endpoints: maps a path to its block, runs the checks in the vendor's
 * order (method, encoding, credentials, required parameters, values, session) and answers with the
 * vendor's JSON status (see {@link HoiioSimulator} for the endpoints). Sessions are the {@link
 * HoiioWorld}'s business; a Dial's new session is handed to whoever places calls.
 */
final class HoiioRouter {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String JSON_TYPE = "application/json";

  private static final Map<String, String> BLOCKS =
      Map.of(
          "/open/ivr/start/dial", "dial",
          "/open/ivr/middle/play", "play",
          "/open/ivr/middle/gather", "gather",
          "/open/ivr/middle/record", "record",
          "/open/ivr/middle/monitor", "monitor",
          "/open/ivr/middle/hold", "hold",
          "/open/ivr/middle/unhold", "unhold",
          "/open/ivr/end/transfer", "transfer",
          "/open/ivr/end/hangup", "hangup");

  private static final String QUERY_STATUS = "/open/voice/query_status";

  private final String appId;
  private final String accessToken;
  private final HoiioWorld world;
  private final BiConsumer<HoiioSession, HoiioBlock> placeCall;

  /**
   * @param appId the only application accepted
   * @param accessToken its access token
   * @param world the sessions requests read and change
   * @param placeCall starts a Dial's call, with its new session, on the call's own thread
   */
  HoiioRouter(
      String appId,
      String accessToken,
      HoiioWorld world,
      BiConsumer<HoiioSession, HoiioBlock> placeCall) {
    this.appId = appId;
    this.accessToken = accessToken;
    this.world = world;
    this.placeCall = placeCall;
  }

  /** Answers one request; a refusal naming a session is recorded against it. */
  WebhookResponse handle(WebhookRequest request) {
    if (request.path().equals(QUERY_STATUS)) {
      try {
        return queryStatus(request);
      } catch (HoiioRefusal refusal) {
        return answer(200, status(refusal.status()));
      }
    }
    String name = BLOCKS.get(request.path());
    if (name == null) {
      return answer(404, status("error_not_found"));
    }
    String session = name.equals("dial") ? null : present(request.parameters().get("session"));
    try {
      return serve(name, request);
    } catch (HoiioRefusal refusal) {
      if (session != null) {
        world.record(session, refusal.status());
      }
      return answer(200, status(refusal.status()));
    }
  }

  private WebhookResponse serve(String name, WebhookRequest request) {
    Map<String, String> parameters = authenticated(request);
    List<String> required =
        name.equals("dial")
            ? List.of("dest")
            : name.equals("transfer") ? List.of("session", "dest") : List.of("session");
    for (String parameter : required) {
      if (!parameters.containsKey(parameter)) {
        throw new HoiioRefusal("error_" + parameter + "_param_missing");
      }
    }
    HoiioBlock block = HoiioParameters.check(name, parameters, world::room);
    if (name.equals("dial")) {
      return dial(block);
    }
    HoiioSession session = world.session(parameters.get("session"));
    if (session == null) {
      throw new HoiioRefusal("error_invalid_session");
    }
    String refusal = session.accept(block);
    if (refusal != null) {
      return answer(200, status(refusal));
    }
    ObjectNode body = status("success_ok");
    if (block.room() != null) {
      body.put("room", block.room());
    }
    return answer(200, body);
  }

  /**
   * The Voice API's status query (NOTES 1.6): the call of a Dial's or Answer's {@code txn_ref}. An
   * unknown reference answers {@code error_invalid_txn_ref}, a reading: the page names none.
   */
  private WebhookResponse queryStatus(WebhookRequest request) {
    Map<String, String> parameters = authenticated(request);
    String txnRef = parameters.get("txn_ref");
    if (txnRef == null) {
      throw new HoiioRefusal("error_txn_ref_param_missing");
    }
    HoiioSession session = world.byTxnRef(txnRef);
    if (session == null) {
      throw new HoiioRefusal("error_invalid_txn_ref");
    }
    ObjectNode body = status("success_ok");
    session.status().forEach(body::put);
    return answer(200, body);
  }

  /**
   * The request's parameters once its method, encoding and credentials pass, in the vendor's order;
   * an empty parameter counts as absent.
   */
  private Map<String, String> authenticated(WebhookRequest request) {
    if (!request.method().equals("GET") && !request.method().equals("POST")) {
      throw new HoiioRefusal("error_invalid_http_method");
    }
    if (HoiioEncoding.malformed(request)) {
      throw new HoiioRefusal("error_malformed_params");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    request
        .parameters()
        .forEach(
            (key, value) -> {
              if (!value.isEmpty()) {
                parameters.put(key, value);
              }
            });
    authenticate(parameters);
    return parameters;
  }

  private void authenticate(Map<String, String> parameters) {
    if (!parameters.containsKey("app_id")) {
      throw new HoiioRefusal("error_app_id_param_missing");
    }
    if (!parameters.containsKey("access_token")) {
      throw new HoiioRefusal("error_access_token_param_missing");
    }
    if (!parameters.get("app_id").equals(appId)) {
      throw new HoiioRefusal("error_invalid_app_id");
    }
    if (!parameters.get("access_token").equals(accessToken)) {
      throw new HoiioRefusal("error_invalid_access_token");
    }
  }

  private WebhookResponse dial(HoiioBlock block) {
    HoiioSession session = world.newSession(block.dest(), null, null, HoiioSession.State.BUSY);
    session.record("success_ok");
    placeCall.accept(session, block);
    ObjectNode body = status("success_ok");
    body.put("txn_ref", session.txnRef());
    body.put("session", session.id());
    return answer(200, body);
  }

  private static String present(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static ObjectNode status(String status) {
    return JSON.createObjectNode().put("status", status);
  }

  private static WebhookResponse answer(int httpStatus, ObjectNode body) {
    return new WebhookResponse(httpStatus, JSON_TYPE, JSON.writeValueAsString(body));
  }
}
