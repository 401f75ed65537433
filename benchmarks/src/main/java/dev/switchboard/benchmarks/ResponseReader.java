package dev.switchboard.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.1 responses off one keep-alive connection into a buffer it keeps, allocating nothing
 * per response. The load generator shares the cores and the heap with the server it measures: a
 * read per byte, or a string per head, would take from the server what it is meant to measure.
 */
final class ResponseReader {
  private static final byte[] CONTENT_LENGTH =
      "content-length:".getBytes(StandardCharsets.US_ASCII);

  private final InputStream in;
  private final byte[] buffer = new byte[16_384];
  private int start;
  private int end;
  private int lastBodyLength;

  ResponseReader(InputStream in) {
    this.in = in;
  }

  /**
   * Reads one whole response, its body skipped, and returns its status; {@link #lastBodyLength()}
   * then tells the body's length.
   */
  int read() throws IOException {
    int headEnd = headEnd();
    int status =
        (buffer[start + 9] - '0') * 100
            + (buffer[start + 10] - '0') * 10
            + buffer[start + 11]
            - '0';
    lastBodyLength = contentLength(start, headEnd);
    start = headEnd;
    skip(lastBodyLength);
    return status;
  }

  /** The body length of the response {@link #read()} read last. */
  int lastBodyLength() {
    return lastBodyLength;
  }

  /** Where the head that starts at {@code start} ends, past its blank line; reads until it does. */
  private int headEnd() throws IOException {
    // Counted from the head's start, which moves when fill() makes room.
    int scanned = 3;
    while (true) {
      for (int i = start + scanned; i < end; i++) {
        if (buffer[i] == '\n'
            && buffer[i - 1] == '\r'
            && buffer[i - 2] == '\n'
            && buffer[i - 3] == '\r') {
          return i + 1;
        }
      }
      scanned = Math.max(scanned, end - start);
      fill();
    }
  }

  /** Makes room and reads more; fails if the connection closed. */
  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      throw new IOException("a response head longer than " + buffer.length + " bytes");
    }
    int read = in.read(buffer, end, buffer.length - end);
    if (read < 0) {
      throw new IOException("connection closed mid-response");
    }
    end += read;
  }

  private int contentLength(int from, int to) {
    for (int line = from; line < to; ) {
      if (startsWithIgnoringCase(line, to)) {
        int value = 0;
        for (int i = line + CONTENT_LENGTH.length; i < to && buffer[i] != '\r'; i++) {
          if (buffer[i] >= '0' && buffer[i] <= '9') {
            value = value * 10 + buffer[i] - '0';
          }
        }
        return value;
      }
      while (line < to && buffer[line] != '\n') {
        line++;
      }
      line++;
    }
    return 0;
  }

  private boolean startsWithIgnoringCase(int at, int limit) {
    if (at + CONTENT_LENGTH.length > limit) {
      return false;
    }
    for (int i = 0; i < CONTENT_LENGTH.length; i++) {
      if ((buffer[at + i] | 0x20) != CONTENT_LENGTH[i]) {
        return false;
      }
    }
    return true;
  }

  private void skip(int length) throws IOException {
    int left = length;
    while (true) {
      int taken = Math.min(left, end - start);
      start += taken;
      left -= taken;
      if (left == 0) {
        return;
      }
      start = 0;
      end = 0;
      fill();
    }
  }
}
