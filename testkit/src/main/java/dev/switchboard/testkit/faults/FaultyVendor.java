package dev.switchboard.testkit.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A vendor's API on loopback that answers every request with a {@link Fault}, or, while {@link
 * #healthy} is set, with what the test scripts: so a test can place a call first and then break the
 * vendor under it. It speaks raw HTTP/1.1 over a socket, since a reset mid-answer or a body that
 * trickles in cannot be played by a well-behaved server.
 *
 * <pre>{@code
 * try (FaultyVendor vendor = FaultyVendor.start()) {
 *   vendor.fault(Fault.STATUS_503);
 *   // point the provider's base URL at vendor.url("/api/v1") and call it
 *   assertThat(vendor.requests()).hasSize(1);
 * }
 * }</pre>
 */
public final class FaultyVendor implements AutoCloseable {
  /** How long {@link Fault#BYTE_AT_A_TIME} waits before each byte, in milliseconds. */
  public static final long TRICKLE_MILLIS = 300;

  /**
   * A request as the vendor received it.
   *
   * @param method the method
   * @param target the request target: the path and query as sent
   * @param headers the headers, names in lower case
   * @param body the body, read as UTF-8
   */
  public record Received(String method, String target, Map<String, String> headers, String body) {
    public Received {
      headers = Map.copyOf(headers);
    }
  }

  /**
   * A scripted answer: its status and its JSON body, or a fault to play instead.
   *
   * @param status the status
   * @param body the JSON body
   * @param fault the fault played instead of this answer, or null, e.g. to break the connection
   *     after the request was passed on to a simulator
   */
  public record Answer(int status, String body, Fault fault) {
    public Answer {
      Objects.requireNonNull(body, "body");
    }

    /** An answer of {@code status} with {@code body}. */
    public Answer(int status, String body) {
      this(status, body, null);
    }

    /** {@code fault} played instead of an answer. */
    public static Answer instead(Fault fault) {
      return new Answer(0, "", Objects.requireNonNull(fault, "fault"));
    }
  }

  private static final HttpClient FORWARDER =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /**
   * Passes {@code request} on to the server at {@code origin} (scheme, host and port: a simulator),
   * with its method, target, body and the headers a vendor reads; its answer. So a FaultyVendor in
   * front of a simulator breaks only what the test tells it to.
   */
  public static Answer forward(Received request, URI origin) {
    HttpRequest.Builder forwarded =
        HttpRequest.newBuilder(origin.resolve(request.target()))
            .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
    for (String header : List.of("authorization", "content-type", "accept")) {
      String value = request.headers().get(header);
      if (value != null) {
        forwarded.header(header, value);
      }
    }
    try {
      HttpResponse<String> answer =
          FORWARDER.send(forwarded.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(answer.statusCode(), answer.body());
    } catch (IOException e) {
      return new Answer(502, "{}");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(503, "{}");
    }
  }

  private final ServerSocket server;
  private final ExecutorService connections;
  private final List<Received> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile Fault fault = Fault.STATUS_500;
  private volatile Function<Received, Answer> healthy;

  /** Released when the accepting thread has stopped. */
  private final CountDownLatch accepting = new CountDownLatch(1);

  private FaultyVendor(ServerSocket server) {
    this.server = server;
    this.connections =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "faulty-vendor");
              thread.setDaemon(true);
              return thread;
            });
    connections.execute(this::accept);
  }

  /** A vendor listening on a free loopback port, answering {@link Fault#STATUS_500} until told. */
  public static FaultyVendor start() throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return new FaultyVendor(server);
  }

  /** The URL of {@code path} on this vendor. */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
  }

  /**
   * Answers every request from now on with {@code fault}; {@link Fault#REFUSED} stops listening and
   * drops every open connection, for good.
   */
  public void fault(Fault fault) throws IOException {
    this.healthy = null;
    this.fault = Objects.requireNonNull(fault, "fault");
    if (fault == Fault.REFUSED) {
      server.close();
      for (Socket socket : open) {
        socket.close();
      }
    }
  }

  /** Answers every request from now on with what {@code answers} makes of it. */
  public void healthy(Function<Received, Answer> answers) {
    this.healthy = Objects.requireNonNull(answers, "answers");
  }

  /** Every request received so far, in order. */
  public List<Received> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the requests received so far. */
  public void clearRequests() {
    requests.clear();
  }

  /** Connections the server holds open right now, the silent ones of {@link Fault#NO_ANSWER}. */
  public int openConnections() {
    open.removeIf(Socket::isClosed);
    return open.size();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
    connections.shutdownNow();
    try {
      connections.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void accept() {
    try {
      while (!server.isClosed()) {
        Socket socket = server.accept();
        open.add(socket);
        connections.execute(() -> serve(socket));
      }
    } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
      // Closed: nothing more to accept.
    } finally {
      accepting.countDown();
    }
  }

  /** Serves one connection's requests until a fault ends it or the client closes it. */
  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        Received received = read(in);
        if (received == null || fault == Fault.REFUSED) {
          // A connection that raced the close of a refusing vendor reached nothing.
          return;
        }
        requests.add(received);
        Function<Received, Answer> answers = healthy;
        if (answers != null) {
          Answer answer = answers.apply(received);
          if (answer.fault() == null) {
            write(out, answer.status(), "application/json", answer.body(), List.of());
            continue;
          }
          if (!play(answer.fault(), socket, out)) {
            return;
          }
          continue;
        }
        if (!play(fault, socket, out)) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // The client gave up, or the test is over: either way this connection is done.
    } finally {
      open.remove(socket);
    }
  }

  /** Plays {@code fault} on one request; whether the connection can serve another. */
  private boolean play(Fault fault, Socket socket, OutputStream out)
      throws IOException, InterruptedException {
    String error = "{\"error\":{\"code\":\"fault\",\"description\":\"" + fault + "\"}}";
    switch (fault) {
      case STATUS_500 -> write(out, 500, "application/json", error, List.of());
      case STATUS_502 ->
          write(out, 502, "text/html", "<html><body>Bad Gateway</body></html>", List.of());
      case STATUS_503 -> write(out, 503, "application/json", error, List.of("Retry-After: 0"));
      case STATUS_429 -> write(out, 429, "application/json", error, List.of("Retry-After: 2"));
      case STATUS_401 -> write(out, 401, "application/json", error, List.of());
      case STATUS_404 -> write(out, 404, "application/json", error, List.of());
      case STATUS_422 -> write(out, 422, "application/json", error, List.of());
      case REDIRECT_302 -> write(out, 302, "text/plain", "", List.of("Location: /elsewhere"));
      case REDIRECT_307 -> write(out, 307, "text/plain", "", List.of("Location: /elsewhere"));
      case RESET_MID_RESPONSE -> {
        out.write(head(200, "application/json", 64, List.of()));
        out.write("{\"id\":".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.setSoLinger(true, 0);
        return false;
      }
      case NO_ANSWER -> {
        // Holds the connection until the client gives up or the vendor is closed.
        while (socket.getInputStream().read() != -1) {
          // Nothing is expected; whatever comes is ignored.
        }
        return false;
      }
      case BYTE_AT_A_TIME -> {
        byte[] body =
            "{\"id\":\"trickled-call\",\"status\":\"queued\"}".getBytes(StandardCharsets.UTF_8);
        out.write(head(200, "application/json", body.length, List.of()));
        out.flush();
        for (byte b : body) {
          Thread.sleep(TRICKLE_MILLIS);
          out.write(b);
          out.flush();
        }
      }
      case EMPTY -> write(out, 200, "application/json", "", List.of());
      case TRUNCATED -> {
        out.write(head(200, "application/json", 400, List.of()));
        out.write("{\"id\":\"cut".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return false;
      }
      case HTML ->
          write(
              out, 200, "text/html", "<!doctype html><html><body>Sign in</body></html>", List.of());
      case WRONG_SHAPE ->
          write(out, 200, "application/json", "{\"unexpected\":[1,2,3]}", List.of());
      case CLOSED, REFUSED -> {
        return false;
      }
    }
    return true;
  }

  private static void write(
      OutputStream out, int status, String type, String body, List<String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(head(status, type, bytes.length, headers));
    out.write(bytes);
    out.flush();
  }

  private static byte[] head(int status, String type, int length, List<String> headers) {
    StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " Fault\r\n");
    head.append("Content-Type: ").append(type).append("\r\n");
    head.append("Content-Length: ").append(length).append("\r\n");
    headers.forEach(header -> head.append(header).append("\r\n"));
    return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads one request, or null at the end of the connection. */
  private static Received read(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b == -1) {
        return null;
      }
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).strip();
        line.reset();
        if (text.isEmpty()) {
          break;
        }
        lines.add(text);
      } else {
        line.write(b);
      }
    }
    Map<String, String> headers = new HashMap<>();
    for (String header : lines.subList(1, lines.size())) {
      int colon = header.indexOf(':');
      if (colon > 0) {
        headers.put(
            header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            header.substring(colon + 1).strip());
      }
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    String[] requestLine = lines.get(0).split(" ");
    return new Received(requestLine[0], requestLine[1], headers, body);
  }
}
