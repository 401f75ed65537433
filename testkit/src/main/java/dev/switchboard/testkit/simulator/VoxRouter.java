package dev.switchboard.testkit.simulator;

import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST side of the Voxtelesys simulator: authorizes each request, routes it to its endpoint,
 * checks the body, and answers with the vendor's JSON, paginated lists and error objects (see
 * {@link VoxtelesysSimulator} for the endpoints). What a request changes is the {@link VoxWorld}'s
 * business; a created call is handed to whoever places calls.
 */
final class VoxRouter {
  /** Logs under the simulator's name: that is the class users see and configure. */
  private static final Logger LOG = LoggerFactory.getLogger(VoxtelesysSimulator.class);

  /** The document's default page size; it names no maximum, so none is enforced. */
  private static final int DEFAULT_PAGE_SIZE = 25;

  private static final Pattern E164_DIGITS = Pattern.compile("[1-9][0-9]{0,14}");

  private final String apiKey;
  private final VoxWorld world;
  private final Consumer<VoxCall> placeCall;

  /** Failures a test asked for, with how many requests each still answers; in order. */
  private final Map<Failure, Integer> failures = new LinkedHashMap<>();

  /** Answer requests of {@code method} to {@code path} with the error for {@code status}. */
  private record Failure(String method, String path, int status) {}

  /**
   * @param apiKey the only API key accepted
   * @param world the calls and conferences requests read and change
   * @param placeCall starts a created call on its own thread
   */
  VoxRouter(String apiKey, VoxWorld world, Consumer<VoxCall> placeCall) {
    this.apiKey = apiKey;
    this.world = world;
    this.placeCall = placeCall;
  }

  /** Answers one request; a failure inside the simulator is a 500 with the vendor's 6100. */
  WebhookResponse handle(WebhookRequest request) {
    if (!authorized(request)) {
      return error(401, 401, "unauthorized: the API key is missing or wrong");
    }
    Integer failure = takeFailure(request);
    if (failure != null) {
      return failure == 500
          ? error(500, 6100, "internal server error")
          : error(failure, failure, "refused, as the test asked");
    }
    try {
      return route(request);
    } catch (RuntimeException e) {
      LOG.error("voxtelesys simulator failed on {}", request, e);
      return error(500, 6100, "internal server error");
    }
  }

  /**
   * Answers the next {@code times} requests of {@code method} to {@code path} with the vendor's
   * error for {@code status}, without acting on them.
   */
  void failNext(String method, String path, int status, int times) {
    synchronized (failures) {
      failures.merge(
          new Failure(method, path, status),
          times,
          (left, more) -> (int) Math.min((long) left + more, Integer.MAX_VALUE));
    }
  }

  /** The status of the failure {@code request} uses up, or null when none matches it. */
  private Integer takeFailure(WebhookRequest request) {
    synchronized (failures) {
      for (Map.Entry<Failure, Integer> entry : failures.entrySet()) {
        Failure failure = entry.getKey();
        if (failure.method().equals(request.method()) && failure.path().equals(request.path())) {
          if (entry.getValue() == 1) {
            failures.remove(failure);
          } else {
            entry.setValue(entry.getValue() - 1);
          }
          return failure.status();
        }
      }
      return null;
    }
  }

  private boolean authorized(WebhookRequest request) {
    String value = request.header("Authorization").orElse("");
    return value.length() > 7
        && value.regionMatches(true, 0, "Bearer ", 0, 7)
        && value.substring(7).equals(apiKey);
  }

  private WebhookResponse route(WebhookRequest request) {
    List<String> path = segments(request.path());
    String method = request.method();
    boolean modify = method.equals("POST") || method.equals("PATCH");
    if (path.size() == 1 && path.get(0).equals("calls")) {
      if (method.equals("GET")) {
        return page(request, world.listedCalls(), VoxJson::callJson);
      }
      if (method.equals("POST")) {
        return createCall(request);
      }
    } else if (path.size() == 2 && path.get(0).equals("calls")) {
      if (modify) {
        return modifyCall(path.get(1), request);
      }
      if (method.equals("DELETE")) {
        return deleteCall(path.get(1));
      }
    } else if (path.size() == 1 && path.get(0).equals("conferences")) {
      if (method.equals("GET")) {
        return page(request, world.conferences(VoxJson::conferenceJson), Function.identity());
      }
    } else if (path.size() == 2 && path.get(0).equals("conferences")) {
      if (modify) {
        return modifyConference(path.get(1), request);
      }
      if (method.equals("DELETE")) {
        return world.end(path.get(1)) ? noContent() : notFound();
      }
    } else if (path.size() == 3
        && path.get(0).equals("conferences")
        && path.get(2).equals("participants")) {
      if (method.equals("GET")) {
        return listParticipants(path.get(1), request);
      }
    } else if (path.size() == 4
        && path.get(0).equals("conferences")
        && path.get(2).equals("participants")) {
      if (modify) {
        return modifyParticipant(path.get(1), path.get(3), request);
      }
    }
    return notFound();
  }

  /** The path's segments; an empty segment (a trailing or double slash) matches no endpoint. */
  private static List<String> segments(String path) {
    if (!path.startsWith("/")) {
      return List.of();
    }
    List<String> segments = Arrays.asList(path.substring(1).split("/", -1));
    return segments.contains("") ? List.of() : segments;
  }

  private WebhookResponse createCall(WebhookRequest request) {
    JsonNode body = jsonObject(request);
    if (body == null) {
      return error(422, 422, "the body must be a JSON object");
    }
    for (String field : List.of("to", "from")) {
      JsonNode value = body.get(field);
      if (value == null || !value.isString()) {
        return error(422, 422, field + " is required, as a string");
      }
      if (!E164_DIGITS.matcher(value.asString()).matches()) {
        return error(
            422,
            422,
            field
                + " must be an E.164 number as 1 to 15 digits without '+', was '"
                + value.asString()
                + "'");
      }
    }
    List<VoxXml.Verb> document;
    try {
      document = voxXml(body, VoxXml.Resource.CALL);
    } catch (VoxXml.Invalid e) {
      return error(422, e.code(), e.getMessage());
    }
    VoxCall call =
        new VoxCall(
            VoxWorld.newId(),
            body.get("to").asString(),
            body.get("from").asString(),
            false,
            "queued",
            document,
            true);
    world.add(call);
    // Written before the call starts, so the answer shows it queued.
    String created = VoxJson.MAPPER.writeValueAsString(VoxJson.callJson(call));
    placeCall.accept(call);
    return new WebhookResponse(200, VoxJson.TYPE, created);
  }

  private WebhookResponse modifyCall(String id, WebhookRequest request) {
    VoxCall call = world.listedCall(id);
    if (call == null) {
      return notFound();
    }
    JsonNode body = jsonObject(request);
    if (body == null) {
      return error(422, 422, "the body must be a JSON object");
    }
    List<VoxXml.Verb> document;
    try {
      document = voxXml(body, VoxXml.Resource.CALL);
    } catch (VoxXml.Invalid e) {
      return error(422, e.code(), e.getMessage());
    }
    if (!call.replace(document)) {
      return error(422, 422, "call " + id + " is over (" + call.status() + ")");
    }
    return noContent();
  }

  private WebhookResponse deleteCall(String id) {
    VoxCall call = world.listedCall(id);
    if (call == null) {
      return notFound();
    }
    call.requestHangUp();
    return noContent();
  }

  private WebhookResponse listParticipants(String conferenceId, WebhookRequest request) {
    List<ObjectNode> rows = world.participants(conferenceId, VoxJson::participantJson);
    return rows == null ? notFound() : page(request, rows, Function.identity());
  }

  private WebhookResponse modifyConference(String id, WebhookRequest request) {
    VoxConference conference = world.conference(id);
    if (conference == null) {
      return notFound();
    }
    return control(conference, null, request);
  }

  private WebhookResponse modifyParticipant(
      String conferenceId, String participantId, WebhookRequest request) {
    VoxWorld.Membership member = world.participant(conferenceId, participantId);
    if (member == null) {
      return notFound();
    }
    return control(member.conference(), member.participant(), request);
  }

  /** Modify of a conference ({@code participant} null) or of one participant. */
  private WebhookResponse control(
      VoxConference conference, VoxConference.Participant participant, WebhookRequest request) {
    JsonNode body = jsonObject(request);
    if (body == null) {
      return error(422, 422, "the body must be a JSON object");
    }
    List<VoxXml.Verb> document;
    try {
      document =
          voxXml(
              body, participant == null ? VoxXml.Resource.CONFERENCE : VoxXml.Resource.PARTICIPANT);
    } catch (VoxXml.Invalid e) {
      return error(422, e.code(), e.getMessage());
    }
    if (!world.control(conference, participant, document)) {
      return error(422, 422, "conference " + conference.id() + " is over");
    }
    return noContent();
  }

  private static JsonNode jsonObject(WebhookRequest request) {
    try {
      JsonNode body = VoxJson.MAPPER.readTree(request.bodyText());
      return body != null && body.isObject() ? body : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  /** The checked {@code voxXML} field of a body. */
  private static List<VoxXml.Verb> voxXml(JsonNode body, VoxXml.Resource resource) {
    JsonNode value = body.get("voxXML");
    if (value == null || !value.isString()) {
      throw new VoxXml.Invalid(422, "voxXML is required, as a string");
    }
    return VoxXml.parse(value.asString(), resource);
  }

  private static <T> WebhookResponse page(
      WebhookRequest request, List<T> newestFirst, Function<T, ObjectNode> json) {
    Map<String, List<String>> query = request.query();
    int page;
    int size;
    try {
      page = intParameter(query, "page", 1, 1, Integer.MAX_VALUE);
      size = intParameter(query, "page_size", DEFAULT_PAGE_SIZE, 1, Integer.MAX_VALUE);
    } catch (IllegalArgumentException e) {
      return error(422, 422, e.getMessage());
    }
    int count = newestFirst.size();
    ObjectNode out = VoxJson.MAPPER.createObjectNode();
    out.put("page", page);
    out.put("page_size", size);
    out.put("page_count", (int) ((count + (long) size - 1) / size));
    out.put("count", count);
    ArrayNode results = out.putArray("results");
    long from = (long) (page - 1) * size;
    for (long i = from; i < Math.min(count, from + size); i++) {
      results.add(json.apply(newestFirst.get((int) i)));
    }
    return new WebhookResponse(200, VoxJson.TYPE, VoxJson.MAPPER.writeValueAsString(out));
  }

  private static int intParameter(
      Map<String, List<String>> query, String name, int fallback, int low, int high) {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty()) {
      return fallback;
    }
    String value = values.get(0);
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      parsed = Integer.MIN_VALUE;
    }
    if (parsed < low || parsed > high) {
      throw new IllegalArgumentException(
          name
              + " must be an integer from "
              + low
              + (high == Integer.MAX_VALUE ? "" : " to " + high)
              + ", was '"
              + value
              + "'");
    }
    return parsed;
  }

  private static WebhookResponse error(int status, int code, String description) {
    return new WebhookResponse(
        status,
        VoxJson.TYPE,
        VoxJson.errorAnswer(status, new VoxCall.VoxError(code, description, Instant.now())));
  }

  private static WebhookResponse notFound() {
    return error(404, 404, "not found: no such URL, method or id");
  }

  private static WebhookResponse noContent() {
    return new WebhookResponse(204, VoxJson.TYPE, "");
  }
}
