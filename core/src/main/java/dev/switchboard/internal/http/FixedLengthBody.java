package dev.switchboard.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** A body of the length its {@code Content-Length} header announced. */
final class FixedLengthBody implements BodyReader {
  /**
   * The buffer grows as bytes arrive rather than being sized from the header, so that a client
   * announcing a large body holds only as much memory as it actually sends.
   */
  private static final int INITIAL_CAPACITY = 8 * 1024;

  private final ByteArrayOutputStream body;
  private long missing;

  FixedLengthBody(long length, int maxBytes) throws HttpException {
    if (length > maxBytes) {
      throw new HttpException(413, "body too large");
    }
    this.body = new ByteArrayOutputStream((int) Math.min(length, INITIAL_CAPACITY));
    this.missing = length;
  }

  @Override
  public boolean read(ByteBuffer input) {
    int take = (int) Math.min(missing, input.remaining());
    body.write(input.array(), input.arrayOffset() + input.position(), take);
    input.position(input.position() + take);
    missing -= take;
    return missing == 0;
  }

  @Override
  public byte[] body() {
    return body.toByteArray();
  }
}
