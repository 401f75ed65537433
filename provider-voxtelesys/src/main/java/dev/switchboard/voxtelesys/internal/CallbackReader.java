package dev.switchboard.voxtelesys.internal;

import dev.switchboard.event.CallAnswered;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.CallRinging;
import dev.switchboard.event.ConferenceEvent;
import dev.switchboard.event.ConferenceEventType;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.event.SpeechGathered;
import dev.switchboard.event.TransferFinished;
import dev.switchboard.event.TransferOutcome;
import dev.switchboard.event.UnknownEvent;
import dev.switchboard.provider.support.CallbackFields;
import dev.switchboard.provider.support.CallbackFields.Part;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the v1 callbacks, JSON bodies of POST requests (the method Switchboard asks for). Payload
 * names are the snake_case ones of the examples ({@code partial_input}, {@code no_connect}, {@code
 * mute_all}).
 */
final class CallbackReader {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PROVIDER = VoxtelesysApi.PROVIDER;

  /**
   * Every field the document shows in a callback. Only these tell two callbacks apart: a member a
   * replay adds is not Voxtelesys's.
   */
  private static final Set<String> DOCUMENTED =
      Set.of(
          "type",
          "event",
          "call_id",
          "time",
          "to",
          "from",
          "partial_input",
          "complete_input",
          "input_method",
          "destination_number",
          "conference_id",
          "participant_id",
          "participant_label",
          "dtmf");

  private CallbackReader() {}

  /**
   * What makes two callbacks the same delivery: their documented fields, with the time as an
   * instant, so that neither an added member nor another spelling of the same time makes a replay
   * new.
   */
  static String identity(Map<String, String> fields) {
    Map<String, String> documented = new HashMap<>();
    fields.forEach(
        (name, value) -> {
          if (DOCUMENTED.contains(name)) {
            documented.put(name, value);
          }
        });
    documented.computeIfPresent(
        "time",
        (name, value) -> {
          Instant time = Wire.time(value, null);
          return time == null ? value : time.toString();
        });
    return WebhookDelivery.identityOf(documented);
  }

  /**
   * The callback's fields, from its JSON body: Switchboard asks for POST callbacks, and the
   * incoming-call request is always a POST.
   */
  static Map<String, String> fields(WebhookRequest request) {
    return CallbackFields.read(request, "Voxtelesys", Part.JSON_ALWAYS);
  }

  static boolean isIncomingCall(Map<String, String> fields) {
    return "api".equals(fields.get("type")) && "incoming_call".equals(fields.get("event"));
  }

  static IncomingCall incomingCall(Map<String, String> f, Instant received) {
    return new IncomingCall(
        PROVIDER,
        f.getOrDefault("call_id", ""),
        Wire.time(f.getOrDefault("time", ""), received),
        e164(f.getOrDefault("from", "")),
        e164(f.getOrDefault("to", "")),
        f);
  }

  /** The neutral event for one callback. */
  static CallEvent event(Map<String, String> f, Instant received) {
    String type = f.getOrDefault("type", "");
    String event = f.getOrDefault("event", "");
    String callId = f.getOrDefault("call_id", "");
    Instant time = Wire.time(f.getOrDefault("time", ""), received);
    String number = e164(f.getOrDefault("destination_number", ""));
    switch (type + "/" + event) {
      case "gather/partial_input":
      case "gather/complete_input":
        boolean complete = event.equals("complete_input");
        String input = f.getOrDefault(event, "");
        return "speech".equals(f.get("input_method"))
            ? new SpeechGathered(PROVIDER, callId, time, input, complete, f)
            : new DigitsGathered(PROVIDER, callId, time, input, complete, f);
      case "number/ringing":
        return new CallRinging(PROVIDER, callId, time, number, f);
      case "number/answered":
        return new CallAnswered(PROVIDER, callId, time, number, f);
      case "number/complete":
        return new TransferFinished(PROVIDER, callId, time, number, TransferOutcome.ANSWERED, f);
      case "number/no_connect":
        return new TransferFinished(PROVIDER, callId, time, number, TransferOutcome.NO_ANSWER, f);
      default:
        ConferenceEventType conference = type.equals("conference") ? conferenceType(event) : null;
        if (conference == null) {
          return new UnknownEvent(PROVIDER, callId, time, type + "/" + event, f);
        }
        return new ConferenceEvent(
            PROVIDER,
            callId,
            time,
            conference,
            f.getOrDefault("conference_id", ""),
            f.getOrDefault("participant_id", ""),
            f.getOrDefault("participant_label", ""),
            f.getOrDefault("dtmf", ""),
            f);
    }
  }

  private static ConferenceEventType conferenceType(String event) {
    switch (event) {
      case "start":
        return ConferenceEventType.STARTED;
      case "end":
        return ConferenceEventType.ENDED;
      case "join":
        return ConferenceEventType.JOINED;
      case "leave":
        return ConferenceEventType.LEFT;
      case "dtmf":
        return ConferenceEventType.KEY_PRESSED;
      case "mute":
        return ConferenceEventType.MUTED;
      case "unmute":
        return ConferenceEventType.UNMUTED;
      case "mute_all":
        return ConferenceEventType.ALL_MUTED;
      case "unmute_all":
        return ConferenceEventType.ALL_UNMUTED;
      default:
        return null;
    }
  }

  /** Vendor digits as E.164 when they are a number; extensions are kept as written. */
  private static String e164(String digits) {
    return Wire.number(digits).map(n -> n.e164()).orElse(digits);
  }
}
