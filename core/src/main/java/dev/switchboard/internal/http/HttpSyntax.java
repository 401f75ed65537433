package dev.switchboard.internal.http;

/** The pieces of HTTP's grammar (RFC 9110, section 5) that both requests and responses obey. */
final class HttpSyntax {
  private HttpSyntax() {}

  /** Whether {@code s} is a token, as a method or a header name must be. */
  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code s} may be a header value: Latin-1 text with spaces and tabs but no other control
   * character, so that nothing in a value can end its line and start another header.
   */
  static boolean isFieldValue(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < ' ' && c != '\t') || c == 0x7f || c > 0xff) {
        return false;
      }
    }
    return true;
  }
}
