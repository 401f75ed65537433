package dev.switchboard.testkit.faults;

/**
 * A way a vendor's API can fail to answer well, as {@link FaultyVendor} plays it: every status a
 * vendor or a proxy in front of it may answer with, and every way a connection can break.
 */
public enum Fault {
  /** 500 with a JSON error body. */
  STATUS_500,
  /** 502 with a proxy's HTML page. */
  STATUS_502,
  /** 503 with {@code Retry-After: 0}, which OkHttp would re-send by itself if allowed. */
  STATUS_503,
  /** 429 with {@code Retry-After: 2}. */
  STATUS_429,
  /** 401 with a JSON error body. */
  STATUS_401,
  /** 404 with a JSON error body. */
  STATUS_404,
  /** 422 with a JSON error body. */
  STATUS_422,
  /** 302 to another path of the same server. */
  REDIRECT_302,
  /** 307 to another path of the same server, which keeps the method and body when followed. */
  REDIRECT_307,
  /** The status line and part of the body, then a reset connection. */
  RESET_MID_RESPONSE,
  /** The request is read and nothing is ever answered. */
  NO_ANSWER,
  /**
   * A 200 whose body comes a byte at a time, each within the read time-out but the whole beyond the
   * request's.
   */
  BYTE_AT_A_TIME,
  /** A 200 with an empty body. */
  EMPTY,
  /** A 200 that promises more body than it sends, then closes. */
  TRUNCATED,
  /** A 200 with an HTML page, as a captive portal or a misrouted proxy answers. */
  HTML,
  /** A 200 with well-formed JSON of a shape no vendor answers with. */
  WRONG_SHAPE,
  /** The connection is closed as soon as the request has been read. */
  CLOSED,
  /** Nothing listens at the vendor's address. */
  REFUSED;

  /** Whether a failure here is the vendor not answering, so bounded by the time-outs. */
  public boolean slow() {
    return this == NO_ANSWER || this == BYTE_AT_A_TIME;
  }
}
