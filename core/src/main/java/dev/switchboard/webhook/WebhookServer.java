package dev.switchboard.webhook;

import dev.switchboard.VoiceClient;
import dev.switchboard.internal.http.HttpServer;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server that hands every request to {@link VoiceClient#handleWebhook} and answers
 * with its response. An application needs nothing else to receive calls and events.
 *
 * <p>Requests are read without blocking on one thread and handed to the handler threads only once
 * complete, within deadlines and size limits (see {@link Options}), so clients that send or read
 * slowly cannot take the handlers away from the vendor's requests. Small answers are sent at once
 * (TCP_NODELAY), not held back for the client's acknowledgement.
 *
 * <p>{@link #start(VoiceClient, int)} listens on the loopback interface only, for a server behind a
 * reverse proxy or tunnel on the same machine. A server that vendors reach directly is started with
 * the address to listen on, e.g. {@code new InetSocketAddress(8080)} for every interface.
 */
public final class WebhookServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);

  /** Bodies larger than this are refused with 413; vendors' callbacks are a few hundred bytes. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private final HttpServer server;

  private WebhookServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts a server for {@code client} on the loopback address 127.0.0.1 at {@code port} (0 for any
   * free port), with the default {@link Options}.
   *
   * @throws IOException when the port cannot be bound
   */
  public static WebhookServer start(VoiceClient client, int port) throws IOException {
    return start(client, new InetSocketAddress("127.0.0.1", port), Options.DEFAULT_THREADS);
  }

  /**
   * Starts a server for {@code client} at {@code address}, handling up to {@code threads} requests
   * at once, with the default {@link Options} otherwise.
   *
   * @throws IOException when the address cannot be bound
   */
  public static WebhookServer start(VoiceClient client, InetSocketAddress address, int threads)
      throws IOException {
    return start(request -> client.handleWebhook(request).response(), address, threads);
  }

  /**
   * Starts a server that answers every request with {@code handler}, for adapters and test servers
   * that need the same HTTP handling without a {@link VoiceClient} (or before one exists), at
   * {@code address}, handling up to {@code threads} requests at once, with the default {@link
   * Options} otherwise. A handler that throws is logged and its request answered 500.
   *
   * @throws IOException when the address cannot be bound
   */
  public static WebhookServer start(
      Function<WebhookRequest, WebhookResponse> handler, InetSocketAddress address, int threads)
      throws IOException {
    return start(handler, Options.builder().address(address).threads(threads).build());
  }

  /**
   * Starts a server that answers every request with {@code handler}, as {@code options} say. A
   * handler that throws is logged and its request answered 500.
   *
   * @throws IOException when the address cannot be bound
   */
  public static WebhookServer start(
      Function<WebhookRequest, WebhookResponse> handler, Options options) throws IOException {
    Objects.requireNonNull(handler, "handler");
    HttpServer server = HttpServer.start(handler, options);
    LOG.info("Webhook server listening on {}", server.address());
    return new WebhookServer(server);
  }

  /** The port the server listens on. */
  public int port() {
    return server.address().getPort();
  }

  /**
   * The server's URL on this machine, e.g. {@code http://127.0.0.1:8080}, for tests and local
   * tools: the loopback address when the server listens on every interface, else its own address.
   */
  public URI localUrl() {
    InetAddress bound = server.address().getAddress();
    String host;
    if (bound.isAnyLocalAddress()) {
      host = "127.0.0.1";
    } else if (bound instanceof Inet6Address) {
      host = "[" + bound.getHostAddress() + "]";
    } else {
      host = bound.getHostAddress();
    }
    return URI.create("http://" + host + ":" + port());
  }

  /**
   * Stops accepting connections, lets the requests being handled finish (for up to five seconds)
   * and answers them, then closes every connection. Returns at once when no request is being
   * handled.
   */
  @Override
  public void close() {
    server.close();
  }

  /**
   * How a {@link WebhookServer} listens, and the limits that keep slow or numerous clients from
   * starving the vendor's requests. Build one with {@link #builder()}; every value has a default.
   *
   * @param address where to listen; default 127.0.0.1 on any free port
   * @param threads how many requests are handled at once; default 8
   * @param maxConnections how many connections are open at once; a connection beyond it is closed
   *     at once; default 1,000
   * @param maxConnectionsPerClient how many connections one client address may hold open at once, 0
   *     for no limit; default 0. Vendors send from few addresses, so a limit must allow for their
   *     concurrency
   * @param headerTimeout how long a request's line and headers may take to arrive, from the
   *     connection's opening or, on a kept-alive connection, from the request's first byte; default
   *     10 seconds
   * @param bodyTimeout how long a request's body may take to arrive once its headers have, and how
   *     long a client may take to read its answer; default 10 seconds
   * @param idleTimeout how long a kept-alive connection may wait for its next request; default 30
   *     seconds
   */
  public record Options(
      InetSocketAddress address,
      int threads,
      int maxConnections,
      int maxConnectionsPerClient,
      Duration headerTimeout,
      Duration bodyTimeout,
      Duration idleTimeout) {
    static final int DEFAULT_THREADS = 8;

    /** Checks every value. */
    public Options {
      Objects.requireNonNull(address, "address");
      positive(threads, "threads");
      positive(maxConnections, "maxConnections");
      if (maxConnectionsPerClient < 0) {
        throw new IllegalArgumentException(
            "maxConnectionsPerClient must be 0 (no limit) or positive, was "
                + maxConnectionsPerClient);
      }
      positive(headerTimeout, "headerTimeout");
      positive(bodyTimeout, "bodyTimeout");
      positive(idleTimeout, "idleTimeout");
    }

    /** A builder with every value at its default. */
    public static Builder builder() {
      return new Builder();
    }

    private static void positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
    }

    private static void positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
    }

    /** Builds {@link Options}; see there for each value's meaning and default. */
    public static final class Builder {
      private InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
      private int threads = DEFAULT_THREADS;
      private int maxConnections = 1_000;
      private int maxConnectionsPerClient = 0;
      private Duration headerTimeout = Duration.ofSeconds(10);
      private Duration bodyTimeout = Duration.ofSeconds(10);
      private Duration idleTimeout = Duration.ofSeconds(30);

      private Builder() {}

      /** Where to listen, e.g. {@code new InetSocketAddress(8080)} for every interface. */
      public Builder address(InetSocketAddress address) {
        this.address = address;
        return this;
      }

      /** How many requests are handled at once. */
      public Builder threads(int threads) {
        this.threads = threads;
        return this;
      }

      /** How many connections are open at once. */
      public Builder maxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
        return this;
      }

      /** How many connections one client address may hold open at once; 0 for no limit. */
      public Builder maxConnectionsPerClient(int maxConnectionsPerClient) {
        this.maxConnectionsPerClient = maxConnectionsPerClient;
        return this;
      }

      /** How long a request's line and headers may take to arrive. */
      public Builder headerTimeout(Duration headerTimeout) {
        this.headerTimeout = headerTimeout;
        return this;
      }

      /** How long a request's body, or the client's reading of its answer, may take. */
      public Builder bodyTimeout(Duration bodyTimeout) {
        this.bodyTimeout = bodyTimeout;
        return this;
      }

      /** How long a kept-alive connection may wait for its next request. */
      public Builder idleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
        return this;
      }

      /**
       * The options.
       *
       * @throws IllegalArgumentException when a value is out of range
       */
      public Options build() {
        return new Options(
            address,
            threads,
            maxConnections,
            maxConnectionsPerClient,
            headerTimeout,
            bodyTimeout,
            idleTimeout);
      }
    }
  }
}
