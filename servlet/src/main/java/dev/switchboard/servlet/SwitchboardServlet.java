package dev.switchboard.servlet;

import dev.switchboard.VoiceClient;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Switchboard's webhooks from the application's own Servlet 6 container: map it at the path
 * of {@code switchboard.webhook.base-url} (e.g. {@code /hooks/*} for {@code
 * https://app.example/hooks}), and every callback a vendor sends there goes to the {@link
 * VoiceClient}, as with the built-in {@link WebhookServer}: a forged or replayed callback gets 403,
 * a body over {@value WebhookServer#MAX_BODY_BYTES} bytes 413, an unreadable one 400, and no answer
 * ever carries a stack trace.
 *
 * <p>The request the client sees is the one the vendor sent: the path from the servlet's context on
 * (the part the signed URL was built from, once the base URL's path is taken off), the raw query
 * string, the headers and the body, read as bytes so that a form body is not consumed by the
 * container's parameter parsing.
 */
public class SwitchboardServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SwitchboardServlet.class);

  /** Not serialised: a container that passivates servlets recreates this one from its factory. */
  private final transient Function<WebhookRequest, WebhookResponse> handler;

  /** Answers every request with {@code client}'s webhook handling. */
  public SwitchboardServlet(VoiceClient client) {
    this(handling(client));
  }

  private static Function<WebhookRequest, WebhookResponse> handling(VoiceClient client) {
    Objects.requireNonNull(client, "client");
    return request -> client.handleWebhook(request).response();
  }

  /** Answers every request with {@code handler}, for adapters that wrap the client. */
  public SwitchboardServlet(Function<WebhookRequest, WebhookResponse> handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body;
    try {
      body = body(request);
    } catch (TooLarge e) {
      write(response, new WebhookResponse(413, "text/plain; charset=utf-8", "body too large"));
      return;
    } catch (IOException e) {
      LOG.warn("Unreadable webhook body from {}: {}", request.getRemoteAddr(), e.getMessage());
      write(response, WebhookResponse.badRequest("unreadable body"));
      return;
    }
    WebhookResponse answer;
    try {
      answer = handler.apply(webhookRequest(request, body));
    } catch (IllegalArgumentException e) {
      // A request line or header the model refuses, such as a malformed URI.
      write(response, WebhookResponse.badRequest("malformed request"));
      return;
    } catch (RuntimeException e) {
      LOG.error("Webhook {} {} failed", request.getMethod(), request.getRequestURI(), e);
      answer = WebhookResponse.serverError();
    }
    write(response, answer);
  }

  private static WebhookRequest webhookRequest(HttpServletRequest request, byte[] body) {
    String path = request.getRequestURI();
    String query = request.getQueryString();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, List.copyOf(Collections.list(request.getHeaders(name))));
    }
    return WebhookRequest.builder()
        .method(request.getMethod())
        .uri(query == null ? path : path + "?" + query)
        .headers(headers)
        .body(body)
        .build();
  }

  /** The body as sent, refused past the built-in server's limit before it is all read. */
  private static byte[] body(HttpServletRequest request) throws IOException {
    long announced = request.getContentLengthLong();
    if (announced > WebhookServer.MAX_BODY_BYTES) {
      throw new TooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] read = in.readNBytes(WebhookServer.MAX_BODY_BYTES + 1);
      if (read.length > WebhookServer.MAX_BODY_BYTES) {
        throw new TooLarge();
      }
      return read;
    }
  }

  private static void write(HttpServletResponse response, WebhookResponse answer)
      throws IOException {
    response.setStatus(answer.status());
    response.setContentType(answer.contentType());
    answer.headers().forEach(response::setHeader);
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    try (OutputStream out = response.getOutputStream()) {
      out.write(bytes);
    }
  }

  /** A body over the limit. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }
}
