package dev.switchboard.internal.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A request's line and headers, checked, with what the server needs to read its body and to decide
 * whether the connection stays open.
 *
 * @param method the method as received, e.g. {@code POST}
 * @param uri the request target as received (origin or absolute form)
 * @param headers header values by case-insensitive name, in the order received
 * @param contentLength the body's length, or 0 when {@code chunked}
 * @param chunked whether the body is sent with {@code Transfer-Encoding: chunked}
 * @param keepAlive whether the client lets the connection stay open after the response
 * @param http10 whether the request is HTTP/1.0, whose keep-alive the response must confirm
 * @param expectsContinue whether the client waits for {@code 100 Continue} before sending the body
 */
record RequestHead(
    String method,
    URI uri,
    Map<String, List<String>> headers,
    long contentLength,
    boolean chunked,
    boolean keepAlive,
    boolean http10,
    boolean expectsContinue) {

  /** Whether a body follows the head. */
  boolean hasBody() {
    return chunked || contentLength > 0;
  }
}
