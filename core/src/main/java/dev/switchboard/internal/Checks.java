package dev.switchboard.internal;

import dev.switchboard.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Argument checks shared by the model's constructors. Each failure is an {@link
 * InvalidInputException} naming the field ({@code verb.attribute}) and the rule.
 */
public final class Checks {
  private static final Pattern KEYS = Pattern.compile("[0-9*#]*");
  private static final Pattern LANGUAGE_TAG =
      Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,4}");

  private Checks() {}

  public static <T> T notNull(T value, String field) {
    if (value == null) {
      throw new InvalidInputException(field, "is required");
    }
    return value;
  }

  /**
   * A vendor's id of a call, conference or participant, as it goes into a request's path: one path
   * segment, so that no id can point a request at another resource ({@code ..}, {@code a/b}, an
   * empty segment) or carry a query. Vendors' ids are letters, digits and a few marks.
   */
  public static String vendorId(String value, String field) {
    notNull(value, field);
    if (!VENDOR_ID.matcher(value).matches() || value.equals(".") || value.equals("..")) {
      throw new InvalidInputException(
          field,
          "must be a vendor's id: letters, digits, '-', '_', '.', ':' or '@', was '"
              + printable(value)
              + "'");
    }
    return value;
  }

  private static final Pattern VENDOR_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,200}");

  /** A value as an error shows it: control characters escaped, long values cut. */
  private static String printable(String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    StringBuilder out = new StringBuilder();
    shown
        .codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /**
   * Text to speak: every character one an XML document can carry (so not NUL, BEL, ESC, VT, FF or
   * any other control but tab and line breaks, not U+FFFE or U+FFFF, no lone surrogate), since
   * vendors take speech inside XML or forms that end in it; and something to hear, not only blanks
   * and invisible format characters such as U+200B.
   */
  public static String speakable(String value, String field) {
    notBlank(value, field);
    int index = 0;
    boolean audible = false;
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      boolean xml =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || c >= 0x10000;
      if (!xml) {
        throw new InvalidInputException(
            field,
            String.format(
                "must be text a voice can speak: U+%04X at character %d cannot be written into"
                    + " the vendor's document",
                c, index));
      }
      if (!Character.isWhitespace(c)
          && !Character.isSpaceChar(c)
          && Character.getType(c) != Character.FORMAT) {
        audible = true;
      }
      i += Character.charCount(c);
      index++;
    }
    if (!audible) {
      throw new InvalidInputException(
          field, "must have something to hear, not only blanks and invisible characters");
    }
    return value;
  }

  public static String notBlank(String value, String field) {
    notNull(value, field);
    if (value.isBlank()) {
      throw new InvalidInputException(field, "must not be blank");
    }
    return value;
  }

  public static int range(int value, int min, int max, String field) {
    if (value < min || value > max) {
      throw new InvalidInputException(
          field, "must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  /** Lists are copied so that a record never shares a mutable list with its caller. */
  public static <T> List<T> list(List<T> values, String field) {
    notNull(values, field);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new InvalidInputException(field + "[" + i + "]", "must not be null");
      }
    }
    return List.copyOf(values);
  }

  /** A BCP-47 tag such as {@code en-US} or {@code zh-HK}; only the shape is checked here. */
  public static String languageTag(String value, String field) {
    notNull(value, field);
    if (!LANGUAGE_TAG.matcher(value).matches()
        || Locale.forLanguageTag(value).getLanguage().isEmpty()) {
      throw new InvalidInputException(
          field, "must be a BCP-47 language tag such as en-US, was '" + value + "'");
    }
    return value;
  }

  /** True for an absolute http or https URL with a host. */
  public static boolean isHttpUrl(URI value) {
    String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
    return value.isAbsolute()
        && (scheme.equals("http") || scheme.equals("https"))
        && value.getHost() != null
        && value.getPort() <= 65_535;
  }

  /** True for a string that parses as an absolute http or https URL with a host. */
  public static boolean isHttpUrl(String value) {
    try {
      return isHttpUrl(new URI(value));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** An absolute http or https URL with a host. */
  public static URI httpUrl(URI value, String field) {
    notNull(value, field);
    if (!isHttpUrl(value)) {
      throw new InvalidInputException(
          field, "must be an absolute http or https URL, was '" + value + "'");
    }
    return value;
  }

  public static URI httpUrl(String value, String field) {
    notNull(value, field);
    if (!isHttpUrl(value)) {
      throw new InvalidInputException(
          field, "must be an absolute http or https URL, was '" + value + "'");
    }
    return URI.create(value);
  }

  /** DTMF keys that end input: any of 0-9, * and #, each at most once; empty means none. */
  public static String finishKeys(String value, String field) {
    Objects.requireNonNull(value, field);
    if (!KEYS.matcher(value).matches() || value.chars().distinct().count() != value.length()) {
      throw new InvalidInputException(
          field, "must be distinct keys among 0-9, * and #, or empty, was '" + value + "'");
    }
    return value;
  }
}
