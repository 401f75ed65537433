package dev.switchboard.webhook;

import dev.switchboard.internal.FormCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request a vendor sent to the application, independent of any web framework: method, URI
 * (path and query), headers, and body. Query and form parameters are decoded from the URI and, for
 * {@code application/x-www-form-urlencoded} bodies, from the body.
 */
public final class WebhookRequest {
  private final String method;
  private final URI uri;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> form;

  /** The body as text, decoded on first read: most handlers read it once or more, some never. */
  private volatile String text;

  private WebhookRequest(Builder builder) {
    this.method = Objects.requireNonNull(builder.method, "method").toUpperCase(Locale.ROOT);
    this.uri = Objects.requireNonNull(builder.uri, "uri");
    this.headers = Collections.unmodifiableMap(builder.handOffHeaders());
    // The builder copied the caller's bytes and never changes an array it holds, so it is shared.
    this.body = builder.body;
    this.query = FormCodec.decode(uri.getRawQuery());
    this.form =
        contentType().map(t -> t.startsWith("application/x-www-form-urlencoded")).orElse(false)
            ? FormCodec.decode(new String(body, StandardCharsets.UTF_8))
            : Map.of();
  }

  /** This request at {@code uri}, sharing its method, headers and body, which never change. */
  private WebhookRequest(WebhookRequest request, URI uri) {
    this.method = request.method;
    this.uri = uri;
    this.headers = request.headers;
    this.body = request.body;
    this.query = FormCodec.decode(uri.getRawQuery());
    this.form = request.form;
    this.text = request.text;
  }

  /** This request with another URI; nothing else is copied. */
  WebhookRequest withUri(URI uri) {
    return new WebhookRequest(this, Objects.requireNonNull(uri, "uri"));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The HTTP method in upper case. */
  public String method() {
    return method;
  }

  /** The request URI as received: path and query, possibly absolute. */
  public URI uri() {
    return uri;
  }

  /** The decoded path, e.g. {@code /hoiio/notify}. */
  public String path() {
    return uri.getPath() == null ? "" : uri.getPath();
  }

  /** Headers by case-insensitive name. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header, if present. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The media type of the body in lower case, without parameters such as charset. */
  public Optional<String> contentType() {
    return header("Content-Type").map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT));
  }

  /** Decoded query-string parameters, in order of appearance. */
  public Map<String, List<String>> query() {
    return query;
  }

  /** Decoded form-body parameters; empty unless the body is form-encoded. */
  public Map<String, List<String>> form() {
    return form;
  }

  /**
   * Query and form parameters together, first value of each, form values winning. Vendors differ in
   * where they put callback fields (Hoiio documents the query string, its SDKs read the body), so
   * parsers read both.
   */
  public Map<String, String> parameters() {
    Map<String, String> merged = new LinkedHashMap<>();
    query.forEach((k, v) -> merged.put(k, v.get(0)));
    form.forEach((k, v) -> merged.put(k, v.get(0)));
    return merged;
  }

  /** The raw body. */
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    String decoded = text;
    if (decoded == null) {
      decoded = new String(body, StandardCharsets.UTF_8);
      text = decoded;
    }
    return decoded;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookRequest other
        && method.equals(other.method)
        && uri.equals(other.uri)
        && headers.equals(other.headers)
        && Arrays.equals(body, other.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, uri, headers, Arrays.hashCode(body));
  }

  /** Method, path and size only: query strings and bodies may carry personal data. */
  @Override
  public String toString() {
    return "WebhookRequest[" + method + " " + path() + ", " + body.length + " bytes]";
  }

  /** Builds a {@link WebhookRequest}. */
  public static final class Builder {
    private String method = "POST";
    private URI uri;

    /**
     * By case-insensitive name, each list immutable, so that a request can take the map as it is:
     * copying every request's headers twice was a twentieth of a webhook thread's time.
     */
    private TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** Whether a built request holds {@link #headers}, so that changing them must copy them. */
    private boolean headersHandedOff;

    private byte[] body = new byte[0];

    private Builder() {}

    public Builder method(String method) {
      this.method = method;
      return this;
    }

    public Builder uri(URI uri) {
      this.uri = uri;
      return this;
    }

    public Builder uri(String uri) {
      return uri(URI.create(uri));
    }

    /** Adds a value to the header {@code name}; names differing only in case are one header. */
    public Builder header(String name, String value) {
      return header(name, List.of(value));
    }

    /** Adds every header of {@code all}, after any already added under the same names. */
    public Builder headers(Map<String, List<String>> all) {
      all.forEach(this::header);
      return this;
    }

    private Builder header(String name, List<String> values) {
      if (headersHandedOff) {
        headers = new TreeMap<>(headers);
        headersHandedOff = false;
      }
      headers.merge(name, List.copyOf(values), Builder::joined);
      return this;
    }

    private static List<String> joined(List<String> first, List<String> then) {
      List<String> all = new ArrayList<>(first.size() + then.size());
      all.addAll(first);
      all.addAll(then);
      return List.copyOf(all);
    }

    /** The headers, for a request to keep: the builder copies them before it changes them again. */
    private Map<String, List<String>> handOffHeaders() {
      headersHandedOff = true;
      return headers;
    }

    public Builder body(byte[] body) {
      this.body = body.clone();
      return this;
    }

    /** Sets a UTF-8 body and its content type. */
    public Builder body(String contentType, String body) {
      header("Content-Type", contentType);
      return body(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sets a form-encoded body from the given parameters. */
    public Builder form(Map<String, String> parameters) {
      return body("application/x-www-form-urlencoded", FormCodec.encode(parameters));
    }

    public WebhookRequest build() {
      return new WebhookRequest(this);
    }
  }
}
