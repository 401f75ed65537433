package dev.switchboard.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("HeadReader finds and checks request heads")
class HeadReaderTest {
  private final HeadReader reader = new HeadReader(1024);

  /** A buffer as the connection keeps it: ready for reading, with room to receive more. */
  private static ByteBuffer buffer(String received) {
    ByteBuffer buffer = ByteBuffer.allocate(1024);
    buffer.put(received.getBytes(StandardCharsets.ISO_8859_1));
    return buffer.flip();
  }

  private RequestHead read(String received) throws HttpException {
    return reader.read(buffer(received));
  }

  private static HttpException refusal(ThrowingRead read) {
    try {
      read.run();
    } catch (HttpException e) {
      return e;
    }
    throw new AssertionError("no HttpException");
  }

  private interface ThrowingRead {
    void run() throws HttpException;
  }

  @Test
  @DisplayName("A head arriving a byte at a time is returned once whole, leaving what follows it.")
  void byteAtATime() throws Exception {
    String request = "POST /hook?a=1 HTTP/1.1\r\nHost: x\r\nX-Twice: 1\r\nx-twice: 2\r\n\r\nbody";
    ByteBuffer input = ByteBuffer.allocate(1024).flip();
    RequestHead head = null;
    int fed = 0;
    while (head == null) {
      input.compact().put((byte) request.charAt(fed++)).flip();
      head = reader.read(input);
    }

    assertThat(fed).isEqualTo(request.indexOf("body"));
    assertThat(head.method()).isEqualTo("POST");
    assertThat(head.uri().toString()).isEqualTo("/hook?a=1");
    assertThat(head.headers().get("x-TWICE")).isEqualTo(List.of("1", "2"));
    assertThat(head.keepAlive()).isTrue();
    assertThat(head.hasBody()).isFalse();
  }

  @Test
  @DisplayName("Empty lines before the request line are skipped, even split between reads.")
  void leadingEmptyLines() throws Exception {
    ByteBuffer input = buffer("\r\n\r");

    assertThat(reader.read(input)).isNull();
    input.compact().put("\nGET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).flip();
    assertThat(reader.read(input).method()).isEqualTo("GET");
  }

  @Test
  @DisplayName("Lines may end in a bare LF, and header values lose surrounding whitespace.")
  void bareLineFeeds() throws Exception {
    RequestHead head = read("GET / HTTP/1.1\nHost: x\nX-Pad: \t padded \t\n\n");

    assertThat(head.headers().get("X-Pad")).isEqualTo(List.of("padded"));
  }

  @Test
  @DisplayName("A head that fills the buffer without ending is refused with 431.")
  void tooLarge() {
    String endless = "GET / HTTP/1.1\r\nX-Big: " + "a".repeat(1024);

    assertThat(refusal(() -> read(endless.substring(0, 1024))).status()).isEqualTo(431);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Content-Length: 5, 5 | 5",
        "Content-Length: 007 | 7",
        "Content-Length: 99999999999999999999 | 9223372036854775807",
      })
  @DisplayName("Content-Length may repeat one value; an absurd length is kept, to be refused 413.")
  void contentLength(String header, long length) throws Exception {
    assertThat(read("POST / HTTP/1.1\r\n" + header + "\r\n\r\n").contentLength()).isEqualTo(length);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Content-Length: +5 | 400",
        "Content-Length: 5, 6 | 400",
        "Content-Length: | 400",
        "Transfer-Encoding: chunked, gzip | 400",
        "Transfer-Encoding: gzip, chunked | 501",
      })
  @DisplayName("Framing headers that are malformed, ambiguous or unsupported are refused.")
  void badFraming(String headers, int status) {
    assertThat(refusal(() -> read("POST / HTTP/1.1\r\n" + headers + "\r\n\r\n")).status())
        .isEqualTo(status);
  }

  @Test
  @DisplayName("Transfer-Encoding in an HTTP/1.0 request is refused: 1.0 has no chunked coding.")
  void chunkedHttp10() {
    assertThat(
            refusal(() -> read("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n")).status())
        .isEqualTo(400);
  }

  @ParameterizedTest(name = "{0} with Connection: {1} -> keep alive {2}")
  @CsvSource({
    "HTTP/1.1, '', true",
    "HTTP/1.1, close, false",
    "HTTP/1.1, 'Keep-Alive, Close', false",
    "HTTP/1.0, '', false",
    "HTTP/1.0, keep-alive, true",
  })
  @DisplayName("HTTP/1.1 keeps connections unless told to close; HTTP/1.0 only when asked to.")
  void keepAlive(String version, String connection, boolean keepAlive) throws Exception {
    String header = connection.isEmpty() ? "" : "Connection: " + connection + "\r\n";

    assertThat(read("GET / " + version + "\r\n" + header + "\r\n").keepAlive())
        .isEqualTo(keepAlive);
  }

  @Test
  @DisplayName("Expect: 100-continue is noticed in HTTP/1.1 and ignored in HTTP/1.0.")
  void expectContinue() throws Exception {
    String expect = " HTTP/1.1\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\n";

    assertThat(read("POST /" + expect).expectsContinue()).isTrue();
    assertThat(
            new HeadReader(1024)
                .read(buffer("POST /" + expect.replace("1.1", "1.0")))
                .expectsContinue())
        .isFalse();
  }
}
