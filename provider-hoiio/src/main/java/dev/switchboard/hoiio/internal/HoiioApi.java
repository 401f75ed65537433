package dev.switchboard.hoiio.internal;

import dev.switchboard.AccountException;
import dev.switchboard.AuthenticationException;
import dev.switchboard.CallNotFoundException;
import dev.switchboard.CallStateException;
import dev.switchboard.InvalidInputException;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.RateLimitedException;
import dev.switchboard.Violation;
import dev.switchboard.VoiceException;
import dev.switchboard.VoiceObserver;
import dev.switchboard.provider.support.HttpAnswer;
import dev.switchboard.provider.support.HttpTimeouts;
import dev.switchboard.provider.support.VendorHttp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
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
  private static final String QUERY_STATUS = "voice/query_status";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> AUTH =
      Set.of("error_invalid_access_token", "error_invalid_app_id");
  private static final Set<String> RATE =
      Set.of("error_rate_limit_exceeded", "error_concurrent_call_limit_reached");
  private static final Set<String> ACCOUNT =
      Set.of("error_insufficient_credit", "error_not_allowed_for_trial");
  private static final Set<String> STATE =
      Set.of(
          "error_session_not_ready",
          "error_session_ended",
          "error_session_access_denied",
          "error_monitor_in_progress",
          "error_session_not_on_hold");

  /** What Switchboard itself got wrong on the wire, which no user input can fix. */
  private static final Set<String> WIRE =
      Set.of("error_invalid_http_method", "error_malformed_params");

  private final HttpUrl base;
  private final String appId;
  private final String accessToken;
  private final VendorHttp http;

  public HoiioApi(HttpUrl base, String appId, String accessToken, HttpTimeouts timeouts) {
    this.base = base;
    this.appId = appId;
    this.accessToken = accessToken;
    this.http = VendorHttp.sendingOnce(PROVIDER, "Hoiio", timeouts);
  }

  /** Reports every request to the vendor to {@code observer}. */
  public void observe(VoiceObserver observer) {
    http.observe(observer);
  }

  /** Releases the connection pool and the dispatcher's threads. */
  public void close() {
    http.close();
  }

  /** Sends one block; returns the answer of a {@code success_ok}, else throws the mapped error. */
  JsonNode send(BlockKind kind, Map<String, String> params) {
    FormBody.Builder form =
        new FormBody.Builder().add("app_id", appId).add("access_token", accessToken);
    params.forEach(form::add);
    HttpUrl url = base.resolve(kind.path());
    Request request = new Request.Builder().url(url).post(form.build()).build();
    return json(http.exchange(request, kind.path()), kind.path());
  }

  /**
   * Every answer says in its own status how the request went; one without a Hoiio status (a proxy's
   * page, a gateway's refusal) is read by its HTTP status.
   */
  private static JsonNode json(HttpAnswer answer, String path) {
    if (answer.status() == 401 || answer.status() == 429) {
      String status = statusOf(answer.body());
      if (!status.startsWith("error_") && !status.equals("success_ok")) {
        String what = "Hoiio refused " + path + " with HTTP " + answer.status();
        String code = String.valueOf(answer.status());
        throw answer.status() == 401
            ? new AuthenticationException(what, PROVIDER, code)
            : new RateLimitedException(what, PROVIDER, code, answer.retryAfter().orElse(null));
      }
    }
    JsonNode json;
    try {
      json = JSON.readTree(answer.body());
    } catch (JacksonException e) {
      throw new ProviderUnavailableException(
          "Hoiio answered " + path + " with HTTP " + answer.status() + " and no JSON",
          PROVIDER,
          String.valueOf(answer.status()),
          e);
    }
    String status = json.path("status").asString("");
    if (status.equals("success_ok")) {
      return json;
    }
    throw error(path, status.isEmpty() ? "http_" + answer.status() : status);
  }

  /**
   * The Voice API's status query for the call of a Dial's or Answer's {@code txn_ref}: its answer,
   * whose {@code call_status_dest1} says how the call went.
   */
  JsonNode queryStatus(String txnRef) {
    FormBody form =
        new FormBody.Builder()
            .add("app_id", appId)
            .add("access_token", accessToken)
            .add("txn_ref", txnRef)
            .build();
    Request request = new Request.Builder().url(base.resolve(QUERY_STATUS)).post(form).build();
    return json(http.exchange(request, QUERY_STATUS), QUERY_STATUS);
  }

  /** The {@code status} of a JSON answer, or empty when the body is not one. */
  private static String statusOf(String body) {
    try {
      return JSON.readTree(body).path("status").asString("");
    } catch (JacksonException e) {
      return "";
    }
  }

  /** Maps an {@code error_*} status to the exception a user can act on, keeping the code. */
  static VoiceException error(String path, String status) {
    String what = "Hoiio refused " + path + ": " + status;
    if (AUTH.contains(status)) {
      return new AuthenticationException(what, PROVIDER, status);
    } else if (ACCOUNT.contains(status)) {
      return new AccountException(what, PROVIDER, status);
    } else if (RATE.contains(status)) {
      return new RateLimitedException(what, PROVIDER, status, null);
    } else if (status.equals("error_invalid_session")) {
      return new CallNotFoundException(what, PROVIDER, status);
    } else if (STATE.contains(status)) {
      return new CallStateException(what, PROVIDER, status);
    } else if (status.equals("error_internal_server_error")
        || status.startsWith("http_")
        || WIRE.contains(status)) {
      return new ProviderUnavailableException(what, PROVIDER, status, null);
    }
    return new InvalidInputException(PROVIDER, status, List.of(new Violation(path, status)));
  }
}
