package dev.switchboard.testkit.simulator;

import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.Rejected;
import dev.switchboard.testkit.Observation.Unanswered;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
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
 * other path or method is 404, so is an unknown id. Errors answer the error object the document
 * shows, {@code {"error": {"code": <code>, "description": <text>, "time": <when>}}}, and a 500 adds
 * the {@code "error_id"} the document asks users to quote (a new UUID each time): 422 with 5105 (no
 * {@code <Response>} root, also for a blank document), 5106 (not well-formed, an unknown verb, a
 * verb the resource does not support, an undocumented attribute, a value outside the "Accepts"
 * column), or 422 (JSON fields: not an object, {@code to}/{@code from} not E.164 digits without
 * {@code +}, {@code voxXML} missing or not a string; {@code page} or {@code page_size} not an
 * integer of at least 1); 500 with 6100 when the simulator itself fails. {@link #failNext} makes
 * chosen requests fail.
 *
 * <p>Lists are newest first and paginated: {@code page} from 1 (default 1), {@code page_size}
 * default 25 with no maximum (the document names none); {@code page_count} is 0 when there is
 * nothing. Create answers 200 with the call object, status {@code queued}. Modify answers 204;
 * <b>modifying a call, conference or participant that is over answers 422</b> with code 422 (the
 * resource still exists and is listed, so 404 would be wrong). Delete answers 204, also for a call
 * or conference that is already over (nothing changes; calls stay in the list so their final status
 * can be read). Participants leave the list when they leave the room; their JSON carries {@code
 * "muted": true|false}, a simulator addition, so tests can see what {@code SetMute} did.
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
 * {@code loop}; input after one pass of the prompts, silence replays them {@code loop} times; a
 * gather taking speech listens in its {@code language} with its {@code speechTimeout}, see {@link
 * #speechGathers}), If, Number and Dial (parallel, first answering number in order wins, the caller
 * goes on after the bridge), Conference (joins the room and leaves it at once), Hangup, Reject
 * (only as the first verb of an incoming call), Redirect, SetMute (conferences and participants). A
 * {@code loop='0'} repeats until the callee hangs up, at most 100 times. A modify replaces the
 * running document between two observations; {@code $GATHER} survives it. Callbacks are sent once
 * (the vendor does not retry), POST as JSON or GET as query parameters, with the payload event
 * names ({@code partial_input}, {@code complete_input}, {@code no_connect}, {@code mute_all}, ...).
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
  private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9]+");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]*");

  // Layered so that each part depends only on those below it: the router reads and changes the
  // world, the world and the call runs send through the sender, and the sender only talks HTTP.
  private final VoxCallbackSender sender;
  private final VoxWorld world;
  private final VoxRouter router;

  /**
   * A simulator that accepts {@code apiKey} as its only API key. Call {@link #start()} before using
   * {@link #baseUrl()}.
   */
  public VoxtelesysSimulator(String apiKey) {
    super("voxtelesys", 1);
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank");
    }
    this.sender = new VoxCallbackSender(this);
    this.world = new VoxWorld(sender);
    this.router = new VoxRouter(apiKey, world, this::placeCall);
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
  @Override
  public Transcript incomingCall(
      URI applicationUrl, String fromDigits, String toDigits, Callee callee) {
    Objects.requireNonNull(applicationUrl, "applicationUrl");
    Objects.requireNonNull(fromDigits, "fromDigits");
    Objects.requireNonNull(toDigits, "toDigits");
    Objects.requireNonNull(callee, "callee");
    VoxCall call =
        new VoxCall(VoxWorld.newId(), toDigits, fromDigits, true, "processing", List.of(), true);
    world.add(call);
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
        sender
            .payload("api", "incoming_call")
            .put("time", sender.callbackTime())
            .put("call_id", call.id())
            .put("to", call.to())
            .put("from", call.from());
    List<VoxXml.Verb> document =
        sender.fetchVoxXml(
            call::fail,
            VoxXml.Resource.CALL,
            "POST",
            applicationUrl,
            VoxJson.TYPE,
            VoxJson.MAPPER.writeValueAsString(event));
    VoxCallRun run = new VoxCallRun(world, sender, call, callee);
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
    VoxCall call = new VoxCall(VoxWorld.newId(), "", "", false, "queued", document, false);
    switch (callee.pickup()) {
      case NO_ANSWER:
        call.status("no_answer");
        return Transcript.of(new Unanswered("no-answer"));
      case BUSY:
        call.status("busy");
        return Transcript.of(new Unanswered("busy"));
      default:
        call.status("answered");
        Transcript transcript = new VoxCallRun(world, sender, call, callee).run(document);
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
    return world.open(name, participantLabels);
  }

  /**
   * How a gather that took speech listened.
   *
   * @param language the language it recognised: its {@code language} attribute, else the document's
   *     default {@code en-US}
   * @param speechTimeoutSeconds the silence that ended speech: its {@code speechTimeout}, else the
   *     document's default 30, values above 60 set to 60 as the document says
   */
  public record SpeechGather(String language, int speechTimeoutSeconds) {}

  /**
   * How each gather that took speech ({@code input} {@code speech} or {@code dtmf speech}) on the
   * listed call {@code callId} listened, in the order they ran. A simulated callee's words are
   * recognised in any language, so this is where a test sees which one the VoxXML asked for.
   *
   * @throws IllegalArgumentException when no such call is listed
   */
  public List<SpeechGather> speechGathers(String callId) {
    VoxCall call = world.listedCall(Objects.requireNonNull(callId, "callId"));
    if (call == null) {
      throw new IllegalArgumentException("no call " + callId + " is listed");
    }
    return call.speechGathers();
  }

  /**
   * Answers the next {@code times} REST requests of {@code method} to {@code path} (e.g. {@code
   * GET}, {@code /calls}; the query is not compared) with the vendor's error for {@code status},
   * without acting on them: 401, 404 or 422 with that status as the code, 500 with code 6100. For
   * testing how a client copes with a refusal or a server error; authentication is checked first.
   *
   * @param status 401, 404, 422 or 500, the HTTP errors the document lists
   */
  public void failNext(String method, String path, int status, int times) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (status != 401 && status != 404 && status != 422 && status != 500) {
      throw new IllegalArgumentException("the document lists 401, 404, 422 and 500, not " + status);
    }
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    router.failNext(method, path, status, times);
  }

  // ------------------------------------------------------------------------------------------
  // REST and outbound calls

  @Override
  protected WebhookResponse handle(WebhookRequest request) {
    return router.handle(request);
  }

  /** Starts a call created by REST on its own thread. */
  private void placeCall(VoxCall call) {
    runCall(call.id(), () -> dialOut(call));
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
            transcript = new VoxCallRun(world, sender, call, callee).run(call.document());
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
}
