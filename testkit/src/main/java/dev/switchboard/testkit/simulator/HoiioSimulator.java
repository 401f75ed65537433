package dev.switchboard.testkit.simulator;

import dev.switchboard.InvalidInputException;
import dev.switchboard.PhoneNumber;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.Observation;
import dev.switchboard.testkit.SimulatedCall;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hoiio's IVR block API on loopback, written from the vendor's pages ({@code hoiio-ivr-record.txt},
 * {@code hoiio-ivr-monitor.txt}, {@code hoiio-python-sdk-ivr.txt}), the notes gathered about them,
 * and the shared readings ({@code docs/providers/hoiio.md}), independently of the provider. The
 * provider's base URL is {@code baseUrl() + "/open/"}.
 *
 * <pre>{@code
 * try (var simulator = new HoiioSimulator("app", "token")) {
 *   simulator.start();
 *   simulator.scriptNextCall(Callee.builder().presses("1").build());
 *   // POST {baseUrl}/open/ivr/start/dial app_id=app&access_token=token&dest=%2B6511111111&...
 *   Transcript transcript = simulator.awaitTranscript(session, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <h2>Requests</h2>
 *
 * <p>{@code /open/ivr/start/dial}, {@code /open/ivr/middle/{play,gather,record,monitor,hold,
 * unhold}} and {@code /open/ivr/end/{transfer,hangup}}, by POST (form body) or GET (query string);
 * parameters are read from both. Every answer to a block path is HTTP 200 with JSON {@code
 * {"status": "success_ok"}} or {@code {"status": "error_..."}}; Dial adds {@code txn_ref} and
 * {@code session}, a Transfer to {@code room:<id>} adds {@code room} (an empty id gets {@code
 * R-<n>}). Checks, in order: the method ({@code error_invalid_http_method}), the encoding ({@code
 * error_malformed_params}), {@code app_id} and {@code access_token} (missing, then {@code
 * error_invalid_app_id}, {@code error_invalid_access_token}), the block's required parameters
 * ({@code error_<param>_param_missing}: {@code dest} for Dial, {@code session} for the others,
 * {@code session} then {@code dest} for Transfer), the parameters' values, then the session.
 *
 * <p>Values: Hangup's {@code force} is {@code enabled}, without {@code msg}; {@code msg} at most
 * 1000 characters and valid markup (see below); {@code tag} at most 256 characters; {@code
 * notify_url} and {@code monitor_notify_url} absolute http(s) URLs of at most 4000 characters
 * ({@code error_invalid_notify_url}, {@code error_invalid_monitor_notify_url}); Dial's {@code dest}
 * E.164 with {@code +}, Transfer's E.164 or {@code room:<id>} ({@code error_dest_invalid}); {@code
 * caller_id} E.164 or {@code private} ({@code error_caller_id_invalid}); {@code max_duration}
 * 1-86400 ({@code error_invalid_max_duration}); Gather's {@code max_digits} 0-255 (default 0),
 * {@code timeout} 1-3600 (default 15), {@code attempts} 1-100 (default 1) ({@code
 * error_invalid_max_digits}, {@code error_invalid_timeout}, {@code error_invalid_attempts}); {@code
 * on_failure} {@code hangup} or {@code continue} ({@code error_on_failure_invalid}).
 *
 * <p>Sessions: a block is accepted only after the previous block's notification was sent ({@code
 * error_session_not_ready}; the session turns ready just before the notification is posted); after
 * Hold only Unhold ({@code error_session_not_ready} for anything else); Unhold only on hold ({@code
 * error_session_not_on_hold}); one Monitor a call ({@code error_monitor_in_progress}); a call that
 * is over answers {@code error_session_ended}, an unknown session {@code error_invalid_session}.
 * Hangup with {@code force=enabled} is accepted in any state of a live call and ends it at once,
 * even in the middle of a block. The session checks run in this order: over, forced Hangup
 * (accepted), Unhold (only on hold, also while a block runs), not ready, monitor in progress.
 *
 * <h2>{@code msg}</h2>
 *
 * <p>XML content: plain text (the default voice, {@code en-US} and {@code female}), {@code <speech
 * language="xx-XX" gender="female|male">text</speech>} and {@code <url>http(s)://...</url>} (ending
 * in {@code .mp3}, {@code .wav} or {@code .gsm}), each observed in order as {@code say} or {@code
 * play}, entities decoded. Errors: {@code error_msg_invalid_length}, {@code error_msg_invalid_xml},
 * {@code error_msg_invalid_language}, {@code error_msg_invalid_gender}, {@code
 * error_msg_invalid_url}, {@code error_msg_invalid_file_format}.
 *
 * <h2>Calls and notifications</h2>
 *
 * <p>Each block runs on the call's own thread after its request was answered, and ends with one
 * notification, POSTed once (Hoiio does not resend) to its {@code notify_url} with the fields
 * appended to the URL's query string: {@code ivr_block}, {@code session}, {@code txn_ref}, {@code
 * dest} (Dial) or {@code from} and {@code to} (incoming), {@code tag} when given, {@code
 * call_state} ({@code ongoing} or {@code ended}), the block's own fields ({@code dial_status},
 * {@code digits}, {@code record_status} and {@code record_url}, {@code transfer_status}), and when
 * the call is over {@code date} (GMT+8), {@code duration} (whole minutes, at least 1 once
 * answered), {@code currency} ({@code SGD}), {@code rate} and {@code debit}. Monitor notifies
 * {@code monitor_notify_url} (or, without it, {@code notify_url}) when the block is done, and after
 * the call {@code notify_url} with {@code monitor_status=success} and {@code monitor_url}. A callee
 * who hangs up ends the block where it is; its notification then says {@code call_state=ended}.
 *
 * <p>What the callee observes: a block's {@code msg} first, segment by segment; then Gather's input
 * ({@link dev.switchboard.testkit.CalleeInput}: keys only, words are silence; {@code #} ends the
 * input and is not part of it; keys past {@code max_digits} are dropped; usable input, or {@code #}
 * first, after one pass of {@code msg}, silence after {@code attempts} passes) as {@code gather};
 * Record's {@code record}; Monitor's {@code recordCall}; Transfer's {@code transfer} to the one
 * number (answered: the bridge ends and so does the call; not answered: {@code unanswered}, then
 * the call goes on only with {@code on_failure=continue}) or {@code conference} for a room (the
 * call ends when the caller leaves it); Hangup's {@code hangup} by {@code flow}. Hold plays its
 * {@code msg} once and waits for Unhold. On an incoming call the first block answers, except a
 * Hangup without {@code msg}, which refuses the call ({@code reject}).
 *
 * <h2>Readings beyond the shared document</h2>
 *
 * <ul>
 *   <li>An empty parameter counts as absent. Lengths count Unicode code points. Unknown parameters
 *       are ignored. A path that is no block answers HTTP 404 with {@code error_not_found}.
 *   <li>{@code error_malformed_params}: a form body that is not UTF-8, or a percent-escape in the
 *       query or form that is not {@code %XX} or does not decode as UTF-8.
 *   <li>A notify URL whose host is {@code invalid} or ends in {@code .invalid} answers {@code
 *       error_unable_to_resolve_notify_url} (or {@code ..._monitor_notify_url}); nothing is looked
 *       up.
 *   <li>Hangup's {@code force} other than {@code enabled}, or with {@code msg}: {@code
 *       error_force_invalid}. Dial's {@code max_duration} has Record's range and error; it is not
 *       enforced (the simulator has no clock).
 *   <li>{@code caller_id} is not checked against the account's numbers: any E.164 number is
 *       accepted.
 *   <li>A room id is letters, digits, {@code -} and {@code _}, at most 64; room ids are the
 *       caller's own names (no uniqueness check). A transfer to a room reports {@code
 *       transfer_status=answered}.
 *   <li>Markup: plain text between two elements is one segment, so two default-voice texts written
 *       next to each other are heard as one; element names are case-sensitive; an unknown element
 *       or attribute, or markup inside {@code <speech>} or {@code <url>}, is {@code
 *       error_msg_invalid_xml}; comments are ignored; text is taken as written (not trimmed) and
 *       whitespace-only text or an empty {@code <speech>} says nothing; a {@code <url>} is trimmed;
 *       the extension check ignores case.
 *   <li>A block without {@code notify_url} (Dial, Play, Gather, Record, Monitor without either URL,
 *       Unhold) plays its {@code msg}, then the call hangs up ({@code hangup} by {@code flow}) and
 *       nothing is notified; a Transfer without it that fails hangs up even with {@code
 *       on_failure=continue}, as nobody could be told to go on.
 *   <li>Hold takes {@code session}, {@code msg}, {@code tag} and {@code notify_url}; it plays its
 *       {@code msg} once and sends no notification; if the call ends while on hold, Hold's {@code
 *       notify_url} (when given) gets {@code ivr_block=hold}, {@code call_state=ended}. Unhold
 *       notifies {@code ivr_block=unhold}.
 *   <li>Block fields are present only when the block got that far: no {@code digits} when the
 *       callee hung up during the prompts, no {@code transfer_status} when during the transfer's
 *       {@code msg}; {@code record_status=failed} when before the recording started. The monitor
 *       file notification is sent only when the monitor started, and carries no billing fields.
 *   <li>A forced Hangup: the block it interrupts (or that was accepted and had not started) sends
 *       no notification; the Hangup's own {@code notify_url} gets {@code ivr_block=hangup}, {@code
 *       call_state=ended}. On a ringing incoming call it refuses the call like a first Hangup
 *       without {@code msg} ({@code reject}); a Dial hung up before it was answered is {@code
 *       unanswered}, {@code no-answer}.
 *   <li>When no block comes within the idle timeout ({@link #idleTimeout(Duration)}, 30 s by
 *       default) after a notification, the call hangs up ({@code hangup} by {@code flow}; an
 *       incoming call never answered is {@code unanswered}, {@code no-answer}); nothing is
 *       notified.
 *   <li>Billing: {@code rate} is 0.025 SGD a minute, {@code debit} is rate times duration with
 *       three decimals; unanswered calls have duration 0. Ids: sessions {@code S-<n>}, {@code
 *       txn_ref} {@code TX-<n>} (one per session), recordings {@code
 *       http://recordings.hoiio.example/rec-<n>.mp3}.
 *   <li>Not simulated: downloading {@code <url>} files ({@code error_msg_download_failed}, file
 *       size, text-to-speech failures), rate limits, credit, trial restrictions, access to another
 *       application's sessions, and the TLS handshake with notify URLs.
 * </ul>
 */
public final class HoiioSimulator extends VendorSimulator {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String JSON_TYPE = "application/json";
  private static final int MAX_TAG = 256;
  private static final int MAX_URL = 4000;
  private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_-]{0,64}");
  private static final Pattern INTEGER = Pattern.compile("[0-9]{1,9}");
  private static final String RECORDINGS = "http://recordings.hoiio.example/rec-";

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

  private final String appId;
  private final String accessToken;
  private final Map<String, HoiioSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, List<String>> unknownSessions = new ConcurrentHashMap<>();
  private final AtomicInteger sessionNumbers = new AtomicInteger();
  private final AtomicInteger roomNumbers = new AtomicInteger();
  private final AtomicInteger recordingNumbers = new AtomicInteger();
  private volatile Duration idleTimeout = Duration.ofSeconds(30);

  /**
   * A simulator that accepts one application: {@code appId} with {@code accessToken}. Call {@link
   * #start()} before using {@link #baseUrl()}.
   */
  public HoiioSimulator(String appId, String accessToken) {
    super("hoiio", 1);
    if (appId == null || appId.isBlank()) {
      throw new IllegalArgumentException("appId must not be blank");
    }
    if (accessToken == null || accessToken.isBlank()) {
      throw new IllegalArgumentException("accessToken must not be blank");
    }
    this.appId = appId;
    this.accessToken = accessToken;
  }

  // ------------------------------------------------------------------------------------------
  // Public API for tests

  /**
   * How long a call waits for the application's next block after a notification before it hangs up;
   * 30 seconds unless set. Applies to calls started afterwards.
   *
   * @return this simulator
   */
  public HoiioSimulator idleTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the idle timeout must be positive");
    }
    this.idleTimeout = timeout;
    return this;
  }

  /**
   * Receives a call on a Hoiio number: POSTs {@code ivr_block=answer}, {@code call_state=ringing},
   * {@code session}, {@code txn_ref}, {@code from} and {@code to} to {@code notifyUrl} (in the
   * query string), then runs the blocks the application sends against {@code callee} (the person
   * calling in), and returns when the call is over. The first block answers the call, except a
   * Hangup without {@code msg} (or a forced one), which refuses it: the transcript is then {@code
   * reject} alone.
   *
   * @param notifyUrl the number's notify URL, http(s)
   * @param from the caller, E.164 with {@code +}
   * @param to the Hoiio number called, E.164 with {@code +}
   * @param callee the caller's inputs and when they hang up (the pickup is ignored)
   * @return what the caller observed
   */
  public Transcript incomingCall(URI notifyUrl, String from, String to, Callee callee) {
    Objects.requireNonNull(notifyUrl, "notifyUrl");
    Objects.requireNonNull(callee, "callee");
    String scheme = notifyUrl.getScheme() == null ? "" : notifyUrl.getScheme();
    if (!(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new IllegalArgumentException("notifyUrl must be http(s), was " + notifyUrl);
    }
    if (number(from) == null || number(to) == null) {
      throw new IllegalArgumentException(
          "from and to must be E.164 with '+', were '" + from + "' and '" + to + "'");
    }
    HoiioSession session = newSession(null, from, to, HoiioSession.State.READY);
    return new HoiioCallRun(this, session, idleTimeout, new SimulatedCall(callee))
        .incoming(notifyUrl);
  }

  /**
   * Waits until the callee of a call in progress has observed at least {@code count} things, and
   * returns what they observed so far: for acting in the middle of a block, e.g. hanging up with
   * {@code force=enabled} while the call is on hold.
   *
   * @throws IllegalArgumentException for an unknown session
   * @throws AssertionError when it does not happen within {@code timeout}
   */
  public Transcript awaitObservations(String session, int count, Duration timeout) {
    HoiioSession known = sessions.get(session);
    if (known == null) {
      throw new IllegalArgumentException("no such session: " + session);
    }
    try {
      Transcript observed = known.awaitObserved(count, timeout);
      if (observed == null) {
        throw new AssertionError(
            "session " + session + " did not reach " + count + " observations within " + timeout);
      }
      return observed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * How many block requests named {@code session} (for a Dial, the session it created), whatever
   * they were answered.
   */
  public int blockRequests(String session) {
    return statuses(session).size();
  }

  /**
   * The statuses answered to the block requests naming {@code session}, in order, e.g. {@code
   * [success_ok, success_ok, error_session_not_ready]}.
   */
  public List<String> statuses(String session) {
    HoiioSession known = sessions.get(session);
    if (known != null) {
      return known.answers();
    }
    List<String> unknown = unknownSessions.get(session);
    if (unknown == null) {
      return List.of();
    }
    synchronized (unknown) {
      return List.copyOf(unknown);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Requests

  @Override
  protected WebhookResponse handle(WebhookRequest request) {
    String name = BLOCKS.get(request.path());
    if (name == null) {
      return answer(404, status("error_not_found"));
    }
    String session = name.equals("dial") ? null : present(request.parameters().get("session"));
    try {
      return serve(name, request);
    } catch (HoiioRefusal refusal) {
      if (session != null) {
        record(session, refusal.status());
      }
      return answer(200, status(refusal.status()));
    }
  }

  private WebhookResponse serve(String name, WebhookRequest request) {
    if (!request.method().equals("GET") && !request.method().equals("POST")) {
      throw new HoiioRefusal("error_invalid_http_method");
    }
    if (malformed(request)) {
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
    List<String> required =
        name.equals("dial")
            ? List.of("dest")
            : name.equals("transfer") ? List.of("session", "dest") : List.of("session");
    for (String parameter : required) {
      if (!parameters.containsKey(parameter)) {
        throw new HoiioRefusal("error_" + parameter + "_param_missing");
      }
    }
    HoiioBlock block = check(name, parameters);
    if (name.equals("dial")) {
      return dial(block);
    }
    HoiioSession session = sessions.get(parameters.get("session"));
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

  /** Checks a block's parameters and returns it, ready to run. */
  private HoiioBlock check(String name, Map<String, String> p) {
    boolean forced = false;
    if (name.equals("hangup") && p.containsKey("force")) {
      if (!p.get("force").equals("enabled") || p.containsKey("msg")) {
        throw new HoiioRefusal("error_force_invalid");
      }
      forced = true;
    }
    List<Observation> msg = name.equals("unhold") ? HoiioMsg.NONE : HoiioMsg.parse(p.get("msg"));
    String tag = p.get("tag");
    if (tag != null && tag.codePointCount(0, tag.length()) > MAX_TAG) {
      throw new HoiioRefusal("error_tag_invalid_length");
    }
    URI notifyUrl = notifyUrl(p.get("notify_url"), "notify_url");
    URI monitorNotifyUrl =
        name.equals("monitor")
            ? notifyUrl(p.get("monitor_notify_url"), "monitor_notify_url")
            : null;
    String dest = null;
    String room = null;
    if (name.equals("dial")) {
      dest = number(p.get("dest"));
      if (dest == null) {
        throw new HoiioRefusal("error_dest_invalid");
      }
    } else if (name.equals("transfer")) {
      String value = p.get("dest");
      if (value.startsWith("room:")) {
        room = value.substring("room:".length());
        if (!ROOM.matcher(room).matches()) {
          throw new HoiioRefusal("error_dest_invalid");
        }
        if (room.isEmpty()) {
          room = "R-" + roomNumbers.incrementAndGet();
        }
      } else {
        dest = number(value);
        if (dest == null) {
          throw new HoiioRefusal("error_dest_invalid");
        }
      }
    }
    if ((name.equals("dial") || name.equals("transfer")) && p.containsKey("caller_id")) {
      String callerId = p.get("caller_id");
      if (!callerId.equals("private") && number(callerId) == null) {
        throw new HoiioRefusal("error_caller_id_invalid");
      }
    }
    if (name.equals("dial") || name.equals("record")) {
      integer(p, "max_duration", 1, 86_400, 120, "error_invalid_max_duration");
    }
    int maxDigits = 0;
    int attempts = 1;
    if (name.equals("gather")) {
      maxDigits = integer(p, "max_digits", 0, 255, 0, "error_invalid_max_digits");
      integer(p, "timeout", 1, 3600, 15, "error_invalid_timeout");
      attempts = integer(p, "attempts", 1, 100, 1, "error_invalid_attempts");
    }
    boolean continueOnFailure = false;
    if (name.equals("transfer") && p.containsKey("on_failure")) {
      switch (p.get("on_failure")) {
        case "continue":
          continueOnFailure = true;
          break;
        case "hangup":
          break;
        default:
          throw new HoiioRefusal("error_on_failure_invalid");
      }
    }
    return new HoiioBlock(
        name,
        msg,
        tag,
        notifyUrl,
        monitorNotifyUrl,
        dest,
        room,
        continueOnFailure,
        forced,
        maxDigits,
        attempts);
  }

  private WebhookResponse dial(HoiioBlock block) {
    HoiioSession session = newSession(block.dest(), null, null, HoiioSession.State.BUSY);
    session.record("success_ok");
    Duration idle = idleTimeout;
    runCall(session.id(), () -> new HoiioCallRun(this, session, idle, null).dial(block));
    ObjectNode body = status("success_ok");
    body.put("txn_ref", session.txnRef());
    body.put("session", session.id());
    return answer(200, body);
  }

  private HoiioSession newSession(String dest, String from, String to, HoiioSession.State state) {
    int number = sessionNumbers.incrementAndGet();
    HoiioSession session = new HoiioSession("S-" + number, "TX-" + number, dest, from, to, state);
    sessions.put(session.id(), session);
    return session;
  }

  private void record(String session, String status) {
    HoiioSession known = sessions.get(session);
    if (known != null) {
      known.record(status);
      return;
    }
    List<String> unknown =
        unknownSessions.computeIfAbsent(
            session, id -> Collections.synchronizedList(new ArrayList<>()));
    unknown.add(status);
  }

  // ------------------------------------------------------------------------------------------
  // For the call runs

  /** Sends a notification once: a POST with the fields appended to the URL's query string. */
  void notify(URI url, Map<String, String> fields) {
    StringBuilder query = new StringBuilder();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      query
          .append(query.length() == 0 ? "" : "&")
          .append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
    }
    String base = url.toString();
    int fragment = base.indexOf('#');
    if (fragment >= 0) {
      base = base.substring(0, fragment);
    }
    String separator;
    if (url.getRawQuery() == null) {
      separator = base.endsWith("?") ? "" : "?";
    } else {
      separator = base.endsWith("&") || base.endsWith("?") ? "" : "&";
    }
    sendCallback("POST", URI.create(base + separator + query), "", "");
  }

  /** A new recording's download URL. */
  String nextRecordingUrl() {
    return RECORDINGS + recordingNumbers.incrementAndGet() + ".mp3";
  }

  // ------------------------------------------------------------------------------------------
  // Values

  /** {@code +} and digits as given, or null when it is not E.164. */
  private static String number(String value) {
    if (value == null) {
      return null;
    }
    try {
      return PhoneNumber.of(value).e164();
    } catch (InvalidInputException e) {
      return null;
    }
  }

  private static URI notifyUrl(String value, String parameter) {
    if (value == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new HoiioRefusal("error_invalid_" + parameter);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (value.length() > MAX_URL
        || !(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null
        || uri.getHost().isEmpty()) {
      throw new HoiioRefusal("error_invalid_" + parameter);
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.equals("invalid") || host.endsWith(".invalid")) {
      throw new HoiioRefusal("error_unable_to_resolve_" + parameter);
    }
    return uri;
  }

  private static int integer(
      Map<String, String> p, String name, int low, int high, int fallback, String error) {
    String value = p.get(name);
    if (value == null) {
      return fallback;
    }
    if (!INTEGER.matcher(value).matches()) {
      throw new HoiioRefusal(error);
    }
    int parsed = Integer.parseInt(value);
    if (parsed < low || parsed > high) {
      throw new HoiioRefusal(error);
    }
    return parsed;
  }

  private static String present(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /**
   * True when the query or a form body cannot be read: a body that is not UTF-8, a {@code %} not
   * followed by two hex digits, or escapes that do not decode as UTF-8.
   */
  private static boolean malformed(WebhookRequest request) {
    String query = request.uri().getRawQuery();
    if (query != null && !decodable(query)) {
      return true;
    }
    if (request.contentType().map("application/x-www-form-urlencoded"::equals).orElse(false)) {
      String body;
      try {
        body =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(request.body()))
                .toString();
      } catch (CharacterCodingException e) {
        return true;
      }
      return !decodable(body);
    }
    return false;
  }

  private static boolean decodable(String encoded) {
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    int i = 0;
    while (i < encoded.length()) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) {
          return false;
        }
        int high = Character.digit(encoded.charAt(i + 1), 16);
        int low = Character.digit(encoded.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return false;
        }
        run.write(high * 16 + low);
        i += 3;
      } else {
        if (!utf8(run.toByteArray())) {
          return false;
        }
        run.reset();
        i++;
      }
    }
    return utf8(run.toByteArray());
  }

  private static boolean utf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  // ------------------------------------------------------------------------------------------
  // JSON

  private static ObjectNode status(String status) {
    return JSON.createObjectNode().put("status", status);
  }

  private static WebhookResponse answer(int httpStatus, ObjectNode body) {
    return new WebhookResponse(httpStatus, JSON_TYPE, JSON.writeValueAsString(body));
  }
}
