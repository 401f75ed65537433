package dev.switchboard.internal.http;

/**
 * A request the server refuses before it reaches the handler: malformed, too large, or framed in a
 * way the server does not support. The connection is answered with {@link #status()} and the
 * message as a plain-text body, then closed, because after a framing error the next request's start
 * cannot be found.
 */
final class HttpException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * @param status the status to answer with
   * @param message the body to answer with: short, and nothing a client should not see
   */
  HttpException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
