package dev.switchboard.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;

/** A JDK {@code HttpServer} handler that reads the request and answers 200 with the same bytes. */
final class FixedResponse implements HttpHandler {
  private final String contentType;
  private final byte[] body;

  FixedResponse(String contentType, byte[] body) {
    this.contentType = contentType;
    this.body = body;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
