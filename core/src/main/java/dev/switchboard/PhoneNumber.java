package dev.switchboard;

import java.util.Objects;

/**
 * A phone number in E.164 form: a country code and subscriber number, 1 to 15 digits, the first not
 * 0. Each provider formats it for its own wire: {@link #e164()} with the {@code +} (Hoiio, Xoxzo)
 * or {@link #digits()} without (Voxtelesys v1).
 *
 * @param digits the digits without the {@code +}
 */
public record PhoneNumber(String digits) {
  private static final int MAX_DIGITS = 15;
  private static final String RULE = "must be E.164: '+' then 1 to 15 digits, the first not 0";

  public PhoneNumber {
    Objects.requireNonNull(digits, "digits");
    if (!validDigits(digits)) {
      throw new InvalidInputException("phoneNumber", RULE + ", was digits '" + digits + "'");
    }
  }

  /**
   * Parses {@code +} followed by the digits, e.g. {@code +15556667777}. No spaces, dashes or
   * national prefixes.
   *
   * @throws InvalidInputException naming the field {@code phoneNumber}
   */
  public static PhoneNumber of(String e164) {
    return of(e164, "phoneNumber");
  }

  /**
   * Parses as {@link #of(String)}, naming {@code field} in the error, e.g. {@code transfer.to[1]}.
   */
  public static PhoneNumber of(String e164, String field) {
    if (e164 == null) {
      throw new InvalidInputException(field, "is required");
    }
    if (!e164.startsWith("+") || !validDigits(e164.substring(1))) {
      throw new InvalidInputException(field, RULE + ", was '" + e164 + "'");
    }
    return new PhoneNumber(e164.substring(1));
  }

  /** Parses the digits alone, as Voxtelesys v1 writes numbers, e.g. {@code 15556667777}. */
  public static PhoneNumber fromDigits(String digits) {
    if (digits == null) {
      throw new InvalidInputException("phoneNumber", "is required");
    }
    return new PhoneNumber(digits);
  }

  private static boolean validDigits(String digits) {
    if (digits.isEmpty() || digits.length() > MAX_DIGITS || digits.charAt(0) == '0') {
      return false;
    }
    // ASCII only: Character.isDigit would accept other scripts' digits.
    return digits.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** The number with its {@code +}, e.g. {@code +15556667777}. */
  public String e164() {
    return "+" + digits;
  }

  @Override
  public String toString() {
    return e164();
  }
}
