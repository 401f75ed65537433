package dev.switchboard.webhook;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to answer a vendor's webhook request with.
 *
 * @param status the HTTP status
 * @param contentType the body's media type
 * @param body the body, UTF-8
 * @param headers further response headers, such as {@code Allow} on a 405
 */
public record WebhookResponse(
    int status, String contentType, String body, Map<String, String> headers) {
  public WebhookResponse {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  /** A response with no further headers. */
  public WebhookResponse(int status, String contentType, String body) {
    this(status, contentType, body, Map.of());
  }

  /** 200 with an empty body: the vendor only needs to know the request arrived. */
  public static WebhookResponse ok() {
    return new WebhookResponse(200, "text/plain; charset=utf-8", "");
  }

  /** 200 with an XML document, e.g. VoxXML for an incoming call. */
  public static WebhookResponse xml(String xml) {
    return new WebhookResponse(200, "application/xml; charset=utf-8", xml);
  }

  /** 200 with plain text. */
  public static WebhookResponse text(String text) {
    return new WebhookResponse(200, "text/plain; charset=utf-8", text);
  }

  /** 403: the request was not signed by this application. */
  public static WebhookResponse forbidden() {
    return new WebhookResponse(403, "text/plain; charset=utf-8", "invalid or missing signature");
  }

  /**
   * 405: the vendor never uses this method on this URL. {@code Allow} lists the methods it does.
   */
  public static WebhookResponse methodNotAllowed(Set<String> allowed) {
    String methods = String.join(", ", new TreeSet<>(allowed));
    return new WebhookResponse(
        405, "text/plain; charset=utf-8", "method not allowed", Map.of("Allow", methods));
  }

  /** 400 with a short reason; never a stack trace. */
  public static WebhookResponse badRequest(String reason) {
    return new WebhookResponse(400, "text/plain; charset=utf-8", reason);
  }

  /**
   * 503: this instance cannot handle the request now (its state store is unreachable), and the
   * vendor should send it again.
   */
  public static WebhookResponse unavailable() {
    return new WebhookResponse(503, "text/plain; charset=utf-8", "unavailable, retry later");
  }

  /** 500 with a fixed text, so that no internal detail leaks to the caller. */
  public static WebhookResponse serverError() {
    return new WebhookResponse(500, "text/plain; charset=utf-8", "internal error");
  }
}
