package dev.switchboard.voxtelesys.internal;

import dev.switchboard.Call;
import dev.switchboard.CallStatus;
import dev.switchboard.InvalidInputException;
import dev.switchboard.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
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
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return fallback;
    }
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
