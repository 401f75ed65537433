package dev.switchboard.internal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds and parses a request head (request line and headers) in the bytes received so far. A head
 * may arrive a byte at a time, so the reader remembers how far it has searched for the blank line
 * that ends it instead of searching the whole buffer again on every read.
 */
final class HeadReader {
  private final int maxBytes;

  /** How many bytes after the buffer's position were already searched for the end of the head. */
  private int searched;

  /**
   * @param maxBytes the largest head accepted, blank line included; larger ones are answered 431
   */
  HeadReader(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Takes a complete head from {@code input}, a heap buffer ready for reading, and returns it; or
   * returns null, taking nothing but empty lines before the request line, while it is incomplete.
   */
  RequestHead read(ByteBuffer input) throws HttpException {
    if (searched == 0) {
      skipEmptyLines(input);
      if (input.remaining() == 1 && input.get(input.position()) == '\r') {
        return null; // perhaps an empty line whose LF is still on its way
      }
    }
    byte[] bytes = input.array();
    int start = input.arrayOffset() + input.position();
    int limit = input.arrayOffset() + input.limit();
    int end = -1;
    int i = start + searched;
    for (; i < limit; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      int next = i + 1;
      if (next < limit && bytes[next] == '\r') {
        next++;
      }
      if (next >= limit) {
        break; // whether a blank line follows is not known yet: look here again next time
      }
      if (bytes[next] == '\n') {
        end = next + 1;
        break;
      }
    }
    if (end < 0) {
      searched = i - start;
      if (limit - start >= maxBytes) {
        throw new HttpException(431, "request header too large");
      }
      return null;
    }
    if (end - start > maxBytes) {
      throw new HttpException(431, "request header too large");
    }
    searched = 0;
    input.position(end - input.arrayOffset());
    return parse(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
  }

  /** Servers should ignore empty lines before a request line (RFC 9112, section 2.2). */
  private static void skipEmptyLines(ByteBuffer input) {
    while (input.hasRemaining()) {
      int at = input.position();
      if (input.get(at) == '\n') {
        input.position(at + 1);
      } else if (input.get(at) == '\r' && input.remaining() > 1 && input.get(at + 1) == '\n') {
        input.position(at + 2);
      } else {
        return;
      }
    }
  }

  private static RequestHead parse(String head) throws HttpException {
    String[] lines = head.split("\n", -1);
    String[] requestLine = withoutCr(lines[0]).split(" ", -1);
    if (requestLine.length != 3 || !HttpSyntax.isToken(requestLine[0])) {
      throw malformed("malformed request line");
    }
    boolean http10 = http10(requestLine[2]);
    URI uri = target(requestLine[1]);

    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      String line = withoutCr(lines[i]);
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      // A name that is not a token also catches obsolete line folding and space before the colon,
      // both of which RFC 9112 says to reject.
      if (colon <= 0 || !HttpSyntax.isToken(line.substring(0, colon))) {
        throw malformed("malformed header");
      }
      String value = trimWhitespace(line.substring(colon + 1));
      if (!HttpSyntax.isFieldValue(value)) {
        throw malformed("malformed header");
      }
      headers.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>()).add(value);
    }

    boolean chunked = chunked(headers, http10);
    long contentLength = chunked ? 0 : contentLength(headers.get("Content-Length"));
    List<String> connection = tokens(headers.get("Connection"));
    boolean keepAlive =
        !connection.contains("close") && (!http10 || connection.contains("keep-alive"));
    boolean expectsContinue = !http10 && tokens(headers.get("Expect")).contains("100-continue");
    return new RequestHead(
        requestLine[0], uri, headers, contentLength, chunked, keepAlive, http10, expectsContinue);
  }

  private static boolean http10(String version) throws HttpException {
    if (version.equals("HTTP/1.1")) {
      return false;
    }
    if (version.equals("HTTP/1.0")) {
      return true;
    }
    if (version.matches("HTTP/[0-9]\\.[0-9]")) {
      throw new HttpException(505, "HTTP version not supported");
    }
    throw malformed("malformed request line");
  }

  private static URI target(String target) throws HttpException {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw malformed("malformed request target");
      }
    }
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      throw malformed("malformed request target");
    }
    if (!(target.startsWith("/") || uri.isAbsolute() || target.equals("*"))) {
      throw malformed("malformed request target");
    }
    return uri;
  }

  private static boolean chunked(Map<String, List<String>> headers, boolean http10)
      throws HttpException {
    if (!headers.containsKey("Transfer-Encoding")) {
      return false;
    }
    // Both framings at once is how requests are smuggled past a proxy that reads the other one.
    if (headers.containsKey("Content-Length") || http10) {
      throw malformed("ambiguous message framing");
    }
    List<String> codings = tokens(headers.get("Transfer-Encoding"));
    if (codings.equals(List.of("chunked"))) {
      return true;
    }
    if (!codings.isEmpty() && codings.get(codings.size() - 1).equals("chunked")) {
      throw new HttpException(501, "transfer coding not supported");
    }
    throw malformed("chunked must be the final transfer coding");
  }

  /** The declared length; lengths too long to represent are clamped, to be refused as too large. */
  private static long contentLength(List<String> values) throws HttpException {
    if (values == null) {
      return 0;
    }
    long length = -1;
    for (String value : values) {
      for (String item : value.split(",", -1)) {
        String digits = trimWhitespace(item);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
          throw malformed("malformed Content-Length");
        }
        long parsed =
            digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits); // 19 digits overflow
        if (length >= 0 && parsed != length) {
          throw malformed("malformed Content-Length");
        }
        length = parsed;
      }
    }
    return length;
  }

  /** The comma-separated tokens of a header's values, in lower case, empty ones left out. */
  private static List<String> tokens(List<String> values) {
    List<String> tokens = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        for (String item : value.split(",")) {
          String token = trimWhitespace(item).toLowerCase(Locale.ROOT);
          if (!token.isEmpty()) {
            tokens.add(token);
          }
        }
      }
    }
    return tokens;
  }

  private static String withoutCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static String trimWhitespace(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return s.substring(from, to);
  }

  private static HttpException malformed(String message) {
    return new HttpException(400, message);
  }
}
