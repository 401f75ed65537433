package dev.switchboard.provider.support;

import java.time.Duration;
import java.util.Optional;
import okhttp3.Request;

/**
 * What a vendor answered to a request: the HTTP status and the whole body, read before the
 * connection was released.
 *
 * @param request the request answered
 * @param status the HTTP status code
 * @param body the body as text, empty when there was none
 * @param retryAfter the wait a {@code Retry-After} header asked for, in seconds; empty without one
 */
public record HttpAnswer(Request request, int status, String body, Optional<Duration> retryAfter) {

  /** An answer without {@code Retry-After}. */
  public HttpAnswer(Request request, int status, String body) {
    this(request, status, body, Optional.empty());
  }

  /**
   * A {@code Retry-After} value in seconds, the form the vendors use; empty for none, and for an
   * HTTP date or anything unreadable, rather than a guess.
   */
  public static Optional<Duration> retryAfter(String header) {
    if (header == null || !header.trim().matches("[0-9]{1,9}")) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
  }

  /** Whether the status is 2xx. */
  public boolean successful() {
    return status >= 200 && status < 300;
  }

  /** The request as messages name it, e.g. {@code POST /api/v1/calls}; never its credentials. */
  public String where() {
    return VendorHttp.where(request);
  }
}
