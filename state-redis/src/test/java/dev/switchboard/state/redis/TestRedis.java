package dev.switchboard.state.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * A real Redis server for tests, started from the binary packaged with embedded-redis on a free
 * loopback port; nothing is needed on the machine but Java.
 */
final class TestRedis implements AutoCloseable {
  private final int port;
  private RedisServer server;

  TestRedis() {
    this.port = freePort();
    start();
  }

  /** Starts (or starts again, on the same port) the server. */
  void start() {
    try {
      server =
          RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the test Redis on port " + port, e);
    }
  }

  /** Stops the server, as a crash would for its clients. */
  void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
