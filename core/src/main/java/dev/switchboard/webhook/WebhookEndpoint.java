package dev.switchboard.webhook;

import java.util.Objects;
import java.util.Set;

/**
 * One kind of callback URL a provider signs: its path below the webhook base URL, the methods its
 * vendor calls it with, and whether each URL is bound to one call or conference. Requests to any
 * other path are refused (403), and other methods on this path are refused (405), before the
 * provider reads them.
 *
 * @param path e.g. {@code /voxtelesys/callback}; starts with {@code /}
 * @param methods the HTTP methods the vendor uses, upper case
 * @param bound whether every request must name the call or conference its URL was issued for; only
 *     an endpoint that creates calls (incoming calls) is unbound
 */
public record WebhookEndpoint(String path, Set<String> methods, boolean bound) {
  public WebhookEndpoint {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    methods = Set.copyOf(methods);
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("an endpoint needs at least one method: " + path);
    }
  }

  /** An endpoint whose every request speaks for the one call or conference its URL names. */
  public static WebhookEndpoint bound(String path, String... methods) {
    return new WebhookEndpoint(path, Set.of(methods), true);
  }

  /** An endpoint whose requests announce new calls, such as a number's incoming-call URL. */
  public static WebhookEndpoint unbound(String path, String... methods) {
    return new WebhookEndpoint(path, Set.of(methods), false);
  }
}
