package dev.switchboard.voxtelesys.internal;

import dev.switchboard.Call;
import dev.switchboard.CallStatus;
import dev.switchboard.InvalidInputException;
import dev.switchboard.PhoneNumber;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Readings of the vendor's JSON values: statuses, numbers and timestamps. */
final class Wire {
  private Wire() {}

  static CallStatus callStatus(String status) {
    switch (status) {
      case "queued":
      case "processing":
        return CallStatus.QUEUED;
      case "ringing":
        return CallStatus.RINGING;
      case "answered":
        return CallStatus.IN_PROGRESS;
      case "complete":
        return CallStatus.COMPLETED;
      case "busy":
        return CallStatus.BUSY;
      case "failed":
        return CallStatus.FAILED;
      case "no_answer":
        return CallStatus.NO_ANSWER;
      default:
        return CallStatus.UNKNOWN;
    }
  }

  static boolean conferenceActive(String status) {
    return status.equals("queued") || status.equals("in_progress");
  }

  /** A vendor number (digits without +); empty when it is an extension or malformed. */
  static Optional<PhoneNumber> number(String digits) {
    try {
      return Optional.of(PhoneNumber.fromDigits(digits));
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  static Call call(JsonNode json) {
    return new Call(
        json.path("id").asString(""),
        VoxtelesysApi.PROVIDER,
        callStatus(json.path("status").asString("")),
        number(json.path("from").asString("")),
        number(json.path("to").asString("")),
        List.of());
  }

  /**
   * A timestamp; the document's own examples are malformed ({@code 2018-01-05T16:01:03Z06:00}), so
   * anything unreadable falls back to {@code fallback}.
   */
  static Instant time(String text, Instant fallback) {
    if (text.isEmpty()) {
      // Not worth an exception, whose stack trace cost more than the rest of an incoming call.
      return fallback;
    }
    Instant plain = plainUtc(text);
    if (plain != null) {
      return plain;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.SSS]Z}, the form the vendor's callbacks and listings use, read
   * without the formatter, which made a few kilobytes of garbage each time; null for any other
   * text, or an impossible date, which {@link Instant#parse} then judges.
   */
  private static Instant plainUtc(String text) {
    int length = text.length();
    if ((length != 20 && length != 24)
        || text.charAt(length - 1) != 'Z'
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || (length == 24 && text.charAt(19) != '.')) {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int millis = length == 24 ? digits(text, 20, 3) : 0;
    if ((year | month | day | hour | minute | second | millis) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal number of {@code count} digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + c - '0';
    }
    return value;
  }

  /** How long a call lasted, from answer to hang-up, when both are known. */
  static Optional<Duration> duration(JsonNode call) {
    if (!call.hasNonNull("answer_time") || !call.hasNonNull("hangup_time")) {
      return Optional.empty();
    }
    Instant answered = time(text(call.get("answer_time")), null);
    Instant hungUp = time(text(call.get("hangup_time")), null);
    return answered == null || hungUp == null || hungUp.isBefore(answered)
        ? Optional.empty()
        : Optional.of(Duration.between(answered, hungUp));
  }

  /**
   * A value's text, or the JSON of an object or array: vendor JSON is not always the shape its
   * document shows, and Jackson refuses to read a container as text.
   */
  static String text(JsonNode node) {
    return node.isValueNode() ? node.asString() : node.toString();
  }

  /** The object's fields as strings, nested ones as {@code error.code}. */
}
