package dev.switchboard.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A body sent with {@code Transfer-Encoding: chunked} (RFC 9112, section 7.1), decoded. Chunk
 * extensions and trailer fields are read and ignored.
 */
final class ChunkedBody implements BodyReader {
  /** Longest chunk-size line (with any extensions) or trailer line accepted. */
  private static final int MAX_LINE_BYTES = 4 * 1024;

  /** Longest trailer section accepted, as for a head. */
  private static final int MAX_TRAILER_BYTES = 16 * 1024;

  private enum Part {
    SIZE,
    DATA,
    DATA_END,
    TRAILER
  }

  private final int maxBytes;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private Part part = Part.SIZE;
  private long chunkMissing;
  private int trailerBytes;

  ChunkedBody(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public boolean read(ByteBuffer input) throws HttpException {
    while (true) {
      switch (part) {
        case SIZE -> {
          String line = line(input);
          if (line == null) {
            return false;
          }
          chunkMissing = chunkSize(line);
          if (body.size() + chunkMissing > maxBytes) {
            throw new HttpException(413, "body too large");
          }
          part = chunkMissing == 0 ? Part.TRAILER : Part.DATA;
        }
        case DATA -> {
          int take = (int) Math.min(chunkMissing, input.remaining());
          if (take == 0) {
            return false;
          }
          body.write(input.array(), input.arrayOffset() + input.position(), take);
          input.position(input.position() + take);
          chunkMissing -= take;
          if (chunkMissing == 0) {
            part = Part.DATA_END;
          }
        }
        case DATA_END -> {
          String line = line(input);
          if (line == null) {
            return false;
          }
          if (!line.isEmpty()) {
            throw new HttpException(400, "malformed chunk");
          }
          part = Part.SIZE;
        }
        case TRAILER -> {
          String line = line(input);
          if (line == null) {
            return false;
          }
          if (line.isEmpty()) {
            return true;
          }
          trailerBytes += line.length();
          if (trailerBytes > MAX_TRAILER_BYTES) {
            throw new HttpException(431, "request header too large");
          }
        }
      }
    }
  }

  @Override
  public byte[] body() {
    return body.toByteArray();
  }

  /** The next line without its line ending, or null while it is incomplete. */
  private static String line(ByteBuffer input) throws HttpException {
    int start = input.position();
    for (int i = start; i < input.limit(); i++) {
      if (input.get(i) == '\n') {
        int end = i > start && input.get(i - 1) == '\r' ? i - 1 : i;
        String line =
            new String(
                input.array(), input.arrayOffset() + start, end - start, StandardCharsets.US_ASCII);
        input.position(i + 1);
        return line;
      }
      if (i - start >= MAX_LINE_BYTES) {
        throw new HttpException(400, "malformed chunk");
      }
    }
    return null;
  }

  /** The hexadecimal size before any extension, clamped above the limit rather than overflowing. */
  private long chunkSize(String line) throws HttpException {
    int semicolon = line.indexOf(';');
    String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
    if (hex.isEmpty()) {
      throw new HttpException(400, "malformed chunk");
    }
    long size = 0;
    for (int i = 0; i < hex.length(); i++) {
      int digit = Character.digit(hex.charAt(i), 16);
      if (digit < 0) {
        throw new HttpException(400, "malformed chunk");
      }
      size = Math.min(size * 16 + digit, maxBytes + 1L);
    }
    return size;
  }
}
