package dev.switchboard.hoiio.internal;

import dev.switchboard.AuthenticationException;
import dev.switchboard.CallStateException;
import dev.switchboard.InvalidInputException;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.RateLimitedException;
import dev.switchboard.Violation;
import dev.switchboard.VoiceException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends IVR blocks: form POSTs carrying {@code app_id} and {@code access_token}, answered with JSON
 * whose {@code status} is {@code success_ok} or an {@code error_*} code. No block is ever retried:
 * a repeated Dial rings twice, and a repeated middle block is out of order.
 */
public final class HoiioApi {
  static final String PROVIDER = "hoiio";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> AUTH =
      Set.of("error_invalid_access_token", "error_invalid_app_id");
  private static final Set<String> RATE =
      Set.of("error_rate_limit_exceeded", "error_concurrent_call_limit_reached");
  private static final Set<String> STATE =
      Set.of(
          "error_session_not_ready",
          "error_session_ended",
          "error_invalid_session",
          "error_session_access_denied",
          "error_monitor_in_progress",
          "error_session_not_on_hold");

  private final HttpUrl base;
  private final String appId;
  private final String accessToken;
  private final OkHttpClient http;

  public HoiioApi(HttpUrl base, String appId, String accessToken, Duration timeout) {
    this.base = base;
    this.appId = appId;
    this.accessToken = accessToken;
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

  /** Sends one block; returns the answer of a {@code success_ok}, else throws the mapped error. */
  JsonNode send(BlockKind kind, Map<String, String> params) {
    FormBody.Builder form =
        new FormBody.Builder().add("app_id", appId).add("access_token", accessToken);
    params.forEach(form::add);
    HttpUrl url = base.resolve(kind.path());
    Request request = new Request.Builder().url(url).post(form.build()).build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      JsonNode json;
      try {
        json = JSON.readTree(body);
      } catch (JacksonException e) {
        throw new ProviderUnavailableException(
            "Hoiio answered " + kind.path() + " with HTTP " + response.code() + " and no JSON",
            PROVIDER,
            String.valueOf(response.code()),
            e);
      }
      String status = json.path("status").asString("");
      if (status.equals("success_ok")) {
        return json;
      }
      throw error(kind, status.isEmpty() ? "http_" + response.code() : status);
    } catch (IOException e) {
      throw new ProviderUnavailableException(
          "Hoiio did not answer " + kind.path() + ": " + e.getMessage(), PROVIDER, null, e);
    }
  }

  /** Maps an {@code error_*} status to the exception a user can act on, keeping the code. */
  static VoiceException error(BlockKind kind, String status) {
    String what = "Hoiio refused " + kind.path() + ": " + status;
    if (AUTH.contains(status)) {
      return new AuthenticationException(what, PROVIDER, status);
    } else if (RATE.contains(status)) {
      return new RateLimitedException(what, PROVIDER, status, null);
    } else if (STATE.contains(status)) {
      return new CallStateException(what, PROVIDER, status);
    } else if (status.equals("error_internal_server_error") || status.startsWith("http_")) {
      return new ProviderUnavailableException(what, PROVIDER, status, null);
    }
    return new InvalidInputException(PROVIDER, status, List.of(new Violation(kind.path(), status)));
  }
}
