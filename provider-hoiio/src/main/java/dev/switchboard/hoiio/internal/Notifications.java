package dev.switchboard.hoiio.internal;

import dev.switchboard.CallStatus;
import dev.switchboard.event.CallAnswered;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.event.RecordingReady;
import dev.switchboard.event.TransferFinished;
import dev.switchboard.event.TransferOutcome;
import dev.switchboard.provider.support.CallbackFields;
import dev.switchboard.provider.support.CallbackFields.Part;
import dev.switchboard.webhook.WebhookRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads notifications: parameters from the query string and a form body together (Hoiio's page says
 * query string, its SDKs read the body), and a JSON body when one comes. Turns them into neutral
 * events.
 */
final class Notifications {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PROVIDER = HoiioApi.PROVIDER;

  /** {@code date} is GMT+8, {@code YYYY-MM-DD HH:mm:SS}. */
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /**
   * The fields Hoiio documents for notifications (NOTES 1.6). Only these make two notifications
   * different: pass-on parameters and anything a replay adds are not Hoiio's.
   */
  static final Set<String> DOCUMENTED =
      Set.of(
          "ivr_block",
          "session",
          "txn_ref",
          "call_state",
          "from",
          "to",
          "dest",
          "tag",
          "dial_status",
          "digits",
          "record_status",
          "record_url",
          "monitor_status",
          "monitor_url",
          "transfer_status",
          "date",
          "duration",
          "currency",
          "rate",
          "debit");

  private Notifications() {}

  /** A notification's fields: Hoiio documents the query string, its SDKs post forms or JSON. */
  static Map<String, String> fields(WebhookRequest request) {
    return CallbackFields.read(request, "Hoiio", Part.QUERY, Part.FORM, Part.JSON);
  }

  /** Whether this is the Answer notification of an incoming call (NOTES 1.6, the answer page). */
  static boolean answersIncomingCall(Map<String, String> f) {
    return "answer".equals(f.get("ivr_block"));
  }

  /** Whether this is the notification Monitor sends with the call's file, after the call. */
  static boolean isMonitorFile(Map<String, String> f) {
    return f.containsKey("monitor_status");
  }

  static boolean ended(Map<String, String> f) {
    return "ended".equals(f.get("call_state"));
  }

  static IncomingCall incoming(Map<String, String> f, Instant received) {
    return new IncomingCall(
        PROVIDER,
        f.getOrDefault("session", ""),
        received,
        f.getOrDefault("from", ""),
        f.getOrDefault("to", ""),
        f);
  }

  /**
   * The events of a block's notification, about {@code session} (the call the notify URL was signed
   * for, not whatever the body claims); {@code dialStatus} is what the call was dialled with, and
   * {@code target} the number or room a Transfer block called, empty for other blocks.
   */
  static List<CallEvent> events(
      BlockKind block,
      Map<String, String> f,
      String session,
      String dialStatus,
      String target,
      Instant received) {
    Instant time = ended(f) ? date(f.get("date"), received) : received;
    List<CallEvent> events = new ArrayList<>();
    switch (block) {
      case DIAL:
        if ("answered".equals(f.get("dial_status"))) {
          events.add(new CallAnswered(PROVIDER, session, time, f.getOrDefault("dest", ""), f));
        }
        break;
      case GATHER:
        events.add(
            new DigitsGathered(PROVIDER, session, time, f.getOrDefault("digits", ""), true, f));
        break;
      case RECORD:
        if ("success".equals(f.get("record_status")) && f.containsKey("record_url")) {
          events.add(new RecordingReady(PROVIDER, session, time, f.get("record_url"), false, f));
        }
        break;
      case TRANSFER:
        if (f.containsKey("transfer_status")) {
          events.add(
              new TransferFinished(
                  PROVIDER, session, time, target, outcome(f.get("transfer_status")), f));
        }
        break;
      default:
        break;
    }
    if (ended(f)) {
      events.add(
          ended(
              f,
              session,
              dialStatus.isEmpty() ? f.getOrDefault("dial_status", "") : dialStatus,
              time));
    }
    return events;
  }

  /** The file notification Monitor sends after the call. */
  static Optional<CallEvent> monitorFile(Map<String, String> f, Instant received) {
    if (!"success".equals(f.get("monitor_status")) || !f.containsKey("monitor_url")) {
      return Optional.empty();
    }
    return Optional.of(
        new RecordingReady(
            PROVIDER, f.getOrDefault("session", ""), received, f.get("monitor_url"), true, f));
  }

  /**
   * The end a dial status (or {@code call_status_dest1}) names for a call that was not answered:
   * {@code unanswered}, {@code busy} or {@code failed}; empty for any other value.
   */
  static Optional<CallStatus> unanswered(String dialStatus) {
    switch (dialStatus) {
      case "unanswered":
        return Optional.of(CallStatus.NO_ANSWER);
      case "busy":
        return Optional.of(CallStatus.BUSY);
      case "failed":
        return Optional.of(CallStatus.FAILED);
      default:
        return Optional.empty();
    }
  }

  private static CallEnded ended(
      Map<String, String> f, String session, String dialStatus, Instant time) {
    CallStatus status = unanswered(dialStatus).orElse(CallStatus.COMPLETED);
    Optional<Duration> duration = Optional.empty();
    try {
      if (f.containsKey("duration")) {
        // Hoiio reports whole minutes.
        duration = Optional.of(Duration.ofMinutes(Long.parseLong(f.get("duration").trim())));
      }
    } catch (NumberFormatException e) {
      duration = Optional.empty();
    }
    Optional<String> cost =
        f.containsKey("debit")
            ? Optional.of((f.get("debit") + " " + f.getOrDefault("currency", "")).trim())
            : Optional.empty();
    return new CallEnded(PROVIDER, session, time, status, duration, cost, f);
  }

  private static TransferOutcome outcome(String status) {
    switch (status) {
      case "answered":
        return TransferOutcome.ANSWERED;
      case "busy":
        return TransferOutcome.BUSY;
      case "unanswered":
        return TransferOutcome.NO_ANSWER;
      default:
        return TransferOutcome.FAILED;
    }
  }

  /** {@code date} in GMT+8; the time of receipt when absent or unreadable. */
  private static Instant date(String text, Instant fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return LocalDateTime.parse(text.trim(), DATE).toInstant(ZoneOffset.ofHours(8));
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
