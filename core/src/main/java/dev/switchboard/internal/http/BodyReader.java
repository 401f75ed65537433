package dev.switchboard.internal.http;

import java.nio.ByteBuffer;

/** Collects a request body from the bytes received so far, however it is framed. */
interface BodyReader {

  /**
   * The reader for the body {@code head} announces.
   *
   * @throws HttpException 413 when the announced length is over {@code maxBytes}
   */
  static BodyReader of(RequestHead head, int maxBytes) throws HttpException {
    return head.chunked()
        ? new ChunkedBody(maxBytes)
        : new FixedLengthBody(head.contentLength(), maxBytes);
  }

  /**
   * Takes body bytes from {@code input}, a heap buffer ready for reading, and nothing after the
   * body (a pipelined request may follow it).
   *
   * @return whether the body is complete
   * @throws HttpException when the body is malformed or larger than allowed
   */
  boolean read(ByteBuffer input) throws HttpException;

  /** The whole body, once {@link #read} returned true. */
  byte[] body();
}
