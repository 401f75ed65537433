package dev.switchboard.flow;

import dev.switchboard.internal.Checks;
import java.net.URI;

/**
 * Continues the call with the flow served at a URL. When the fetched flow ends, the call ends; when
 * the fetch fails, the verbs after the redirect run.
 *
 * @param url where the next flow is served; absolute http or https
 * @param method how to fetch it, POST by default
 */
public record Redirect(URI url, RedirectMethod method) implements Verb {
  public static final RedirectMethod DEFAULT_METHOD = RedirectMethod.POST;

  public Redirect {
    Checks.httpUrl(url, "redirect.url");
    Checks.notNull(method, "redirect.method");
  }

  /** Redirects with a POST to {@code url}. */
  public static Redirect to(String url) {
    return new Redirect(Checks.httpUrl(url, "redirect.url"), DEFAULT_METHOD);
  }

  @Override
  public String name() {
    return "redirect";
  }

  @Override
  public <R> R accept(VerbVisitor<R> visitor) {
    return visitor.redirect(this);
  }
}
