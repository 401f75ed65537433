package dev.switchboard.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client on a plain socket that writes exactly the bytes a test gives it, for requests no HTTP
 * client library would send: malformed, slow, pipelined, or waiting for {@code 100 Continue}. Every
 * read is bounded by {@link #TIMEOUT}, so a server that never answers fails the test instead of
 * hanging it.
 */
final class RawClient implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** A response as received. */
  record Response(int status, String reason, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawClient(InetSocketAddress server) throws IOException {
    this(server, new Socket());
  }

  /** A client on {@code socket}, configured but not yet connected. */
  RawClient(InetSocketAddress server, Socket socket) throws IOException {
    this.socket = socket;
    socket.connect(server, (int) TIMEOUT.toMillis());
    socket.setSoTimeout((int) TIMEOUT.toMillis());
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  RawClient send(String ascii) throws IOException {
    return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawClient send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Closes the client's sending side: the server reads the end of the stream, as after a close. */
  RawClient shutdownOutput() throws IOException {
    socket.shutdownOutput();
    return this;
  }

  /** Reads a response whose body, if any, is framed by {@code Content-Length}. */
  Response read() throws IOException {
    return read(true);
  }

  /** Reads the response to a {@code HEAD} request: its headers describe a body never sent. */
  Response readWithoutBody() throws IOException {
    return read(false);
  }

  private Response read(boolean bodyMayFollow) throws IOException {
    String statusLine = line();
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 3 || !parts[0].equals("HTTP/1.1")) {
      throw new IOException("not an HTTP/1.1 status line: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers
          .computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
    String body = "";
    List<String> length = headers.get("Content-Length");
    if (bodyMayFollow && length != null) {
      body = new String(in.readNBytes(Integer.parseInt(length.get(0))), StandardCharsets.UTF_8);
    }
    return new Response(status, parts[2], headers, body);
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed in a response head");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * Whether the server closes the connection within {@code limit}, reading and ignoring anything it
   * still sends. A reset counts as closed.
   */
  boolean closedWithin(Duration limit) throws IOException {
    long deadline = System.nanoTime() + limit.toNanos();
    byte[] ignored = new byte[8192];
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
        try {
          if (in.read(ignored) < 0) {
            return true;
          }
        } catch (SocketTimeoutException stillOpen) {
          // Loop: the deadline decides.
        } catch (SocketException reset) {
          return true;
        }
      }
    } finally {
      if (!socket.isClosed()) {
        socket.setSoTimeout((int) TIMEOUT.toMillis());
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
