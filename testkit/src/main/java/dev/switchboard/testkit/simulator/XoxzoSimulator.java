package dev.switchboard.testkit.simulator;

import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.Observation;
import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.JoinedConference;
import dev.switchboard.testkit.Observation.Played;
import dev.switchboard.testkit.Observation.Said;
import dev.switchboard.testkit.Observation.Unanswered;
import dev.switchboard.testkit.SimulatedCall;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Xoxzo's Voice API on loopback, written from the vendor's document ({@code xoxzo-voice-api.txt})
 * and the shared readings ({@code docs/providers/xoxzo.md}), independently of the provider. {@link
 * #baseUrl()} is the API base: point the provider's {@code switchboard.xoxzo.base-url} at it.
 *
 * <pre>{@code
 * try (var simulator = new XoxzoSimulator("sid", "token")) {
 *   simulator.start();
 *   simulator.scriptNextCall(Callee.builder().pickup(Callee.Pickup.BUSY).build());
 *   // POST {baseUrl}/voice/simple/playbacks/ caller=+8190123456789&recipient=+818011234567
 *   //      &recording_url=http://example.com/hello.mp3, answered [{"callid": "..."}]
 *   Transcript transcript = simulator.awaitTranscript(callId, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <h2>Endpoints</h2>
 *
 * <p>{@code POST /voice/simple/playbacks/}, {@code GET /voice/calls/<callid>/}, {@code POST
 * /voice/simple/conferences/}, {@code GET /voice/simple/conferences/<conferenceid>/}, and the DIN
 * endpoints {@code GET /voice/dins/}, {@code GET} and {@code POST /voice/dins/subscriptions/},
 * {@code POST} and {@code DELETE /voice/dins/subscriptions/<din_uid>/}, with the trailing slash as
 * documented. Requests need HTTP Basic auth {@code SID:AUTH_TOKEN}, else 401 {@code {"detail":
 * "Invalid username/password."}}; the fields are read from a form body ({@code
 * application/x-www-form-urlencoded}). A 400 answers every bad field at once, {@code {"field":
 * ["message", ...]}}, in Django REST framework's words where it has them ({@code "This field is
 * required."}, {@code "This field may not be blank."}, {@code "Enter a valid URL."}, {@code "\"fr\"
 * is not a valid choice."}, {@code "Ensure this field has at least 2 elements."}). An unknown call
 * or conference id is 404 {@code {}}.
 *
 * <p>A playback needs {@code caller} and {@code recipient} (E.164 with {@code +}, a Japanese number
 * without its trunk 0) and exactly one message: {@code recording_url} (http only, after the host
 * only ASCII letters, digits, {@code _}, {@code /}, {@code -} and {@code .}) or {@code tts_message}
 * with {@code tts_lang} (any language code: the document lists none); optional {@code callbackurl}
 * (an http or https URL) and {@code tags} (comma separated, stripped). It answers 201 {@code
 * [{"callid": ...}]}. A conference needs {@code caller} and {@code participants} (2 or 3 distinct
 * E.164 numbers, comma separated), optional {@code lang} ({@code ja} by default, or {@code en}),
 * and answers 201 {@code {"conferenceid": ..., "participants": [{"callid": ..., "participant":
 * ...}, ...]}}.
 *
 * <p>DINs: {@code GET /voice/dins/} lists the DINs on offer ({@code din}, {@code din_uid}, {@code
 * country_code}, {@code prefix}, {@code minute_cost}, {@code monthly_cost}), optionally only those
 * with {@code ?country=} (ISO 3166 alpha-2) or whose number starts with {@code ?prefix=} (digits).
 * {@code POST /voice/dins/subscriptions/} with {@code din_uid} rents one and answers 201 with the
 * subscription: the DIN's fields and {@code action: {"url": null}}. {@code GET
 * /voice/dins/subscriptions/} lists the rented ones; {@code POST
 * /voice/dins/subscriptions/<din_uid>/} with {@code action_url} (an http or https URL) routes one
 * and answers 200 with it; {@code DELETE} gives it back, 204. A DIN not rented is 404 there; one
 * not on offer, or rented already, is a 400 on {@code din_uid}. The simulator offers two Tokyo DINs
 * ({@code +81312345670}, {@code +81312345671}), one in Osaka ({@code +81612345670}) and one in New
 * York ({@code +16465550100}).
 *
 * <p>{@link #simulateIncomingCall} calls a rented DIN: it GETs the action URL with {@code caller}
 * and {@code recipient} added to the URL's own query, and runs the one line of plain text the
 * application answers with (see {@link XoxzoIncomingCall}): {@code playback <url>} (a URL the
 * playback API would take) plays it, {@code say <lang> "<text>"} says the text, {@code transfer
 * <E.164>} transfers the caller to the number (answered as the callee's targets say), and the call
 * hangs up. Any other answer (not 200, empty, another line) leaves Xoxzo no action, and the call is
 * observed as {@code reject}.
 *
 * <h2>Calls</h2>
 *
 * <p>A call is {@code IN PROGRESS} (no {@code end_time}) once accepted, then rings the next
 * scripted callee: one who does not answer ends it {@code NO ANSWER}, a busy one {@code FAILED},
 * both observed as one {@code unanswered} (SEM-12). One who answers hears the message ({@code play}
 * of the MP3 URL, or {@code say} of the text by a female voice, in {@code en-US} for {@code en},
 * {@code ja-JP} for {@code ja}, and in the {@code tts_lang} as given otherwise), then the call
 * hangs up ({@code hangup} by {@code flow}) and ends {@code ANSWERED}. Then, when a {@code
 * callbackurl} was given, the call status is POSTed to it as a form body ({@code tags} comma
 * separated) until it is answered 200, at most ten times; only then is the call's transcript
 * complete. A conference calls each participant, each with the next scripted callee in the order of
 * {@code participants}; a participant who answers is observed joining the room named by the
 * conference id, then hung up by the flow. Each leg is a call of type {@code simple/conferences}
 * with its own status and transcript.
 *
 * <h2>Readings beyond the shared document</h2>
 *
 * <ul>
 *   <li>Paths without the trailing slash, and any other path, are 404 {@code {}}, also without
 *       credentials (the URL is resolved before authentication, as in Django); on an endpoint's
 *       path, authentication comes first (401), then the method (405 {@code {"detail": "Method
 *       \"GET\" not allowed."}}), then the id (404).
 *   <li>Every 401 says {@code "Invalid username/password."}, also when the header is missing or
 *       malformed. Only a form body is read: a body of any other type carries no fields. Every
 *       value is stripped of surrounding whitespace; a field sent twice counts with its first
 *       value; unknown fields are ignored.
 *   <li>E.164 is {@code +} then 1 to 15 digits, the first not 0; a Japanese number that keeps its
 *       trunk 0 ({@code +810...}) is refused in every number field, as the document says to leave
 *       it out; other countries' numbers are not judged (Italy keeps its 0). A blank optional field
 *       is refused like a blank required one ({@code "This field may not be blank."}), except
 *       {@code tags}, where empty tags are dropped.
 *   <li>Neither {@code recording_url} nor {@code tts_message}/{@code tts_lang} is {@code
 *       recording_url: "This field is required."}; one of the two text-to-speech fields without the
 *       other makes the other required; both kinds of message at once is {@code non_field_errors:
 *       "Give either recording_url or tts_message and tts_lang, not both."}, and the fields
 *       themselves are still checked. An https {@code recording_url} is {@code "https is not
 *       supported at this moment; use an http URL."}; a query or fragment breaks the character
 *       rule; no {@code .mp3} suffix is asked for (the document names none). The MP3 is not
 *       fetched. {@code tts_message} has no length limit.
 *   <li>Bad participants are each named in a message of their own; a repeated one too; spaces
 *       around a participant are stripped. The legs ring at the same time and independently: a
 *       participant who answers joins the room whether or not anyone else does. The conference
 *       ignores {@code callbackurl} and {@code tags} (the document lists neither), so its legs send
 *       no callbacks and have no tags; the guidance in {@code lang} is not observed.
 *   <li>Callees are taken when a request is accepted, so the order of the requests (and of the
 *       participants) is the order of the script.
 *   <li>Times are UTC {@code YYYY-MM-DD HH:MM:SS} and the simulated clock does not wait: an
 *       answered call lasts {@value #MP3_SECONDS} s for an MP3, one second per ten characters of
 *       text (at least one), {@value #CONFERENCE_SECONDS} s for a conference leg, and ends that
 *       long after its {@code start_time}; an unanswered call ends when it stops ringing, duration
 *       0. {@code cost} is 0 while in progress, 1 credit for a call that ends unanswered (as in the
 *       document's {@code NO ANSWER} example), and for an answered call 1 credit per started minute
 *       plus 1 for text-to-speech. A conference's {@code end_time} is its last leg's (null while
 *       any is in progress), its {@code duration} the longest leg's, its {@code cost} the legs'
 *       sum.
 *   <li>A callee scripted to hang up on the message (SEM-10) ends the call {@code ANSWERED}, with
 *       the message's whole duration.
 *   <li>The callback carries the call-status fields in the order of the status object, with {@code
 *       cost} and {@code duration} as decimal text. It is sent for unanswered calls too; a callback
 *       never answered 200 changes nothing about the call.
 * </ul>
 */
public final class XoxzoSimulator extends VendorSimulator {
  /** How long an answered MP3 playback lasts, in seconds: the simulator does not fetch the file. */
  public static final int MP3_SECONDS = 10;

  /** How long an answered participant stays in a conference, in seconds. */
  public static final int CONFERENCE_SECONDS = 30;

  /** Xoxzo retries the callback until it gets 200, at most ten times. */
  private static final int CALLBACK_ATTEMPTS = 10;

  private static final String PLAYBACKS = "/voice/simple/playbacks/";
  private static final String CONFERENCES = "/voice/simple/conferences/";
  private static final String DINS = "/voice/dins/";
  private static final String SUBSCRIPTIONS = "/voice/dins/subscriptions/";
  private static final Pattern CALL = Pattern.compile("/voice/calls/([^/]+)/");
  private static final Pattern CONFERENCE = Pattern.compile("/voice/simple/conferences/([^/]+)/");
  private static final Pattern SUBSCRIPTION = Pattern.compile("/voice/dins/subscriptions/([^/]+)/");

  /** The conference's guidance languages; the document lists none for text-to-speech. */
  private static final Set<String> GUIDANCE_LANGUAGES = Set.of("en", "ja");

  /** The neutral voice of Xoxzo's English and Japanese; any other tts_lang is said as given. */
  private static final Map<String, String> REGIONAL_VOICES = Map.of("en", "en-US", "ja", "ja-JP");

  private static final String BOTH_MESSAGES =
      "Give either recording_url or tts_message and tts_lang, not both.";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String JSON_TYPE = "application/json";
  private static final String FORM_TYPE = "application/x-www-form-urlencoded";

  private final String sid;
  private final String authToken;
  private final Map<String, XoxzoCall> calls = new ConcurrentHashMap<>();
  private final Map<String, XoxzoConference> conferences = new ConcurrentHashMap<>();
  private final XoxzoDins dins = new XoxzoDins();
  private final AtomicInteger created = new AtomicInteger();
  private final Object accepting = new Object();
  private final Object gate = new Object();
  private boolean held;

  /** What an answered call plays, how long it lasts, what it costs beyond airtime. */
  private record Message(Observation observed, int seconds, int extraCost) {}

  /**
   * A simulator that accepts {@code sid} and {@code authToken} as its only credentials. Call {@link
   * #start()} before using {@link #baseUrl()}.
   *
   * @throws IllegalArgumentException when either is blank, or the SID holds a {@code :} (Basic auth
   *     could not carry it)
   */
  public XoxzoSimulator(String sid, String authToken) {
    super("xoxzo", CALLBACK_ATTEMPTS);
    if (sid == null || sid.isBlank() || sid.contains(":")) {
      throw new IllegalArgumentException("sid must not be blank nor contain ':'");
    }
    if (authToken == null || authToken.isBlank()) {
      throw new IllegalArgumentException("authToken must not be blank");
    }
    this.sid = sid;
    this.authToken = authToken;
  }

  // ------------------------------------------------------------------------------------------
  // Public API for tests

  /** How many playback and conference requests were accepted (answered 201) so far. */
  public int createdCalls() {
    return created.get();
  }

  /**
   * Holds calls before they ring: calls accepted from now on, and accepted calls that have not rung
   * yet, stay {@code IN PROGRESS} until {@link #releaseCalls()}. For tests that look at a call in
   * progress.
   */
  public void holdCalls() {
    synchronized (gate) {
      held = true;
    }
  }

  /** Lets held calls ring, and calls from now on ring at once. */
  public void releaseCalls() {
    synchronized (gate) {
      held = false;
      gate.notifyAll();
    }
  }

  /**
   * Calls the rented DIN {@code din} from {@code caller}, as Xoxzo does when someone dials it: GETs
   * the DIN's action URL with the query parameters {@code caller} and {@code recipient} (added to
   * the URL's own), then runs the action it answers with for the next scripted callee, who is the
   * caller here. The caller's transcript is {@link #awaitTranscript} of the returned id.
   *
   * @param caller the calling number, E.164
   * @param din the rented DIN's number, as {@code GET /voice/dins/subscriptions/} lists it
   * @throws IllegalArgumentException when no rented DIN has that number
   * @throws IllegalStateException when the DIN has no action URL yet
   */
  public XoxzoIncomingCall simulateIncomingCall(String caller, String din) {
    String actionUrl = dins.actionUrl(din);
    URI url =
        URI.create(
            actionUrl
                + (URI.create(actionUrl).getRawQuery() == null ? "?" : "&")
                + "caller="
                + encode(caller)
                + "&recipient="
                + encode(din));
    int status;
    String action;
    try {
      HttpResponse<String> answer = fetch("GET", url, "", "");
      status = answer.statusCode();
      action = answer.body();
    } catch (IOException e) {
      status = 0;
      action = "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling " + din, e);
    }
    XoxzoIncomingCall call = new XoxzoIncomingCall(newId(), caller, din, status, action);
    Callee callee = nextCallee();
    // Only a 200 carries an action; anything else leaves Xoxzo nothing to do with the call.
    String taken = status == 200 ? action : "";
    runCall(call.id(), () -> finishCall(call.id(), XoxzoDinAction.run(taken, callee)));
    return call;
  }

  // ------------------------------------------------------------------------------------------
  // REST

  @Override
  protected WebhookResponse handle(WebhookRequest request) {
    String path = request.path();
    Matcher call = CALL.matcher(path);
    Matcher conference = CONFERENCE.matcher(path);
    Matcher subscription = SUBSCRIPTION.matcher(path);
    Set<String> allowed;
    if (path.equals(PLAYBACKS) || path.equals(CONFERENCES)) {
      allowed = Set.of("POST");
    } else if (call.matches() || conference.matches() || path.equals(DINS)) {
      allowed = Set.of("GET");
    } else if (path.equals(SUBSCRIPTIONS)) {
      allowed = Set.of("GET", "POST");
    } else if (subscription.matches()) {
      allowed = Set.of("POST", "DELETE");
    } else {
      return notFound();
    }
    if (!authorized(request)) {
      return json(401, JSON.createObjectNode().put("detail", "Invalid username/password."));
    }
    if (!allowed.contains(request.method())) {
      return json(
          405,
          JSON.createObjectNode()
              .put("detail", "Method \"" + request.method() + "\" not allowed."));
    }
    if (path.equals(PLAYBACKS)) {
      return createPlayback(new XoxzoForm(request.form()));
    }
    if (path.equals(CONFERENCES)) {
      return createConference(new XoxzoForm(request.form()));
    }
    if (call.matches()) {
      XoxzoCall found = calls.get(call.group(1));
      return found == null ? notFound() : json(200, found.json(JSON));
    }
    if (conference.matches()) {
      XoxzoConference found = conferences.get(conference.group(1));
      return found == null ? notFound() : json(200, found.json(JSON));
    }
    if (path.equals(DINS)) {
      return json(
          200,
          dins.offered(
              JSON, first(request, "country").orElse(null), first(request, "prefix").orElse(null)));
    }
    if (path.equals(SUBSCRIPTIONS)) {
      return request.method().equals("GET")
          ? json(200, dins.subscriptions(JSON))
          : subscribe(new XoxzoForm(request.form()));
    }
    String uid = subscription.group(1);
    if (request.method().equals("DELETE")) {
      return dins.unsubscribe(uid) ? new WebhookResponse(204, JSON_TYPE, "") : notFound();
    }
    return route(uid, new XoxzoForm(request.form()));
  }

  /** A query parameter's first value, stripped. */
  private static Optional<String> first(WebhookRequest request, String name) {
    return request.query().getOrDefault(name, List.of()).stream().findFirst().map(String::strip);
  }

  /** {@code POST /voice/dins/subscriptions/}: rents {@code din_uid}, answering the subscription. */
  private WebhookResponse subscribe(XoxzoForm form) {
    String uid = form.required("din_uid");
    if (uid != null) {
      dins.subscribe(uid).ifPresent(refusal -> form.error("din_uid", refusal));
    }
    if (!form.valid()) {
      return json(400, form.errors(JSON));
    }
    return json(201, dins.subscription(JSON, uid).orElseThrow());
  }

  /** {@code POST /voice/dins/subscriptions/<din_uid>/}: sets the DIN's {@code action_url}. */
  private WebhookResponse route(String uid, XoxzoForm form) {
    if (dins.subscription(JSON, uid).isEmpty()) {
      return notFound();
    }
    URI actionUrl = form.url("action_url");
    if (!form.valid()) {
      return json(400, form.errors(JSON));
    }
    // Given back since it was looked up: then it is as unknown as before.
    if (!dins.route(uid, actionUrl.toString())) {
      return notFound();
    }
    return json(200, dins.subscription(JSON, uid).orElseThrow());
  }

  private boolean authorized(WebhookRequest request) {
    String value = request.header("Authorization").orElse("");
    if (value.length() <= 6 || !value.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String credentials;
    try {
      credentials =
          new String(
              Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return credentials.equals(sid + ":" + authToken);
  }

  private WebhookResponse createPlayback(XoxzoForm form) {
    String caller = form.phone("caller");
    String recipient = form.phone("recipient");
    boolean mp3 = form.has("recording_url");
    boolean tts = form.has("tts_message") || form.has("tts_lang");
    if (!mp3 && !tts) {
      form.error("recording_url", XoxzoForm.REQUIRED);
    }
    String recordingUrl = mp3 ? form.recordingUrl("recording_url") : null;
    String ttsMessage = tts ? form.required("tts_message") : null;
    String ttsLang = tts ? form.required("tts_lang") : null;
    URI callback = form.callbackUrl("callbackurl");
    List<String> tags = form.tags("tags");
    if (mp3 && tts) {
      form.error(XoxzoForm.NON_FIELD_ERRORS, BOTH_MESSAGES);
    }
    if (!form.valid()) {
      return json(400, form.errors(JSON));
    }
    Message message =
        mp3
            ? new Message(new Played(recordingUrl), MP3_SECONDS, 0)
            : new Message(
                new Said(ttsMessage, voice(ttsLang), "female"), speakingSeconds(ttsMessage), 1);
    String callId = newId();
    XoxzoCall accepted =
        new XoxzoCall(
            callId, caller, recipient, tags, XoxzoCall.PLAYBACKS, statusUrl(callId), now());
    synchronized (accepting) {
      calls.put(accepted.id(), accepted);
      created.incrementAndGet();
      Callee callee = nextCallee();
      runCall(accepted.id(), () -> ring(accepted, callee, message, callback));
    }
    ArrayNode body = JSON.createArrayNode();
    body.addObject().put("callid", accepted.id());
    return json(201, body);
  }

  private WebhookResponse createConference(XoxzoForm form) {
    String caller = form.phone("caller");
    List<String> participants = form.participants("participants");
    form.choice("lang", GUIDANCE_LANGUAGES, "ja");
    if (!form.valid()) {
      return json(400, form.errors(JSON));
    }
    String id = newId();
    Instant start = now();
    List<XoxzoCall> legs = new ArrayList<>();
    for (String participant : participants) {
      String callId = newId();
      legs.add(
          new XoxzoCall(
              callId,
              caller,
              participant,
              List.of(),
              XoxzoCall.CONFERENCES,
              statusUrl(callId),
              start));
    }
    XoxzoConference conference = new XoxzoConference(id, start, legs);
    Message joined = new Message(new JoinedConference(id), CONFERENCE_SECONDS, 0);
    synchronized (accepting) {
      conferences.put(id, conference);
      legs.forEach(leg -> calls.put(leg.id(), leg));
      created.incrementAndGet();
      for (XoxzoCall leg : legs) {
        Callee callee = nextCallee();
        runCall(leg.id(), () -> ring(leg, callee, joined, null));
      }
    }
    return json(201, conference.created(JSON));
  }

  // ------------------------------------------------------------------------------------------
  // Calls

  /**
   * Rings the callee and ends the call as they decide; then sends the callback, if any, and records
   * the transcript. Runs on the call's own thread.
   */
  private void ring(XoxzoCall call, Callee callee, Message message, URI callback) {
    if (!awaitRelease()) {
      return;
    }
    Transcript transcript;
    switch (callee.pickup()) {
      case NO_ANSWER:
        call.end(XoxzoCall.NO_ANSWER, now(), 0, 1);
        transcript = Transcript.of(new Unanswered("no-answer"));
        break;
      case BUSY:
        call.end(XoxzoCall.FAILED, now(), 0, 1);
        transcript = Transcript.of(new Unanswered("busy"));
        break;
      default:
        SimulatedCall line = new SimulatedCall(callee);
        if (line.observe(message.observed())) {
          line.end(new HungUp("flow"));
        }
        int seconds = message.seconds();
        call.end(
            XoxzoCall.ANSWERED,
            call.start().plusSeconds(seconds),
            seconds,
            (seconds + 59) / 60 + message.extraCost());
        transcript = line.transcript();
        break;
    }
    if (callback != null) {
      sendCallback("POST", callback, FORM_TYPE, call.form());
    }
    finishCall(call.id(), transcript);
  }

  /** Waits while calls are held; false when interrupted (the simulator is closing). */
  private boolean awaitRelease() {
    synchronized (gate) {
      while (held) {
        try {
          gate.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  /** One second per ten characters (code points), at least one. */
  private static int speakingSeconds(String text) {
    return Math.max(1, (text.codePointCount(0, text.length()) + 9) / 10);
  }

  // ------------------------------------------------------------------------------------------
  // Helpers

  private String statusUrl(String callId) {
    return baseUrl() + "/voice/calls/" + callId + "/";
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  /** The voice a {@code tts_lang} or DIN {@code say} language is heard in. */
  static String voice(String language) {
    return REGIONAL_VOICES.getOrDefault(language, language);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static WebhookResponse json(int status, JsonNode body) {
    return new WebhookResponse(status, JSON_TYPE, JSON.writeValueAsString(body));
  }

  private static WebhookResponse notFound() {
    return json(404, JSON.createObjectNode());
  }
}
