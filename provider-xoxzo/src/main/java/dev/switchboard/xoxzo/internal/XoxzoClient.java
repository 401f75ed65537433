package dev.switchboard.xoxzo.internal;

import dev.switchboard.Call;
import dev.switchboard.CallRequest;
import dev.switchboard.CallStatus;
import dev.switchboard.ConferenceDialOut;
import dev.switchboard.DialedConference;
import dev.switchboard.InvalidInputException;
import dev.switchboard.LiveConference;
import dev.switchboard.PhoneNumber;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.Violation;
import dev.switchboard.VoiceObserver;
import dev.switchboard.WebhookVerificationException;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Prompt;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import dev.switchboard.provider.support.CallbackFields;
import dev.switchboard.provider.support.CallbackFields.Part;
import dev.switchboard.provider.support.SignedCallbackClient;
import dev.switchboard.spi.ConferenceOperations;
import dev.switchboard.spi.NumberOperations;
import dev.switchboard.state.CallbackSubject;
import dev.switchboard.webhook.CallbackClaim;
import dev.switchboard.webhook.CallbackReservation;
import dev.switchboard.webhook.WebhookContext;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookEndpoint;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookResult;
import dev.switchboard.webhook.WebhookSigner;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Xoxzo behind {@link dev.switchboard.VoiceClient}. */
public final class XoxzoClient extends SignedCallbackClient implements ConferenceOperations {
  static final String CALLBACK_PATH = "/xoxzo/callback";

  /** Path of a DIN's action URL, as {@code VoiceClient.incomingCallUrl()} signs it. */
  static final String INCOMING_PATH = "/xoxzo/incoming";

  /** Times are UTC, {@code YYYY-MM-DD HH:MM:SS}. */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final XoxzoApi api;
  private final Optional<WebhookSigner> signer;
  private final XoxzoDins dins;

  public XoxzoClient(XoxzoApi api, Optional<WebhookSigner> signer) {
    this.api = api;
    this.signer = signer;
    this.dins = new XoxzoDins(api);
  }

  @Override
  public void setObserver(VoiceObserver observer) {
    api.observe(observer);
  }

  @Override
  public List<WebhookEndpoint> webhookEndpoints() {
    // "XOXZO cloud will call the URL with http POST method."; a DIN's action URL is fetched with
    // GET.
    return List.of(
        WebhookEndpoint.bound(CALLBACK_PATH, "POST"),
        WebhookEndpoint.unbound(INCOMING_PATH, "GET"));
  }

  @Override
  public Call placeCall(CallRequest request) {
    refuse(XoxzoRules.violations(request));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("caller", request.from().orElseThrow().e164());
    form.put("recipient", request.to().e164());
    form.putAll(message(request.flow()));
    if (!request.tags().isEmpty()) {
      form.put("tags", String.join(",", request.tags()));
    }
    String callId;
    if (signer.isEmpty()) {
      callId = created(api.create(form, "voice", "simple", "playbacks"));
    } else {
      // Reserved before the URL leaves: only the answer names the call it speaks for.
      CallbackReservation url =
          CallbackReservation.reserve(bindings(), WebhookSigner.newCallReference());
      form.put("callbackurl", signer.get().signedUrl(CALLBACK_PATH, url.key()));
      callId =
          url.create(() -> created(api.create(form, "voice", "simple", "playbacks")), id -> id);
    }
    return new Call(
        callId,
        XoxzoApi.PROVIDER,
        CallStatus.QUEUED,
        request.from(),
        Optional.of(request.to()),
        request.tags());
  }

  /** The call id a create answer names. */
  private static String created(JsonNode answer) {
    String callId = answer.path(0).path("callid").asString("");
    if (callId.isBlank()) {
      throw new ProviderUnavailableException(
          "Xoxzo answered the call request without a call id; the call may exist",
          XoxzoApi.PROVIDER,
          null,
          null);
    }
    return callId;
  }

  /** The form fields that carry a flow's one message: a recording, or text-to-speech. */
  private static Map<String, String> message(CallFlow flow) {
    Prompt message = XoxzoRules.message(flow).orElseThrow();
    Map<String, String> form = new LinkedHashMap<>();
    if (message instanceof Say say) {
      form.put("tts_message", say.text());
      form.put("tts_lang", XoxzoRules.language(say.language()).orElseThrow());
    } else {
      form.put("recording_url", ((Play) message).url().toString());
    }
    return form;
  }

  /**
   * The one line of plain text that answers a DIN's incoming call with a flow's one action: {@code
   * playback <url>}, {@code say <lang> "<text>"} or {@code transfer <E.164>}.
   */
  static String action(CallFlow flow) {
    Verb action = XoxzoRules.action(flow).orElseThrow();
    if (action instanceof Say say) {
      return "say " + XoxzoRules.language(say.language()).orElseThrow() + " \"" + say.text() + "\"";
    }
    if (action instanceof Play play) {
      return "playback " + play.url();
    }
    return "transfer " + ((Transfer) action).to().get(0).e164();
  }

  /** The playback request for a flow, field by field, without the caller's numbers. */
  public static String render(CallFlow flow) {
    StringBuilder out = new StringBuilder("POST /voice/simple/playbacks/\n");
    out.append("  caller=<caller>\n  recipient=<callee>\n");
    message(flow).forEach((k, v) -> out.append("  ").append(k).append('=').append(v).append('\n'));
    return out.toString();
  }

  /** Refuses, before anything is sent, what breaks Xoxzo's documented limits. */
  private static void refuse(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidInputException(XoxzoApi.PROVIDER, violations);
    }
  }

  @Override
  public Call getCall(String callId) {
    JsonNode answer = api.read("voice", "calls", callId);
    if (!answer.path("callid").asString("").equals(callId)) {
      // The document's answer names the call; one that does not (empty, another shape, another
      // call) came from something else and says nothing of this call's status.
      throw new ProviderUnavailableException(
          "Xoxzo answered the status of call " + callId + " without naming it",
          XoxzoApi.PROVIDER,
          null,
          null);
    }
    return call(answer);
  }

  @Override
  public ConferenceOperations conferences() {
    return this;
  }

  @Override
  public NumberOperations numbers() {
    return dins;
  }

  @Override
  public DialedConference dialOut(ConferenceDialOut request) {
    refuse(XoxzoRules.violations(request));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("caller", request.from().orElseThrow().e164());
    form.put(
        "participants",
        request.participants().stream().map(PhoneNumber::e164).collect(Collectors.joining(",")));
    form.put("lang", XoxzoRules.guidanceLanguage(request).orElseThrow());
    JsonNode created = api.create(form, "voice", "simple", "conferences");
    List<Call> legs = new ArrayList<>();
    for (JsonNode leg : created.path("participants")) {
      legs.add(
          new Call(
              leg.path("callid").asString(""),
              XoxzoApi.PROVIDER,
              CallStatus.QUEUED,
              request.from(),
              number(leg.path("participant").asString("")),
              List.of()));
    }
    return new DialedConference(created.path("conferenceid").asString(""), XoxzoApi.PROVIDER, legs);
  }

  /**
   * The conference's state: Xoxzo names no room, so its id is its name, as its legs join it; it is
   * active until it has an {@code end_time}, which it gets when its last leg ends.
   */
  @Override
  public LiveConference get(String conferenceId) {
    if (conferenceId == null || conferenceId.isBlank()) {
      throw new InvalidInputException("conferenceId", "is required");
    }
    JsonNode conference = api.read("voice", "simple", "conferences", conferenceId);
    String id = XoxzoApi.text(conference.path("conferenceid"));
    String name = id.isBlank() ? conferenceId : id;
    return new LiveConference(
        name, XoxzoApi.PROVIDER, name, XoxzoApi.text(conference.path("end_time")).isBlank());
  }

  @Override
  public WebhookDelivery readWebhook(WebhookRequest request, WebhookContext context) {
    if (context.endpoint().path().equals(INCOMING_PATH)) {
      return incoming(request, context);
    }
    // A form body as Xoxzo sends it, or a JSON object.
    Map<String, String> fields = CallbackFields.read(request, "Xoxzo", Part.FORM, Part.JSON);
    String callId = fields.getOrDefault("callid", "");
    if (callId.isBlank()) {
      throw new WebhookVerificationException("a Xoxzo callback names its call");
    }
    if (!fields.containsKey("status")) {
      throw new InvalidInputException("body", "a Xoxzo callback carries callid and status");
    }
    String reference = context.callReference();
    CallbackClaim claim = new CallbackClaim(reference, CallbackSubject.call(callId));
    // One callback per call, at its end: the call id is the delivery.
    return WebhookDelivery.claiming(
        claim,
        callId,
        () -> {
          bindings().end(reference);
          Instant received = Instant.now();
          CallEnded ended =
              new CallEnded(
                  XoxzoApi.PROVIDER,
                  callId,
                  time(fields.get("end_time"), received),
                  status(fields.get("status")),
                  seconds(fields.get("duration")),
                  Optional.ofNullable(fields.get("cost")).map(cost -> cost + " credits"),
                  fields);
          return new WebhookResult(List.of(ended), WebhookResponse.ok());
        });
  }

  /**
   * A DIN's incoming call: Xoxzo GETs the action URL with {@code caller} and {@code recipient} and
   * takes one line of plain text as the call's action. A call the application refuses, or whose
   * flow Xoxzo cannot run, is answered with no action at all, since Xoxzo documents no rejection.
   */
  private WebhookDelivery incoming(WebhookRequest request, WebhookContext context) {
    Map<String, String> fields = CallbackFields.read(request, "Xoxzo", Part.QUERY);
    if (!fields.containsKey("caller") || fields.getOrDefault("recipient", "").isBlank()) {
      throw new WebhookVerificationException(
          "a DIN's action URL takes incoming calls, which name caller and recipient");
    }
    // The request names no call, and two calls from one caller to one DIN are the same request
    // byte for byte: an id of its own for each keeps the second from being taken for a
    // redelivery of the first and swallowed.
    String callId = UUID.randomUUID().toString();
    return WebhookDelivery.unbound(
        callId,
        () -> {
          IncomingCall call =
              new IncomingCall(
                  XoxzoApi.PROVIDER,
                  callId,
                  Instant.now(),
                  e164(fields.get("caller")),
                  e164(fields.get("recipient")),
                  fields);
          String action = context.flowFor(call).map(XoxzoClient::action).orElse("");
          return new WebhookResult(List.of(call), WebhookResponse.text(action));
        });
  }

  @Override
  public void close() {
    api.close();
  }

  static Call call(JsonNode json) {
    List<String> tags = new ArrayList<>();
    json.path("tags").forEach(t -> tags.add(XoxzoApi.text(t)));
    return new Call(
        json.path("callid").asString(""),
        XoxzoApi.PROVIDER,
        status(json.path("status").asString("")),
        number(json.path("caller").asString("")),
        number(json.path("recipient").asString("")),
        tags);
  }

  static CallStatus status(String status) {
    switch (status == null ? "" : status) {
      case "IN PROGRESS":
        return CallStatus.IN_PROGRESS;
      case "ANSWERED":
        return CallStatus.COMPLETED;
      case "NO ANSWER":
        return CallStatus.NO_ANSWER;
      case "FAILED":
        return CallStatus.FAILED;
      default:
        return CallStatus.UNKNOWN;
    }
  }

  /**
   * A number Xoxzo sent, with or without its {@code +}: the clients' samples leave it out, and a
   * {@code +} left unescaped in a query string arrives as a space.
   */
  static Optional<PhoneNumber> number(String text) {
    String digits = text.strip();
    try {
      return Optional.of(
          PhoneNumber.fromDigits(digits.startsWith("+") ? digits.substring(1) : digits));
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  /** A number Xoxzo sent in E.164 when it reads as one, else as sent (a withheld caller). */
  private static String e164(String text) {
    return number(text).map(PhoneNumber::e164).orElse(text.strip());
  }

  /** {@code duration}, read as whole seconds: the document gives no unit. */
  private static Optional<Duration> seconds(String text) {
    try {
      return text == null || text.isBlank()
          ? Optional.empty()
          : Optional.of(Duration.ofSeconds(Long.parseLong(text.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Instant time(String text, Instant fallback) {
    try {
      return text == null
          ? fallback
          : LocalDateTime.parse(text.trim(), TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
