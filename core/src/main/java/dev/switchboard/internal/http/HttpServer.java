package dev.switchboard.internal.http;

import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP/1.1 server behind {@link WebhookServer}. One selector thread accepts connections and
 * reads requests without blocking; a pool of handler threads runs the handler on complete requests
 * only; the selector thread writes the answers without blocking. A client that sends slowly or
 * reads slowly therefore holds a few kilobytes and a connection slot until its deadline, never a
 * handler thread.
 *
 * <p>Connections and their bookkeeping belong to the selector thread; handler threads and {@link
 * #close()} reach them only through tasks the selector thread runs.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  /** The largest request head (request line and headers) accepted; larger ones get 431. */
  static final int MAX_HEAD_BYTES = 16 * 1024;

  /** How long {@link #close()} lets running handlers finish. */
  private static final Duration HANDLER_GRACE = Duration.ofSeconds(5);

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Function<WebhookRequest, WebhookResponse> handler;
  private final WebhookServer.Options options;
  private final Selector selector;
  private final ServerSocketChannel listener;
  private final InetSocketAddress address;
  private final ExecutorService handlers;
  private final Thread selectorThread;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean closing = new AtomicBoolean();

  // Selector thread only.
  private final Set<Connection> connections = new HashSet<>();
  private final Map<InetAddress, Integer> connectionsByClient = new HashMap<>();
  private boolean running = true;

  private HttpServer(
      Function<WebhookRequest, WebhookResponse> handler,
      WebhookServer.Options options,
      Selector selector,
      ServerSocketChannel listener)
      throws IOException {
    this.handler = handler;
    this.options = options;
    this.selector = selector;
    this.listener = listener;
    this.address = (InetSocketAddress) listener.getLocalAddress();
    this.handlers =
        Executors.newFixedThreadPool(
            options.threads(),
            task -> daemon(task, "switchboard-webhook-" + THREADS.incrementAndGet()));
    this.selectorThread =
        daemon(this::run, "switchboard-webhook-selector-" + THREADS.incrementAndGet());
  }

  /**
   * Binds {@code options.address()} and starts serving every request with {@code handler}.
   *
   * @throws IOException when the address cannot be bound
   */
  public static HttpServer start(
      Function<WebhookRequest, WebhookResponse> handler, WebhookServer.Options options)
      throws IOException {
    Selector selector = Selector.open();
    ServerSocketChannel listener = ServerSocketChannel.open();
    HttpServer server;
    try {
      // A restarted server can bind again while the last run's connections linger in TIME_WAIT.
      listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      listener.bind(options.address(), options.maxConnections());
      listener.configureBlocking(false);
      listener.register(selector, SelectionKey.OP_ACCEPT);
      server = new HttpServer(handler, options, selector, listener);
    } catch (IOException | RuntimeException e) {
      closeQuietly(listener);
      closeQuietly(selector);
      throw e;
    }
    server.selectorThread.start();
    return server;
  }

  /** The address the server listens on, with the port it was given when asked for any. */
  public InetSocketAddress address() {
    return address;
  }

  /**
   * Stops accepting connections and requests, lets the handlers running finish (for up to five
   * seconds, then interrupts them), sends their answers, and closes every connection. Returns at
   * once when no handler is running.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    post(this::stopAccepting);
    handlers.shutdown();
    boolean interrupted = false;
    try {
      if (!handlers.awaitTermination(HANDLER_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        handlers.shutdownNow();
      }
    } catch (InterruptedException e) {
      handlers.shutdownNow();
      interrupted = true;
    }
    // Queued after the last handler's answer, so that answer is written before the loop ends.
    post(() -> running = false);
    try {
      selectorThread.join(HANDLER_GRACE.toMillis());
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Hands a complete request to the handler pool; called by a connection. */
  void dispatch(Connection connection, RequestHead head, byte[] body) {
    try {
      handlers.execute(() -> handle(connection, head, body));
    } catch (RejectedExecutionException closing) {
      connection.close();
    }
  }

  /** Forgets a connection that closed; called by the connection. */
  void forget(Connection connection) {
    connections.remove(connection);
    connectionsByClient.computeIfPresent(connection.client(), (client, n) -> n == 1 ? null : n - 1);
  }

  private void run() {
    long sweepNanos = sweepInterval().toNanos();
    long nextSweep = System.nanoTime() + sweepNanos;
    try {
      while (running) {
        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(sweepNanos)));
        Runnable task;
        while ((task = tasks.poll()) != null) {
          task.run();
        }
        long now = System.nanoTime();
        Iterator<SelectionKey> selected = selector.selectedKeys().iterator();
        while (selected.hasNext()) {
          SelectionKey key = selected.next();
          selected.remove();
          if (key.isValid()) {
            serve(key, now);
          }
        }
        if (now - nextSweep >= 0) {
          closeExpired(now);
          nextSweep = now + sweepNanos;
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("Webhook server stopped: its selector failed", e);
    } finally {
      List.copyOf(connections).forEach(Connection::close);
      closeQuietly(listener);
      closeQuietly(selector);
    }
  }

  private void serve(SelectionKey key, long now) {
    if (key.channel() == listener) {
      accept(now);
      return;
    }
    Connection connection = (Connection) key.attachment();
    try {
      if (key.isWritable()) {
        connection.onWritable(now);
      }
      if (key.isValid() && key.isReadable()) {
        connection.onReadable(now);
      }
    } catch (RuntimeException e) {
      // A bug in one connection's handling must not stop the server for every other client.
      LOG.error("Webhook connection from {} failed", connection.client(), e);
      connection.close();
    }
  }

  private void accept(long now) {
    while (true) {
      SocketChannel channel;
      try {
        channel = listener.accept();
      } catch (IOException e) {
        LOG.warn("Accepting a webhook connection failed: {}", e.toString());
        return;
      }
      if (channel == null) {
        return;
      }
      try {
        InetAddress client = ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
        if (!admits(client)) {
          LOG.debug("Refused a connection from {}: too many connections", client);
          channel.close();
          continue;
        }
        channel.configureBlocking(false);
        // Without it a small answer written after a read waits for the client's delayed ACK.
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
        Connection connection = new Connection(channel, key, client, options, this, now);
        key.attach(connection);
        connections.add(connection);
        connectionsByClient.merge(client, 1, Integer::sum);
      } catch (IOException e) {
        LOG.debug("Setting up a webhook connection failed: {}", e.toString());
        closeQuietly(channel);
      }
    }
  }

  private boolean admits(InetAddress client) {
    int perClient = options.maxConnectionsPerClient();
    return connections.size() < options.maxConnections()
        && (perClient == 0 || connectionsByClient.getOrDefault(client, 0) < perClient);
  }

  private void closeExpired(long now) {
    for (Connection connection : List.copyOf(connections)) {
      if (connection.expired(now)) {
        LOG.debug("Closed the connection from {}: past its deadline", connection.client());
        connection.close();
      }
    }
  }

  private void stopAccepting() {
    closeQuietly(listener);
    List.copyOf(connections).forEach(Connection::shutdown);
  }

  /** Runs on a handler thread. */
  private void handle(Connection connection, RequestHead head, byte[] body) {
    boolean close = closing.get() || !head.keepAlive();
    ByteBuffer response = null;
    try {
      response = ResponseEncoder.encode(answer(head, body), head, close);
    } catch (RuntimeException e) {
      LOG.error("Webhook request failed", e);
      response = ResponseEncoder.encode(WebhookResponse.serverError(), head, close);
    } finally {
      // Even when the handler died of an Error, the connection must not wait for it forever.
      ByteBuffer answered = response;
      post(
          () -> {
            if (answered == null) {
              connection.close();
            } else {
              connection.respond(answered, close, System.nanoTime());
            }
          });
    }
  }

  private WebhookResponse answer(RequestHead head, byte[] body) {
    WebhookRequest request =
        WebhookRequest.builder()
            .method(head.method())
            .uri(head.uri())
            .headers(head.headers())
            .body(body)
            .build();
    return handler.apply(request);
  }

  private void post(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  /** Often enough that deadlines are kept to about a tenth, rarely enough to cost nothing. */
  private Duration sweepInterval() {
    Duration shortest = options.headerTimeout();
    for (Duration timeout : List.of(options.bodyTimeout(), options.idleTimeout())) {
      if (timeout.compareTo(shortest) < 0) {
        shortest = timeout;
      }
    }
    Duration tenth = shortest.dividedBy(10);
    Duration floor = Duration.ofMillis(10);
    Duration ceiling = Duration.ofMillis(500);
    return tenth.compareTo(floor) < 0 ? floor : tenth.compareTo(ceiling) > 0 ? ceiling : tenth;
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      LOG.debug("Closing {} failed: {}", closeable, e.toString());
    }
  }
}
