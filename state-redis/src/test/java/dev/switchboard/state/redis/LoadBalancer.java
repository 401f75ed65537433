package dev.switchboard.state.redis;

import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What stands in front of replicas: an HTTP server that forwards each request, as it came, to one
 * of the replicas' own webhook servers picked at random, and relays the answer.
 */
final class LoadBalancer implements AutoCloseable {
  private volatile List<URI> replicas;
  private final Random random;
  private final Map<URI, AtomicInteger> forwarded = new ConcurrentHashMap<>();
  private final Map<URI, Integer> inFlight = new HashMap<>();
  private final List<WebhookRequest> received = new CopyOnWriteArrayList<>();
  private final WebhookServer server;

  LoadBalancer(List<URI> replicas, long seed) {
    this.replicas = List.copyOf(replicas);
    this.random = new Random(seed);
    try {
      this.server =
          WebhookServer.start(
              this::receive, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI url() {
    return server.localUrl();
  }

  /** From now on, forwards only to {@code replicas}, as a balancer does once one is taken out. */
  synchronized void route(List<URI> replicas) {
    this.replicas = List.copyOf(replicas);
  }

  /**
   * Waits until no request forwarded to {@code replica} is still waiting for its answer: once it is
   * out of the balancer, it can then be stopped without losing one.
   */
  synchronized void drain(URI replica) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (inFlight.getOrDefault(replica, 0) > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException(replica + " did not drain within a minute");
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Picks a replica and counts the request in flight to it, in one step with {@link #route}. */
  private synchronized URI pick() {
    if (replicas.isEmpty()) {
      return null;
    }
    URI replica = replicas.get(random.nextInt(replicas.size()));
    inFlight.merge(replica, 1, Integer::sum);
    return replica;
  }

  private synchronized void done(URI replica) {
    inFlight.merge(replica, -1, Integer::sum);
    notifyAll();
  }

  /** How many requests went to {@code replica}. */
  int forwardedTo(URI replica) {
    AtomicInteger count = forwarded.get(replica);
    return count == null ? 0 : count.get();
  }

  /** How many requests were forwarded in all. */
  int forwarded() {
    return forwarded.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Every request that came in, in order. */
  List<WebhookRequest> received() {
    return List.copyOf(received);
  }

  /** Sends {@code request} again, as a vendor's retry would, to whichever replica is picked. */
  WebhookResponse resend(WebhookRequest request) {
    return forward(request);
  }

  private WebhookResponse receive(WebhookRequest request) {
    received.add(request);
    return forward(request);
  }

  private WebhookResponse forward(WebhookRequest request) {
    URI replica = pick();
    if (replica == null) {
      return WebhookResponse.unavailable();
    }
    forwarded.computeIfAbsent(replica, r -> new AtomicInteger()).incrementAndGet();
    try {
      return sendTo(replica, request);
    } finally {
      done(replica);
    }
  }

  /** Sends {@code request} to {@code replica} itself, past the balancer, and returns its answer. */
  static WebhookResponse sendTo(URI replica, WebhookRequest request) {
    try {
      HttpURLConnection out =
          (HttpURLConnection) replica.resolve(request.uri().toString()).toURL().openConnection();
      out.setRequestMethod(request.method());
      out.setConnectTimeout(10_000);
      out.setReadTimeout(60_000);
      request.contentType().ifPresent(type -> out.setRequestProperty("Content-Type", type));
      if (request.body().length > 0) {
        out.setDoOutput(true);
        try (OutputStream body = out.getOutputStream()) {
          body.write(request.body());
        }
      }
      int status = out.getResponseCode();
      InputStream in = status >= 400 ? out.getErrorStream() : out.getInputStream();
      String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String type = out.getContentType() == null ? "text/plain" : out.getContentType();
      out.disconnect();
      return new WebhookResponse(status, type, body);
    } catch (IOException e) {
      return WebhookResponse.unavailable();
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
