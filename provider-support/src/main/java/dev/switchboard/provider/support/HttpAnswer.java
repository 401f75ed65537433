package dev.switchboard.provider.support;

import okhttp3.Request;

/**
 * What a vendor answered to a request: the HTTP status and the whole body, read before the
 * connection was released.
 *
 * @param request the request answered
 * @param status the HTTP status code
 * @param body the body as text, empty when there was none
 */
public record HttpAnswer(Request request, int status, String body) {

  /** Whether the status is 2xx. */
  public boolean successful() {
    return status >= 200 && status < 300;
  }

  /** The request as messages name it, e.g. {@code POST /api/v1/calls}; never its credentials. */
  public String where() {
    return VendorHttp.where(request);
  }
}
