package dev.switchboard.testkit.simulator;

import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.SimulatedCall;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
 *       enforced (a call's length is not simulated beyond {@link #blockTime}).
 *   <li>{@code caller_id} is not checked against the account's numbers: any E.164 number is
 *       accepted.
 *   <li>A room id is letters, digits, {@code -} and {@code _}, at most 64; Hoiio gives them ({@code
 *       R-1}, {@code R-2}, ...) for {@code room:} with no id, and refuses any other id. A transfer
 *       to a room reports {@code transfer_status=answered}.
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
  // Layered so that each part depends only on those below it: the router reads and changes the
  // world and hands Dials to this simulator, the call runs read the world and send through the
  // notifier, and the notifier only talks HTTP.
  private final HoiioWorld world = new HoiioWorld();
  private final HoiioNotifier notifier;
  private final HoiioRouter router;
  private volatile Duration idleTimeout = Duration.ofSeconds(30);
  private volatile Duration blockTime = Duration.ZERO;

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
    this.notifier = new HoiioNotifier(this);
    this.router = new HoiioRouter(appId, accessToken, world, this::placeCall);
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
   * The least time each block takes before its notification, as a real call's audio and ringing
   * would; none unless set, so tests run at full speed. With a clock, an application that sends its
   * next block without waiting for the notification meets {@code error_session_not_ready}, as it
   * would on Hoiio, and a Hangup can be sent while a block plays. Applies to calls started
   * afterwards.
   *
   * @return this simulator
   */
  public HoiioSimulator blockTime(Duration time) {
    if (time == null || time.isNegative()) {
      throw new IllegalArgumentException("the block time must not be negative");
    }
    this.blockTime = time;
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
  @Override
  public Transcript incomingCall(URI notifyUrl, String from, String to, Callee callee) {
    Objects.requireNonNull(notifyUrl, "notifyUrl");
    Objects.requireNonNull(callee, "callee");
    String scheme = notifyUrl.getScheme() == null ? "" : notifyUrl.getScheme();
    if (!(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new IllegalArgumentException("notifyUrl must be http(s), was " + notifyUrl);
    }
    if (HoiioParameters.number(from) == null || HoiioParameters.number(to) == null) {
      throw new IllegalArgumentException(
          "from and to must be E.164 with '+', were '" + from + "' and '" + to + "'");
    }
    HoiioSession session = world.newSession(null, from, to, HoiioSession.State.READY);
    Transcript transcript =
        new HoiioCallRun(
                world, notifier, session, idleTimeout, blockTime, new SimulatedCall(callee))
            .incoming(notifyUrl);
    finishCall(session.id(), transcript);
    return transcript;
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
    HoiioSession known = world.session(session);
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
   * Waits until {@code session} is on hold: a Hold was accepted, and no Unhold since.
   *
   * @throws AssertionError when that does not happen within {@code timeout}
   */
  public void awaitOnHold(String session, Duration timeout) {
    HoiioSession known = world.session(session);
    if (known == null) {
      throw new IllegalArgumentException("no such session: " + session);
    }
    try {
      if (!known.awaitOnHold(timeout)) {
        throw new AssertionError("session " + session + " was not put on hold within " + timeout);
      }
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
    return world.statuses(session);
  }

  // ------------------------------------------------------------------------------------------
  // Requests and Dials

  @Override
  protected WebhookResponse handle(WebhookRequest request) {
    return router.handle(request);
  }

  /**
   * Starts a Dial's call on its own thread. The idle timeout is the one set when the Dial was
   * accepted; the next scripted callee is taken when the call starts ringing.
   */
  private void placeCall(HoiioSession session, HoiioBlock dial) {
    Duration idle = idleTimeout;
    Duration block = blockTime;
    runCall(
        session.id(),
        () -> {
          Callee callee = nextCallee();
          Transcript transcript =
              new HoiioCallRun(world, notifier, session, idle, block, null).dial(dial, callee);
          finishCall(session.id(), transcript);
        });
  }
}
