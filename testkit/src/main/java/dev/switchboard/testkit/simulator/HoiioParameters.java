package dev.switchboard.testkit.simulator;

import dev.switchboard.InvalidInputException;
import dev.switchboard.PhoneNumber;
import dev.switchboard.testkit.Observation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The checks of a Hoiio block's parameter values, in the vendor's order, turning a request's
 * parameters into a {@link HoiioBlock}; a value it refuses throws {@link HoiioRefusal} with the
 * vendor's status. Presence of the required parameters is the router's business.
 */
final class HoiioParameters {
  private static final int MAX_TAG = 256;
  private static final int MAX_URL = 4000;
  private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_-]{0,64}");
  private static final Pattern INTEGER = Pattern.compile("[0-9]{1,9}");

  private HoiioParameters() {}

  /**
   * Checks a block's parameters and returns it, ready to run.
   *
   * @param name the block, e.g. {@code dial}
   * @param p the request's non-empty parameters
   * @param rooms the room a Transfer's {@code room:<id>} joins: a new one for an empty id, null for
   *     an id Hoiio never gave
   */
  static HoiioBlock check(String name, Map<String, String> p, UnaryOperator<String> rooms) {
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
        // Hoiio assigns room ids: room: with no id creates one, and only ids it gave can be joined.
        room = rooms.apply(room);
        if (room == null) {
          throw new HoiioRefusal("error_dest_invalid");
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

  /** {@code +} and digits as given, or null when it is not E.164. */
  static String number(String value) {
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
    // The reserved name .invalid never resolves: refused without a lookup.
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
}
