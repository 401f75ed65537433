package dev.switchboard.testkit.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields of one Xoxzo form POST, checked the way Django REST framework checks a serializer:
 * every value stripped of surrounding whitespace, every field checked, and every message for every
 * bad field collected, to be answered at once as {@code {"field": ["message", ...]}}. A field given
 * several times counts with its first value.
 */
final class XoxzoForm {
  static final String REQUIRED = "This field is required.";
  static final String BLANK = "This field may not be blank.";
  static final String INVALID_URL = "Enter a valid URL.";
  static final String HTTPS_UNSUPPORTED = "https is not supported at this moment; use an http URL.";
  static final String PATH_CHARACTERS =
      "The URL may only contain ASCII letters, digits, underscores, slashes, hyphens and dots"
          + " after the host (no query or fragment).";
  static final String E164_FORMAT =
      "E.164 format: '+', the country code and the number, e.g. +818011234567.";
  static final String PHONE = "Enter a valid phone number in " + E164_FORMAT;
  static final String WITHOUT_TRUNK_ZERO =
      "+81 then the number without its leading 0, e.g. +818011234567.";
  static final String TRUNK_ZERO =
      "Leave out the trunk 0 of a Japanese number: " + WITHOUT_TRUNK_ZERO;
  static final String TOO_FEW = "Ensure this field has at least 2 elements.";
  static final String TOO_MANY = "Ensure this field has no more than 3 elements.";

  /** Where errors that belong to no single field go, as in Django REST framework. */
  static final String NON_FIELD_ERRORS = "non_field_errors";

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{0,14}");

  /**
   * Japan's country code and a trunk 0, which E.164 leaves out ("leaving the local 0 prefix").
   * Other countries are not judged: some keep a 0 after the country code (Italy).
   */
  private static final String JAPAN_TRUNK_ZERO = "+810";

  private static final Pattern RECORDING_PATH = Pattern.compile("[A-Za-z0-9_/.\\-]*");

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, List<String>> errors = new LinkedHashMap<>();

  XoxzoForm(Map<String, List<String>> form) {
    form.forEach(
        (name, given) -> {
          if (!given.isEmpty()) {
            values.put(name, given.get(0).strip());
          }
        });
  }

  /** Whether the field was sent, blank or not. */
  boolean has(String field) {
    return values.containsKey(field);
  }

  /** Records a message for a field. */
  void error(String field, String message) {
    errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
  }

  boolean valid() {
    return errors.isEmpty();
  }

  /** The 400 body: each bad field with its messages. */
  ObjectNode errors(JsonMapper json) {
    ObjectNode out = json.createObjectNode();
    errors.forEach((field, messages) -> messages.forEach(out.putArray(field)::add));
    return out;
  }

  /** A field that must be given and not blank; null after recording why not. */
  String required(String field) {
    String value = values.get(field);
    if (value == null) {
      error(field, REQUIRED);
      return null;
    }
    if (value.isEmpty()) {
      error(field, BLANK);
      return null;
    }
    return value;
  }

  /** An optional field: null when not given; a blank one is an error, as for a required field. */
  private String optional(String field) {
    return has(field) ? required(field) : null;
  }

  /** A required E.164 number with its {@code +}, a Japanese one without its trunk 0. */
  String phone(String field) {
    String value = required(field);
    if (value != null && !E164.matcher(value).matches()) {
      error(field, PHONE);
      return null;
    }
    if (value != null && value.startsWith(JAPAN_TRUNK_ZERO)) {
      error(field, TRUNK_ZERO);
      return null;
    }
    return value;
  }

  /** A required choice. */
  String choice(String field, Set<String> choices) {
    String value = required(field);
    if (value != null && !choices.contains(value)) {
      error(field, "\"" + value + "\" is not a valid choice.");
      return null;
    }
    return value;
  }

  /** An optional choice, {@code fallback} when not given. */
  String choice(String field, Set<String> choices, String fallback) {
    return has(field) ? choice(field, choices) : fallback;
  }

  /**
   * The required MP3 URL: http only, nothing but ASCII letters, digits, {@code _}, {@code /},
   * {@code -} and {@code .} after the host. The document asks for no {@code .mp3} suffix. Every
   * rule broken is reported.
   */
  String recordingUrl(String field) {
    String value = required(field);
    if (value == null) {
      return null;
    }
    URI uri = httpUrl(field, value);
    if (uri == null) {
      return null;
    }
    boolean valid = true;
    if (!uri.getScheme().toLowerCase(Locale.ROOT).equals("http")) {
      error(field, HTTPS_UNSUPPORTED);
      valid = false;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || !RECORDING_PATH.matcher(path).matches()) {
      error(field, PATH_CHARACTERS);
      valid = false;
    }
    return valid ? value : null;
  }

  /** A required http or https URL; null when not given or bad. */
  URI url(String field) {
    String value = required(field);
    return value == null ? null : httpUrl(field, value);
  }

  /** An optional http or https URL; null when not given or bad. */
  URI callbackUrl(String field) {
    String value = optional(field);
    return value == null ? null : httpUrl(field, value);
  }

  /** Optional comma-separated tags, each stripped; empty ones are dropped. */
  List<String> tags(String field) {
    List<String> tags = new ArrayList<>();
    String value = values.get(field);
    if (value != null) {
      for (String tag : value.split(",")) {
        if (!tag.isBlank()) {
          tags.add(tag.strip());
        }
      }
    }
    return tags;
  }

  /** The required participants: 2 or 3 distinct E.164 numbers, comma separated. */
  List<String> participants(String field) {
    String value = required(field);
    if (value == null) {
      return null;
    }
    String[] parts = value.split(",", -1);
    Set<String> numbers = new LinkedHashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    boolean valid = true;
    for (String part : parts) {
      String number = part.strip();
      if (!E164.matcher(number).matches()) {
        error(field, "'" + number + "' is not a valid phone number in " + E164_FORMAT);
        valid = false;
      } else if (number.startsWith(JAPAN_TRUNK_ZERO)) {
        error(
            field,
            "'" + number + "' keeps the trunk 0 of a Japanese number: " + WITHOUT_TRUNK_ZERO);
        valid = false;
      } else if (!numbers.add(number)) {
        repeated.add(number);
      }
    }
    if (parts.length < 2) {
      error(field, TOO_FEW);
      valid = false;
    } else if (parts.length > 3) {
      error(field, TOO_MANY);
      valid = false;
    }
    for (String number : repeated) {
      error(field, "Each participant must be a different number; " + number + " is repeated.");
      valid = false;
    }
    return valid ? List.copyOf(numbers) : null;
  }

  /** An absolute http(s) URL with a host; null after recording {@link #INVALID_URL}. */
  private URI httpUrl(String field, String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      error(field, INVALID_URL);
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || uri.isOpaque()
        || uri.getHost() == null) {
      error(field, INVALID_URL);
      return null;
    }
    return uri;
  }
}
