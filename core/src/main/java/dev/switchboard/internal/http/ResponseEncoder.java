package dev.switchboard.internal.http;

import dev.switchboard.webhook.WebhookResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Writes a {@link WebhookResponse} as the bytes of an HTTP/1.1 response. */
final class ResponseEncoder {
  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /** Headers that frame the message: only the server may write them, or responses would split. */
  private static final Set<String> FRAMING_HEADERS =
      Set.of("content-length", "transfer-encoding", "connection");

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  /**
   * The Date header of the current second. The header has a second's precision, and formatting it
   * made more garbage than the rest of a response's head.
   */
  private static volatile Date lastDate = new Date(Long.MIN_VALUE, "");

  private record Date(long second, String text) {}

  private ResponseEncoder() {}

  /** The interim response that tells a client waiting with {@code Expect} to send its body. */
  static ByteBuffer continueResponse() {
    return ByteBuffer.wrap(CONTINUE).asReadOnlyBuffer();
  }

  /**
   * The response to the request {@code head}.
   *
   * @param close whether the server closes the connection after this response
   * @throws IllegalArgumentException when the response cannot be sent as it is: a status outside
   *     200 to 599, or a header that is malformed or frames the message
   */
  static ByteBuffer encode(WebhookResponse response, RequestHead head, boolean close) {
    return encode(response, !head.method().equals("HEAD"), close, head.http10());
  }

  /** The answer to a request refused before it reached the handler; the connection then closes. */
  static ByteBuffer refusal(HttpException refusal) {
    WebhookResponse response =
        new WebhookResponse(refusal.status(), "text/plain; charset=utf-8", refusal.getMessage());
    return encode(response, true, true, false);
  }

  private static ByteBuffer encode(
      WebhookResponse response, boolean withBody, boolean close, boolean http10) {
    int status = response.status();
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status " + status + " is not a final HTTP status");
    }
    // 204 and 304 never have a body (RFC 9110, sections 15.3.5 and 15.4.5).
    boolean bodyless = status == 204 || status == 304;
    byte[] body = bodyless ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);

    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    header(head, "Date", date());
    header(head, "Content-Type", response.contentType());
    if (!bodyless) {
      header(head, "Content-Length", Integer.toString(body.length));
    }
    for (Map.Entry<String, String> extra : response.headers().entrySet()) {
      if (FRAMING_HEADERS.contains(extra.getKey().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("header " + extra.getKey() + " is set by the server");
      }
      header(head, extra.getKey(), extra.getValue());
    }
    if (close) {
      header(head, "Connection", "close");
    } else if (http10) {
      header(head, "Connection", "keep-alive");
    }
    head.append("\r\n");

    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    int bodyLength = withBody ? body.length : 0;
    ByteBuffer bytes = ByteBuffer.allocate(headBytes.length + bodyLength);
    bytes.put(headBytes).put(body, 0, bodyLength);
    return bytes.flip();
  }

  private static String date() {
    Instant now = Instant.now();
    Date last = lastDate;
    if (last.second() != now.getEpochSecond()) {
      last = new Date(now.getEpochSecond(), HTTP_DATE.format(now));
      lastDate = last;
    }
    return last.text();
  }

  private static void header(StringBuilder head, String name, String value) {
    if (!HttpSyntax.isToken(name) || !HttpSyntax.isFieldValue(value)) {
      throw new IllegalArgumentException("malformed response header " + name);
    }
    head.append(name).append(": ").append(value).append("\r\n");
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 304 -> "Not Modified";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 411 -> "Length Required";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      case 505 -> "HTTP Version Not Supported";
      default ->
          status < 300
              ? "Success"
              : status < 400 ? "Redirection" : status < 500 ? "Client Error" : "Server Error";
    };
  }
}
