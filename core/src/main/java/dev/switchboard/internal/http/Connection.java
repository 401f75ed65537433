package dev.switchboard.internal.http;

import dev.switchboard.webhook.WebhookServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, driven by the server's selector thread alone: it reads a request into
 * memory without blocking, hands it to the server only once it is complete, writes the answer
 * without blocking, then waits for the next request or closes. Every state but the handler's has a
 * deadline, so a client that stalls loses its connection rather than holding a thread or a slot.
 */
final class Connection {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  /**
   * How much a refused client may still send after its answer before the connection is cut. Until
   * then its bytes are read and thrown away: closing a socket with unread bytes resets it, and the
   * reset can destroy the answer before the client reads it.
   */
  private static final long MAX_DRAINED_BYTES = 16L * WebhookServer.MAX_BODY_BYTES;

  private static final long NO_DEADLINE = Long.MAX_VALUE;

  enum State {
    /** Between requests on a kept-alive connection, nothing of the next one received yet. */
    IDLE,
    /** Reading a request line and headers. */
    HEAD,
    /** Reading a request body. */
    BODY,
    /** The handler has the request; the connection waits for its answer. */
    HANDLING,
    /** Sending the answer. */
    WRITING,
    /** Answered for the last time and half-closed; reading until the client closes too. */
    DRAINING,
    CLOSED
  }

  private final SocketChannel channel;
  private final SelectionKey key;
  private final InetAddress client;
  private final WebhookServer.Options options;
  private final HttpServer server;

  /** Received bytes not taken yet, ready for reading; a head must fit in it whole. */
  private final ByteBuffer input = ByteBuffer.allocate(HttpServer.MAX_HEAD_BYTES).flip();

  private final Queue<ByteBuffer> output = new ArrayDeque<>();
  private final HeadReader heads = new HeadReader(HttpServer.MAX_HEAD_BYTES);
  private State state = State.HEAD;
  private long deadline;
  private RequestHead head;
  private BodyReader body;
  private boolean continueOwed;

  /**
   * Whether to go on reading while a request is handled. A client waiting for its answer sends
   * nothing, so the socket stays registered for reading: changing the registration twice for every
   * request was two system calls each.
   */
  private boolean readAhead = true;

  private boolean closeAfterWrite;
  private long drained;

  Connection(
      SocketChannel channel,
      SelectionKey key,
      InetAddress client,
      WebhookServer.Options options,
      HttpServer server,
      long now) {
    this.channel = channel;
    this.key = key;
    this.client = client;
    this.options = options;
    this.server = server;
    this.deadline = now + options.headerTimeout().toNanos();
  }

  InetAddress client() {
    return client;
  }

  /** Whether the connection's current step has run out of time; the handler's never does. */
  boolean expired(long now) {
    return deadline != NO_DEADLINE && now - deadline >= 0;
  }

  /** The socket has bytes to read, or the client closed its side. */
  void onReadable(long now) {
    if (state == State.WRITING || state == State.CLOSED) {
      return; // readiness reported before the state changed in the same round of the selector
    }
    int read;
    input.compact();
    try {
      read = channel.read(input);
    } catch (IOException e) {
      LOG.debug("Read from {} failed: {}", client, e.toString());
      close();
      return;
    } finally {
      input.flip();
    }
    if (state == State.HANDLING) {
      // The client sent more while its request is handled: a pipelined request, kept for after the
      // answer, or its end, which is acted on after the answer too. Either stops the reading, so
      // that readiness which nothing can take is not reported again and again.
      if (read < 0 || input.limit() == input.capacity()) {
        readAhead = false;
        updateInterest();
      }
      return;
    }
    if (read < 0) {
      close();
      return;
    }
    if (state == State.DRAINING) {
      drained += input.remaining();
      input.position(input.limit());
      if (drained > MAX_DRAINED_BYTES) {
        close();
      }
      return;
    }
    if (state == State.IDLE && input.hasRemaining()) {
      // The next request has begun: from here its head has the head's deadline.
      state = State.HEAD;
      deadline = now + options.headerTimeout().toNanos();
    }
    advance(now);
  }

  /** The socket can take more of the answer. */
  void onWritable(long now) {
    flush(now);
  }

  /**
   * Sends the handler's answer to the request handed over last.
   *
   * @param close whether to close the connection after it
   */
  void respond(ByteBuffer response, boolean close, long now) {
    if (state == State.CLOSED) {
      return;
    }
    closeAfterWrite |= close;
    startWriting(response, now);
  }

  /**
   * Stops taking requests because the server is closing: a connection between requests or in the
   * middle of one closes now; one whose request is being handled closes after its answer.
   */
  void shutdown() {
    switch (state) {
      case IDLE, HEAD, BODY -> close();
      case HANDLING, WRITING -> closeAfterWrite = true;
      case DRAINING, CLOSED -> {}
    }
  }

  void close() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    key.cancel();
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("Closing the connection from {} failed: {}", client, e.toString());
    }
    server.forget(this);
  }

  /** Takes as much of the next request as has arrived; hands it to the server once complete. */
  private void advance(long now) {
    try {
      if (state == State.HEAD) {
        head = heads.read(input);
        if (head == null) {
          return;
        }
        body = BodyReader.of(head, WebhookServer.MAX_BODY_BYTES);
        continueOwed = head.expectsContinue();
        state = State.BODY;
        deadline = now + options.bodyTimeout().toNanos();
      }
      if (state == State.BODY) {
        if (body.read(input)) {
          state = State.HANDLING;
          deadline = NO_DEADLINE;
          updateInterest();
          server.dispatch(this, head, body.body());
        } else if (continueOwed) {
          continueOwed = false;
          output.add(ResponseEncoder.continueResponse());
          flush(now);
        }
      }
    } catch (HttpException e) {
      LOG.debug("Refused a request from {}: {} {}", client, e.status(), e.getMessage());
      input.position(input.limit());
      closeAfterWrite = true;
      startWriting(ResponseEncoder.refusal(e), now);
    }
  }

  private void startWriting(ByteBuffer response, long now) {
    output.add(response);
    state = State.WRITING;
    // A client that does not read its answer gets as long as a body would to arrive.
    deadline = now + options.bodyTimeout().toNanos();
    flush(now);
  }

  private void flush(long now) {
    try {
      while (!output.isEmpty()) {
        ByteBuffer next = output.peek();
        channel.write(next);
        if (next.hasRemaining()) {
          break;
        }
        output.remove();
      }
      if (output.isEmpty() && state == State.WRITING) {
        finishResponse(now);
      } else {
        updateInterest();
      }
    } catch (IOException e) {
      LOG.debug("Write to {} failed: {}", client, e.toString());
      close();
    }
  }

  private void finishResponse(long now) throws IOException {
    head = null;
    body = null;
    readAhead = true;
    if (closeAfterWrite) {
      state = State.DRAINING;
      deadline = now + options.bodyTimeout().toNanos();
      drained = input.remaining();
      input.position(input.limit());
      // The client sees the end of the answer; reading on spares it a reset while it still sends.
      channel.shutdownOutput();
    } else if (input.hasRemaining()) {
      state = State.HEAD; // a pipelined request is already here
      deadline = now + options.headerTimeout().toNanos();
    } else {
      state = State.IDLE;
      deadline = now + options.idleTimeout().toNanos();
    }
    updateInterest();
    advance(now);
  }

  private void updateInterest() {
    int ops =
        switch (state) {
          case IDLE, HEAD, BODY, DRAINING -> SelectionKey.OP_READ;
          case HANDLING -> readAhead ? SelectionKey.OP_READ : 0;
          case WRITING, CLOSED -> 0;
        };
    if (!output.isEmpty()) {
      ops |= SelectionKey.OP_WRITE;
    }
    if (key.isValid()) {
      key.interestOps(ops);
    }
  }
}
