package dev.switchboard.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The Voxtelesys API as the call watcher meets it in a benchmark: a complete, empty call listing on
 * loopback, so that every watched call ends as the vendor stops listing it, and what a benchmark's
 * calls leave behind ends with them.
 */
final class EmptyCallListing implements AutoCloseable {
  private static final byte[] LISTING =
      "{\"results\":[],\"page\":1,\"page_count\":1}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;

  EmptyCallListing() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the call listing stub", e);
    }
    server.createContext("/api/v1/calls", new FixedResponse("application/json", LISTING));
    server.start();
  }

  /** The base URL to configure as the Voxtelesys API's. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
