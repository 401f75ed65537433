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
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What stands in front of replicas: an HTTP server that forwards each request, as it came, to one
 * of the replicas' own webhook servers picked at random, and relays the answer.
 */
final class LoadBalancer implements AutoCloseable {
  private final List<URI> replicas;
  private final Random random;
  private final AtomicIntegerArray forwarded;
  private final WebhookServer server;

  LoadBalancer(List<URI> replicas, long seed) {
    this.replicas = List.copyOf(replicas);
    this.random = new Random(seed);
    this.forwarded = new AtomicIntegerArray(replicas.size());
    try {
      this.server =
          WebhookServer.start(
              this::forward, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI url() {
    return server.localUrl();
  }

  /** How many requests went to replica {@code index}. */
  int forwardedTo(int index) {
    return forwarded.get(index);
  }

  private WebhookResponse forward(WebhookRequest request) {
    int to;
    synchronized (random) {
      to = random.nextInt(replicas.size());
    }
    forwarded.incrementAndGet(to);
    try {
      HttpURLConnection out =
          (HttpURLConnection)
              replicas.get(to).resolve(request.uri().toString()).toURL().openConnection();
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
