package dev.switchboard.testkit.simulator;

import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.Rejected;
import dev.switchboard.testkit.Observation.Unanswered;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Voxtelesys v1 Voice API on loopback, written from the vendor's document ({@code
 * voxtelesys-voice-api-v1.txt}) and the shared readings ({@code docs/providers/voxtelesys.md}),
 * independently of the provider. {@link #baseUrl()} is the API base: point the provider's {@code
 * switchboard.voxtelesys.base-url} at it.
 *
 * <pre>{@code
 * try (var simulator = new VoxtelesysSimulator("key")) {
 *   simulator.start();
 *   simulator.scriptNextCall(Callee.builder().presses("1").build());
 *   // POST {baseUrl}/calls {"to":"15556667777","from":"15556668888","voxXML":"<Response>...</Response>"}
 *   Transcript transcript = simulator.awaitTranscript(callId, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <h2>Endpoints</h2>
 *
 * <p>Every request needs {@code Authorization: Bearer <key>} (else 401, also on unknown paths).
 * {@code GET /calls}, {@code POST /calls}, {@code POST|PATCH|DELETE /calls/{id}}, {@code GET
 * /conferences}, {@code POST|PATCH|DELETE /conferences/{id}}, {@code GET
 * /conferences/{id}/participants}, {@code POST|PATCH /conferences/{id}/participants/{id}}; any
 * other path or method is 404, so is an unknown id. Errors answer {@code {"status": <http>,
 * "error": {"code": <code>, "description": <text>}}}: 422 with 5105 (no {@code <Response>} root,
 * also for a blank document), 5106 (not well-formed, an unknown verb, a verb the resource does not
 * support, an undocumented attribute, a value outside the "Accepts" column), or 422 (JSON fields:
 * not an object, {@code to}/{@code from} not E.164 digits without {@code +}, {@code voxXML} missing
 * or not a string; {@code page} below 1, {@code page_size} outside 1 to 100).
 *
 * <p>Lists are newest first and paginated: {@code page} from 1 (default 1), {@code page_size}
 * default 25, at most 100; {@code page_count} is 0 when there is nothing. Create answers 200 with
 * the call object, status {@code queued}. Modify answers 204; <b>modifying a call, conference or
 * participant that is over answers 422</b> with code 422 (the resource still exists and is listed,
 * so 404 would be wrong). Delete answers 204, also for a call or conference that is already over
 * (nothing changes; calls stay in the list so their final status can be read). Participants leave
 * the list when they leave the room; their JSON carries {@code "muted": true|false}, a simulator
 * addition, so tests can see what {@code SetMute} did.
 *
 * <h2>Calls</h2>
 *
 * <p>An outbound call goes {@code queued → ringing → answered → complete} for a callee who answers,
 * {@code queued → busy} for a busy one, {@code queued → ringing → no_answer} for one who does not
 * answer (also when the call is deleted before it is answered). A call that recorded an error (a
 * Redirect that could not be fetched: 5107 unreachable or not 200, 5108 bad media type, or the
 * fetched document's 5105/5106) goes on with its VoxXML as the document says, then ends {@code
 * failed} with the {@code error} object. An incoming call ({@link #incomingCall}) goes {@code
 * processing → answered → complete}; rejected by a first {@code <Reject/>} it goes {@code
 * processing → complete} without an answer time; when its VoxXML cannot be had it ends {@code
 * failed} and the caller hears the line drop ({@code hangup} by {@code flow}).
 *
 * <h2>VoxXML</h2>
 *
 * <p>Say ({@code $GATHER} replaced, voice from the readings table, {@code language} attribute or
 * the voice's own), Play, Pause, Gather ({@code input}, {@code numDigits}, {@code finishOnKey},
 * {@code loop}; input after one pass of the prompts, silence replays them {@code loop} times), If,
 * Number and Dial (parallel, first answering number in order wins, the caller goes on after the
 * bridge), Conference (joins the room and leaves it at once), Hangup, Reject (only as the first
 * verb of an incoming call), Redirect, SetMute (conferences and participants). A {@code loop='0'}
 * repeats until the callee hangs up, at most 100 times. A modify replaces the running document
 * between two observations; {@code $GATHER} survives it. Callbacks are sent once (the vendor does
 * not retry), POST as JSON or GET as query parameters, with the payload event names ({@code
 * partial_input}, {@code complete_input}, {@code no_connect}, {@code mute_all}, ...).
 *
 * <h2>Readings beyond the shared document</h2>
 *
 * <ul>
 *   <li>Checks are strict: an attribute the verb does not document is 5106, and so is an {@code If}
 *       value outside {@code 0-9a-z} ({@code *}, {@code #}, spaces, capitals), a {@code
 *       participantLabel} or {@code callerId} outside {@code a-z0-9}, a voice outside the readings
 *       table (names are case-sensitive), a {@code language} not shaped {@code xx-XX}, text inside
 *       a verb that takes none, a blank Say, a Play or Redirect that is not an http(s) URL, a
 *       Gather prompt other than Say and Play, a {@code variable} other than {@code $GATHER}.
 *   <li>Say text is spoken as written, whitespace included; other verbs' text is trimmed. A {@code
 *       language} the voice does not speak is not refused: the attribute wins.
 *   <li>Gather: a speech answer is one {@code partial_input} with all its words; {@code
 *       input_method} is {@code speech} for words, else {@code dtmf} when the gather takes DTMF;
 *       keys and words given together are read as keys when the gather takes DTMF. {@code
 *       complete_input} is sent also when the caller hung up on the gather's last observation.
 *   <li>Number and Dial: {@code ringing} is sent for every number, also busy ones; the order is
 *       every {@code queued}, every {@code ringing}, {@code answered}, every {@code no_connect},
 *       then {@code complete} after the bridge. Numbers inside a Dial never send their own
 *       callbacks. A Dial holding a Conference uses the Conference's attributes.
 *   <li>Conference: {@code mute_all}/{@code unmute_all} carry no participant fields; the {@code
 *       label} of the participant JSON is omitted when empty; Hangup on a participant removes it
 *       and hangs up its call; the room ends (leave for everyone left, then end) when it is empty
 *       or an {@code endConferenceOnExit} participant leaves.
 *   <li>Redirect is observed as {@code redirect} with its URL; more than 10 redirects on one call
 *       fail like an unreachable URL. An If on a conference or participant sees an empty {@code
 *       $GATHER}.
 * </ul>
 */
public final class VoxtelesysSimulator extends VendorSimulator {
  /** 5107: could not reach URL. */
  static final int COULD_NOT_REACH_URL = 5107;

  /** 5108: bad mimetype in HTTP VoxXML. */
  static final int BAD_MIMETYPE = 5108;

  private static final Logger LOG = LoggerFactory.getLogger(VoxtelesysSimulator.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String JSON_TYPE = "application/json";
  private static final int DEFAULT_PAGE_SIZE = 25;
  private static final int MAX_PAGE_SIZE = 100;
  private static final Pattern E164_DIGITS = Pattern.compile("[1-9][0-9]{0,14}");
  private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9]+");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]*");
  private static final Set<String> VOXXML_TYPES =
      Set.of("text/xml", "application/xml", "text/plain");
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final String apiKey;
  private final Object lock = new Object();
  private final Map<String, VoxCall> calls = new LinkedHashMap<>();
  private final Map<String, VoxConference> conferences = new LinkedHashMap<>();

  /** A call's place in a conference while it is in the room. */
  record Membership(VoxConference conference, VoxConference.Participant participant) {}

  /** A callback decided under the lock and sent after it is released. */
  private record Pending(VoxCallbacks target, ObjectNode payload) {}

  /**
   * A simulator that accepts {@code apiKey} as its only API key. Call {@link #start()} before using
   * {@link #baseUrl()}.
   */
  public VoxtelesysSimulator(String apiKey) {
    super("voxtelesys", 1);
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank");
    }
    this.apiKey = apiKey;
  }

  // ------------------------------------------------------------------------------------------
  // Public API for tests

  /**
   * Receives a call: creates an inbound call ({@code processing}), POSTs the {@code api}/{@code
   * incoming_call} JSON to {@code applicationUrl}, and runs the VoxXML it answers with against
   * {@code callee} (the caller, here), synchronously. The call is listed by {@code GET /calls}.
   *
   * @param applicationUrl where the number's VoxXML is fetched from
   * @param fromDigits the caller's number (or extension) as Voxtelesys writes it, e.g. {@code
   *     15556668888}
   * @param toDigits the number called, e.g. {@code 15556667777}
   * @param callee the person calling in: their inputs and when they hang up (the pickup is ignored:
   *     they placed the call)
   * @return what the caller observed: {@code reject} when the document starts with {@code
   *     <Reject/>}; {@code hangup} by {@code flow} alone when the answer was not 200, not VoxXML
   *     (text/xml, application/xml, text/plain), empty or invalid
   */
  public Transcript incomingCall(
      URI applicationUrl, String fromDigits, String toDigits, Callee callee) {
    Objects.requireNonNull(applicationUrl, "applicationUrl");
    Objects.requireNonNull(fromDigits, "fromDigits");
    Objects.requireNonNull(toDigits, "toDigits");
    Objects.requireNonNull(callee, "callee");
    VoxCall call = new VoxCall(newId(), toDigits, fromDigits, true, "processing", List.of(), true);
    synchronized (lock) {
      calls.put(call.id(), call);
    }
    Transcript transcript;
    try {
      transcript = receive(call, applicationUrl, callee);
    } catch (RuntimeException e) {
      call.fail(6100, "internal server error");
      call.status("failed");
      throw e;
    }
    finishCall(call.id(), transcript);
    return transcript;
  }

  private Transcript receive(VoxCall call, URI applicationUrl, Callee callee) {
    ObjectNode event =
        payload("api", "incoming_call")
            .put("time", callbackTime())
            .put("call_id", call.id())
            .put("to", call.to())
            .put("from", call.from());
    List<VoxXml.Verb> document =
        fetchVoxXml(
            call::fail,
            VoxXml.Resource.CALL,
            "POST",
            applicationUrl,
            JSON_TYPE,
            JSON.writeValueAsString(event));
    VoxCallRun run = new VoxCallRun(this, call, callee);
    if (document == null) {
      call.status("failed");
      return run.end(new HungUp("flow"));
    }
    if (!document.isEmpty() && document.get(0).name().equals("Reject")) {
      call.status("complete");
      return run.end(new Rejected());
    }
    call.status("answered");
    Transcript transcript = run.run(document);
    call.status(call.error() == null ? "complete" : "failed");
    return transcript;
  }

  /**
   * Runs a VoxXML document as an outbound call to {@code callee}, synchronously and without REST:
   * for comparing documents. The callee's pickup is honoured (a busy or absent callee observes only
   * {@code unanswered}); callbacks the document asks for are sent, and conferences it joins are
   * listed; the call itself is not.
   *
   * @throws IllegalArgumentException when the API would refuse the document (5105, 5106), with the
   *     code and description in the message
   */
  public Transcript run(String voxXml, Callee callee) {
    Objects.requireNonNull(callee, "callee");
    List<VoxXml.Verb> document;
    try {
      document = VoxXml.parse(voxXml, VoxXml.Resource.CALL);
    } catch (VoxXml.Invalid e) {
      throw new IllegalArgumentException(e.code() + " " + e.getMessage(), e);
    }
    VoxCall call = new VoxCall(newId(), "", "", false, "queued", document, false);
    switch (callee.pickup()) {
      case NO_ANSWER:
        call.status("no_answer");
        return Transcript.of(new Unanswered("no-answer"));
      case BUSY:
        call.status("busy");
        return Transcript.of(new Unanswered("busy"));
      default:
        call.status("answered");
        Transcript transcript = new VoxCallRun(this, call, callee).run(document);
        call.status(call.error() == null ? "complete" : "failed");
        return transcript;
    }
  }

  /**
   * Opens a conference room with participants that belong to no call, for testing conference
   * control: the conference is {@code in_progress} and listed, with one participant per label, not
   * muted. When a room of that name is already in progress, the participants join it.
   *
   * @param name the room's name, letters and digits
   * @param participantLabels the participants' labels, a-z and 0-9, possibly empty
   * @return the conference's id
   */
  public String openConference(String name, String... participantLabels) {
    if (name == null || !ROOM.matcher(name).matches()) {
      throw new IllegalArgumentException("a room name is letters and digits, was '" + name + "'");
    }
    for (String label : participantLabels) {
      if (label == null || !LABEL.matcher(label).matches()) {
        throw new IllegalArgumentException("a label is a-z and 0-9, was '" + label + "'");
      }
    }
    List<Pending> pending = new ArrayList<>();
    String id;
    synchronized (lock) {
      VoxConference conference = room(name, VoxCallbacks.NONE, pending);
      for (String label : participantLabels) {
        VoxConference.Participant participant =
            new VoxConference.Participant(newId(), label, conference.id(), false, null, false);
        conference.add(participant);
        event(conference, "join", "join", participant, pending);
      }
      id = conference.id();
    }
    send(pending);
    return id;
  }

  // ------------------------------------------------------------------------------------------
  // REST

  @Override
  protected WebhookResponse handle(WebhookRequest request) {
    if (!authorized(request)) {
      return error(401, 401, "unauthorized: the API key is missing or wrong");
    }
    try {
      return route(request);
    } catch (RuntimeException e) {
      LOG.error("voxtelesys simulator failed on {}", request, e);
      return error(500, 6100, "internal server error");
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
        return listCalls(request);
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
        return listConferences(request);
      }
    } else if (path.size() == 2 && path.get(0).equals("conferences")) {
      if (modify) {
        return modifyConference(path.get(1), request);
      }
      if (method.equals("DELETE")) {
        return deleteConference(path.get(1));
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
            newId(),
            body.get("to").asString(),
            body.get("from").asString(),
            false,
            "queued",
            document,
            true);
    synchronized (lock) {
      calls.put(call.id(), call);
    }
    String created = JSON.writeValueAsString(callJson(call));
    runCall(call.id(), () -> dialOut(call));
    return new WebhookResponse(200, JSON_TYPE, created);
  }

  /** An outbound call, from ringing to its final status; runs on the call's own thread. */
  private void dialOut(VoxCall call) {
    Callee callee = nextCallee();
    Transcript transcript;
    try {
      if (call.hangUpRequested()) {
        call.status("no_answer");
        transcript = Transcript.of(new Unanswered("no-answer"));
      } else {
        switch (callee.pickup()) {
          case BUSY:
            call.status("busy");
            transcript = Transcript.of(new Unanswered("busy"));
            break;
          case NO_ANSWER:
            call.status("ringing");
            call.status("no_answer");
            transcript = Transcript.of(new Unanswered("no-answer"));
            break;
          default:
            call.status("ringing");
            call.status("answered");
            transcript = new VoxCallRun(this, call, callee).run(call.document());
            call.status(call.error() == null ? "complete" : "failed");
            break;
        }
      }
    } catch (RuntimeException e) {
      call.fail(6100, "internal server error");
      call.status("failed");
      throw e;
    }
    finishCall(call.id(), transcript);
  }

  private WebhookResponse listCalls(WebhookRequest request) {
    List<VoxCall> listed = new ArrayList<>();
    synchronized (lock) {
      for (VoxCall call : calls.values()) {
        if (call.listed()) {
          listed.add(call);
        }
      }
    }
    Collections.reverse(listed);
    return page(request, listed, this::callJson);
  }

  private WebhookResponse modifyCall(String id, WebhookRequest request) {
    VoxCall call = listedCall(id);
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
    VoxCall call = listedCall(id);
    if (call == null) {
      return notFound();
    }
    call.requestHangUp();
    return noContent();
  }

  private VoxCall listedCall(String id) {
    synchronized (lock) {
      VoxCall call = calls.get(id);
      return call != null && call.listed() ? call : null;
    }
  }

  private WebhookResponse listConferences(WebhookRequest request) {
    List<ObjectNode> rows = new ArrayList<>();
    synchronized (lock) {
      for (VoxConference conference : conferences.values()) {
        rows.add(conferenceJson(conference));
      }
    }
    Collections.reverse(rows);
    return page(request, rows, Function.identity());
  }

  private WebhookResponse listParticipants(String conferenceId, WebhookRequest request) {
    List<ObjectNode> rows = new ArrayList<>();
    synchronized (lock) {
      VoxConference conference = conferences.get(conferenceId);
      if (conference == null) {
        return notFound();
      }
      for (VoxConference.Participant participant : conference.participants()) {
        rows.add(participantJson(participant));
      }
    }
    Collections.reverse(rows);
    return page(request, rows, Function.identity());
  }

  private WebhookResponse modifyConference(String id, WebhookRequest request) {
    VoxConference conference;
    synchronized (lock) {
      conference = conferences.get(id);
    }
    if (conference == null) {
      return notFound();
    }
    return control(conference, null, request);
  }

  private WebhookResponse modifyParticipant(
      String conferenceId, String participantId, WebhookRequest request) {
    VoxConference conference;
    VoxConference.Participant participant;
    synchronized (lock) {
      conference = conferences.get(conferenceId);
      participant = conference == null ? null : conference.participant(participantId);
    }
    if (participant == null) {
      return notFound();
    }
    return control(conference, participant, request);
  }

  private WebhookResponse deleteConference(String id) {
    List<Pending> pending = new ArrayList<>();
    synchronized (lock) {
      VoxConference conference = conferences.get(id);
      if (conference == null) {
        return notFound();
      }
      if (conference.inProgress()) {
        end(conference, pending);
      }
    }
    send(pending);
    return noContent();
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
    synchronized (lock) {
      if (!conference.inProgress()) {
        return error(422, 422, "conference " + conference.id() + " is over");
      }
    }
    control(conference, participant, document, 0);
    return noContent();
  }

  /**
   * Runs a conference or participant document: SetMute and Hangup act; Say, Play and Pause are
   * heard by nobody the simulator follows; If sees an empty {@code $GATHER}.
   *
   * @return true when a Hangup or Redirect ended the document
   */
  private boolean control(
      VoxConference conference,
      VoxConference.Participant participant,
      List<VoxXml.Verb> verbs,
      int redirects) {
    for (VoxXml.Verb verb : verbs) {
      switch (verb.name()) {
        case "SetMute":
          mute(conference, participant, verb.flag("muted", false));
          break;
        case "Hangup":
          hangUp(conference, participant);
          return true;
        case "If":
          boolean equal = Arrays.asList(verb.attribute("value", "").split("\\|")).contains("");
          if (verb.attribute("test", "EQUAL").equals("EQUAL") == equal
              && control(conference, participant, verb.children(), redirects)) {
            return true;
          }
          break;
        case "Redirect":
          if (redirects >= VoxCallRun.MAX_REDIRECTS) {
            failConference(conference, COULD_NOT_REACH_URL, "too many redirects");
            break;
          }
          List<VoxXml.Verb> fetched =
              fetchVoxXml(
                  (code, description) -> failConference(conference, code, description),
                  participant == null ? VoxXml.Resource.CONFERENCE : VoxXml.Resource.PARTICIPANT,
                  verb.attribute("method", "POST"),
                  URI.create(verb.text()),
                  "",
                  "");
          if (fetched != null) {
            control(conference, participant, fetched, redirects + 1);
            return true;
          }
          break;
        default:
          break;
      }
    }
    return false;
  }

  private void failConference(VoxConference conference, int code, String description) {
    synchronized (lock) {
      conference.fail(code, description);
    }
  }

  private void mute(
      VoxConference conference, VoxConference.Participant participant, boolean muted) {
    List<Pending> pending = new ArrayList<>();
    synchronized (lock) {
      if (!conference.inProgress()) {
        return;
      }
      if (participant == null) {
        for (VoxConference.Participant each : conference.participants()) {
          each.mute(muted);
        }
        event(
            conference,
            muted ? "muteAll" : "unmuteAll",
            muted ? "mute_all" : "unmute_all",
            null,
            pending);
      } else if (conference.participant(participant.id()) != null) {
        participant.mute(muted);
        event(
            conference, muted ? "mute" : "unmute", muted ? "mute" : "unmute", participant, pending);
      }
    }
    send(pending);
  }

  /** Hangup on a conference ends it; on a participant, hangs up that participant's call. */
  private void hangUp(VoxConference conference, VoxConference.Participant participant) {
    List<Pending> pending = new ArrayList<>();
    synchronized (lock) {
      if (participant == null) {
        if (conference.inProgress()) {
          end(conference, pending);
        }
      } else {
        if (participant.call() != null) {
          participant.call().requestHangUp();
        }
        leave(conference, participant, pending);
      }
    }
    send(pending);
  }

  // ------------------------------------------------------------------------------------------
  // Conferences, for the call runs

  /** Puts a call into the room a {@code Conference} verb names; sends start and join. */
  Membership join(VoxCall call, VoxXml.Verb verb) {
    List<Pending> pending = new ArrayList<>();
    Membership membership;
    synchronized (lock) {
      VoxConference conference = room(verb.text(), VoxCallbacks.of(verb), pending);
      VoxConference.Participant participant =
          new VoxConference.Participant(
              newId(),
              verb.attribute("participantLabel", ""),
              conference.id(),
              verb.flag("muted", false),
              call,
              verb.flag("endConferenceOnExit", false));
      conference.add(participant);
      event(conference, "join", "join", participant, pending);
      membership = new Membership(conference, participant);
    }
    send(pending);
    return membership;
  }

  /** Takes a call out of its room (if a REST request did not already); sends leave and end. */
  void leave(Membership membership) {
    List<Pending> pending = new ArrayList<>();
    synchronized (lock) {
      leave(membership.conference(), membership.participant(), pending);
    }
    send(pending);
  }

  /** The room in progress with this name, or a new one whose callbacks are these; under lock. */
  private VoxConference room(String name, VoxCallbacks callbacks, List<Pending> pending) {
    for (VoxConference conference : conferences.values()) {
      if (conference.inProgress() && conference.name().equals(name)) {
        return conference;
      }
    }
    VoxConference conference = new VoxConference(newId(), name, callbacks);
    conferences.put(conference.id(), conference);
    event(conference, "start", "start", null, pending);
    return conference;
  }

  /** A participant leaves; the room ends when it is empty or the participant ends it. */
  private void leave(
      VoxConference conference, VoxConference.Participant participant, List<Pending> pending) {
    if (!conference.remove(participant.id())) {
      return;
    }
    event(conference, "leave", "leave", participant, pending);
    if (conference.inProgress()
        && (participant.endsConference() || conference.participants().isEmpty())) {
      end(conference, pending);
    }
  }

  /** Ends a room: everyone still in it is hung up and leaves, then the room is complete. */
  private void end(VoxConference conference, List<Pending> pending) {
    for (VoxConference.Participant participant : conference.participants()) {
      conference.remove(participant.id());
      if (participant.call() != null) {
        participant.call().requestHangUp();
      }
      event(conference, "leave", "leave", participant, pending);
    }
    conference.complete();
    event(conference, "end", "end", null, pending);
  }

  /** Queues a conference callback when the room's callbacks ask for {@code keyword}. */
  private void event(
      VoxConference conference,
      String keyword,
      String event,
      VoxConference.Participant participant,
      List<Pending> pending) {
    if (!conference.callbacks().wants(keyword)) {
      return;
    }
    ObjectNode payload = payload("conference", event).put("time", callbackTime());
    if (participant != null) {
      payload.put("participant_id", participant.id());
    }
    payload.put("conference_id", conference.id());
    if (participant != null && !participant.label().isEmpty()) {
      payload.put("participant_label", participant.label());
    }
    pending.add(new Pending(conference.callbacks(), payload));
  }

  private void send(List<Pending> pending) {
    for (Pending each : pending) {
      callback(each.target(), each.payload());
    }
  }

  // ------------------------------------------------------------------------------------------
  // Callbacks and fetches

  /** A callback payload starting with its {@code type} and {@code event}. */
  ObjectNode payload(String type, String event) {
    return JSON.createObjectNode().put("type", type).put("event", event);
  }

  /** Now, to the second, as callbacks carry it. */
  String callbackTime() {
    return SECONDS.format(Instant.now());
  }

  /** Sends one callback: POST with a JSON body, or GET with the fields as query parameters. */
  void callback(VoxCallbacks target, ObjectNode payload) {
    if (target.method().equals("GET")) {
      StringBuilder query = new StringBuilder();
      for (Map.Entry<String, JsonNode> field : payload.properties()) {
        query
            .append(query.length() == 0 ? "" : "&")
            .append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(field.getValue().asString(), StandardCharsets.UTF_8));
      }
      String url = target.url().toString();
      String separator = target.url().getRawQuery() == null ? "?" : "&";
      sendCallback("GET", URI.create(url + separator + query), "", "");
    } else {
      sendCallback("POST", target.url(), JSON_TYPE, JSON.writeValueAsString(payload));
    }
  }

  /** Fetches a call's Redirect; on failure records the error on the call and returns null. */
  List<VoxXml.Verb> fetchVoxXml(VoxCall call, String method, String url) {
    return fetchVoxXml(call::fail, VoxXml.Resource.CALL, method, URI.create(url), "", "");
  }

  /**
   * Fetches VoxXML: it must come with 200 and a VoxXML media type, and be a valid document.
   *
   * @return the document, or null after reporting 5107 (unreachable, not 200), 5108 (media type) or
   *     5105/5106 (the document) to {@code failure}
   */
  private List<VoxXml.Verb> fetchVoxXml(
      BiConsumer<Integer, String> failure,
      VoxXml.Resource resource,
      String method,
      URI url,
      String contentType,
      String body) {
    HttpResponse<String> response;
    try {
      response = fetch(method, url, contentType, body);
    } catch (IOException e) {
      failure.accept(COULD_NOT_REACH_URL, "could not reach URL " + url + ": " + e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.accept(COULD_NOT_REACH_URL, "could not reach URL " + url + ": interrupted");
      return null;
    }
    if (response.statusCode() != 200) {
      failure.accept(
          COULD_NOT_REACH_URL, "could not reach URL " + url + ": HTTP " + response.statusCode());
      return null;
    }
    String type =
        response
            .headers()
            .firstValue("Content-Type")
            .map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
            .orElse("");
    if (!VOXXML_TYPES.contains(type)) {
      failure.accept(BAD_MIMETYPE, "bad mimetype in HTTP VoxXML: '" + type + "' from " + url);
      return null;
    }
    try {
      return VoxXml.parse(response.body(), resource);
    } catch (VoxXml.Invalid e) {
      failure.accept(e.code(), e.getMessage());
      return null;
    }
  }

  // ------------------------------------------------------------------------------------------
  // JSON

  private static JsonNode jsonObject(WebhookRequest request) {
    try {
      JsonNode body = JSON.readTree(request.bodyText());
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

  private <T> WebhookResponse page(
      WebhookRequest request, List<T> newestFirst, Function<T, ObjectNode> json) {
    Map<String, List<String>> query = request.query();
    int page;
    int size;
    try {
      page = intParameter(query, "page", 1, 1, Integer.MAX_VALUE);
      size = intParameter(query, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    } catch (IllegalArgumentException e) {
      return error(422, 422, e.getMessage());
    }
    int count = newestFirst.size();
    ObjectNode out = JSON.createObjectNode();
    out.put("page", page);
    out.put("page_size", size);
    out.put("page_count", (count + size - 1) / size);
    out.put("count", count);
    ArrayNode results = out.putArray("results");
    long from = (long) (page - 1) * size;
    for (long i = from; i < Math.min(count, from + size); i++) {
      results.add(json.apply(newestFirst.get((int) i)));
    }
    return new WebhookResponse(200, JSON_TYPE, JSON.writeValueAsString(out));
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

  private ObjectNode callJson(VoxCall call) {
    ObjectNode json = JSON.createObjectNode();
    json.put("id", call.id());
    json.put("to", call.to());
    json.put("from", call.from());
    synchronized (call) {
      json.put("status", call.status());
      json.put("created_time", MILLIS.format(call.created()));
      json.put("modified_time", MILLIS.format(call.modified()));
      if (call.answered() != null) {
        json.put("answer_time", MILLIS.format(call.answered()));
      }
      if (call.hungUp() != null) {
        json.put("hangup_time", MILLIS.format(call.hungUp()));
      }
      errorJson(json, call.error());
    }
    return json;
  }

  private static ObjectNode conferenceJson(VoxConference conference) {
    ObjectNode json = JSON.createObjectNode();
    json.put("id", conference.id());
    json.put("name", conference.name());
    json.put("status", conference.status());
    json.put("created_time", MILLIS.format(conference.created()));
    json.put("modified_time", MILLIS.format(conference.modified()));
    errorJson(json, conference.error());
    return json;
  }

  private static ObjectNode participantJson(VoxConference.Participant participant) {
    ObjectNode json = JSON.createObjectNode();
    json.put("id", participant.id());
    if (!participant.label().isEmpty()) {
      json.put("label", participant.label());
    }
    json.put("created_time", MILLIS.format(participant.created()));
    json.put("modified_time", MILLIS.format(participant.modified()));
    json.put("joined_time", MILLIS.format(participant.created()));
    json.put("conference_id", participant.conferenceId());
    json.put("muted", participant.muted());
    return json;
  }

  private static void errorJson(ObjectNode json, VoxCall.VoxError error) {
    if (error != null) {
      json.putObject("error")
          .put("code", error.code())
          .put("description", error.description())
          .put("time", MILLIS.format(error.time()));
    }
  }

  private static WebhookResponse error(int status, int code, String description) {
    ObjectNode body = JSON.createObjectNode();
    body.put("status", status);
    body.putObject("error").put("code", code).put("description", description);
    return new WebhookResponse(status, JSON_TYPE, JSON.writeValueAsString(body));
  }

  private static WebhookResponse notFound() {
    return error(404, 404, "not found: no such URL, method or id");
  }

  private static WebhookResponse noContent() {
    return new WebhookResponse(204, JSON_TYPE, "");
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
