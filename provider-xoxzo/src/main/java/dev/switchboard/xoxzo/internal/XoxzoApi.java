package dev.switchboard.xoxzo.internal;

import dev.switchboard.AuthenticationException;
import dev.switchboard.CallNotFoundException;
import dev.switchboard.InvalidInputException;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.RateLimitedException;
import dev.switchboard.Violation;
import dev.switchboard.VoiceException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Voice API over HTTP Basic auth: form POSTs that create calls and conferences, GETs that read
 * them. Creating is never retried (a retry could ring someone twice); reads are retried once.
 */
public final class XoxzoApi {
  static final String PROVIDER = "xoxzo";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpUrl base;
  private final String authorization;
  private final OkHttpClient http;

  public XoxzoApi(HttpUrl base, String sid, String authToken, Duration timeout) {
    this.base = base;
    this.authorization = Credentials.basic(sid, authToken);
    this.http = sendingOnce(new OkHttpClient.Builder().callTimeout(timeout));
  }

  /**
   * A client that sends each request once. OkHttp otherwise re-sends a request by itself on a 503
   * with {@code Retry-After: 0} and on 307/308 redirects, and a re-sent call creation could ring
   * someone twice; so redirects are not followed and that header is dropped before OkHttp sees it.
   */
  private static OkHttpClient sendingOnce(OkHttpClient.Builder builder) {
    return builder
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .addNetworkInterceptor(
            chain -> {
              Response response = chain.proceed(chain.request());
              return response.code() == 503
                  ? response.newBuilder().removeHeader("Retry-After").build()
                  : response;
            })
        .build();
  }

  /** Releases the connection pool and the dispatcher's threads. */
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** POSTs a form to {@code path} (e.g. {@code voice/simple/playbacks/}); the JSON answer. */
  JsonNode create(String path, Map<String, String> form) {
    FormBody.Builder body = new FormBody.Builder();
    form.forEach(body::add);
    return exchange(request(path).post(body.build()).build());
  }

  /**
   * GETs the resource named by {@code segments} below the base URL, each escaped as one path
   * segment and ending in {@code /} as Xoxzo's URLs do; retried once on an I/O error.
   */
  JsonNode read(String... segments) {
    HttpUrl.Builder url = base.newBuilder();
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    Request request =
        new Request.Builder()
            .url(url.addPathSegment("").build())
            .header("Authorization", authorization)
            .get()
            .build();
    try {
      return exchange(request);
    } catch (ProviderUnavailableException e) {
      if (!(e.getCause() instanceof IOException)) {
        throw e;
      }
      return exchange(request);
    }
  }

  private Request.Builder request(String path) {
    return new Request.Builder().url(base.resolve(path)).header("Authorization", authorization);
  }

  private JsonNode exchange(Request request) {
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      if (response.isSuccessful()) {
        return parse(body, request);
      }
      throw error(response.code(), body, request);
    } catch (IOException e) {
      throw new ProviderUnavailableException(
          "Xoxzo did not answer "
              + request.method()
              + " "
              + request.url().encodedPath()
              + ": "
              + e.getMessage(),
          PROVIDER,
          null,
          e);
    }
  }

  private static JsonNode parse(String body, Request request) {
    try {
      return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (JacksonException e) {
      throw new ProviderUnavailableException(
          "Xoxzo answered " + request.url().encodedPath() + " with a body that is not JSON",
          PROVIDER,
          null,
          e);
    }
  }

  /**
   * A value's text, or the JSON of an object or array (Django nests errors of list fields), since
   * Jackson refuses to read a container as text.
   */
  static String text(JsonNode node) {
    return node.isValueNode() ? node.asString() : node.toString();
  }

  /** 400 lists every field and message; 401 and 404 map to their exceptions. */
  static VoiceException error(int status, String body, Request request) {
    String where = request.method() + " " + request.url().encodedPath();
    JsonNode json;
    try {
      json = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (JacksonException e) {
      json = JSON.createObjectNode();
    }
    switch (status) {
      case 400:
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
          if (field.getValue().isArray()) {
            field.getValue().forEach(m -> violations.add(new Violation(field.getKey(), text(m))));
          } else {
            violations.add(new Violation(field.getKey(), text(field.getValue())));
          }
        }
        if (violations.isEmpty()) {
          violations.add(new Violation("request", "Xoxzo refused " + where + " with 400"));
        }
        return new InvalidInputException(PROVIDER, "400", violations);
      case 401:
        return new AuthenticationException(
            "Xoxzo refused the SID or auth token on "
                + where
                + ": "
                + json.path("detail").asString(""),
            PROVIDER,
            "401");
      case 404:
        return new CallNotFoundException("Xoxzo does not know " + where, PROVIDER, "404");
      case 429:
        return new RateLimitedException("Xoxzo throttled " + where, PROVIDER, "429", null);
      default:
        return new ProviderUnavailableException(
            "Xoxzo failed " + where + " with " + status, PROVIDER, String.valueOf(status), null);
    }
  }
}
