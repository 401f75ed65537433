package dev.switchboard.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ChunkedBody decodes chunked request bodies")
class ChunkedBodyTest {
  private static ByteBuffer buffer(String received) {
    return ByteBuffer.wrap(received.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  @DisplayName("Chunks arriving a byte at a time are joined; what follows the body is left alone.")
  void byteAtATime() throws Exception {
    String received =
        "4;ext=\"v\"\r\nWiki\r\n5 \r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nT: 1\r\n\r\nNEXT";
    ChunkedBody body = new ChunkedBody(1024);
    ByteBuffer input = ByteBuffer.allocate(1024).flip();
    int fed = 0;
    boolean complete = false;
    while (!complete) {
      input.compact().put((byte) received.charAt(fed++)).flip();
      complete = body.read(input);
    }

    assertThat(new String(body.body(), StandardCharsets.ISO_8859_1))
        .isEqualTo("Wikipedia in\r\n\r\nchunks.");
    assertThat(fed).isEqualTo(received.indexOf("NEXT"));
  }

  @Test
  @DisplayName("Chunks adding up to more than the limit are refused with 413.")
  void tooLarge() {
    ChunkedBody body = new ChunkedBody(8);

    assertThatThrownBy(() -> body.read(buffer("5\r\nabcde\r\n4\r\nfghi\r\n0\r\n\r\n")))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  @DisplayName("A chunk size too large for a long is refused with 413, not overflowed.")
  void hugeSize() {
    assertThatThrownBy(() -> new ChunkedBody(8).read(buffer("fffffffffffffffffffff\r\n")))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zz\r\n", "\r\n", "-1\r\n", "3\r\nabcX\r\n"})
  @DisplayName("A malformed chunk is refused with 400.")
  void malformed(String received) {
    assertThatThrownBy(() -> new ChunkedBody(1024).read(buffer(received)))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}
