package dev.switchboard.hoiio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.VoiceException;
import dev.switchboard.provider.support.HttpTimeouts;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoiioApiTest {
  private MockWebServer server;
  private HoiioApi api;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    api =
        new HoiioApi(
            server.url("/open/"), "app-1", "token-1", HttpTimeouts.all(Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void answer(String json) {
    server.enqueue(new MockResponse.Builder().code(200).body(json).build());
  }

  @Test
  @DisplayName("A block is a form POST to its endpoint carrying the credentials and its parameters")
  void wire() throws Exception {
    answer("{\"status\":\"success_ok\",\"txn_ref\":\"TX-1\",\"session\":\"S-1\"}");
    assertThat(
            api.send(BlockKind.DIAL, Map.of("dest", "+6561234567", "msg", "Hi & <bye>"))
                .get("session")
                .asString())
        .isEqualTo("S-1");
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getRequestLine()).isEqualTo("POST /open/ivr/start/dial HTTP/1.1");
    assertThat(request.getHeaders().get("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    assertThat(form(request.getBody().utf8()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "app_id", "app-1",
                "access_token", "token-1",
                "dest", "+6561234567",
                "msg", "Hi & <bye>"));
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      fields.put(
          java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
    }
    return fields;
  }

  /** Every error status the documents list (NOTES 1.4, the Record and Monitor pages, the SDKs). */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "error_invalid_http_method, dev.switchboard.ProviderUnavailableException",
    "error_malformed_params, dev.switchboard.ProviderUnavailableException",
    "error_session_param_missing, dev.switchboard.InvalidInputException",
    "error_invalid_access_token, dev.switchboard.AuthenticationException",
    "error_invalid_app_id, dev.switchboard.AuthenticationException",
    "error_insufficient_credit, dev.switchboard.AccountException",
    "error_not_allowed_for_trial, dev.switchboard.AccountException",
    "error_rate_limit_exceeded, dev.switchboard.RateLimitedException",
    "error_concurrent_call_limit_reached, dev.switchboard.RateLimitedException",
    "error_invalid_session, dev.switchboard.CallNotFoundException",
    "error_session_access_denied, dev.switchboard.CallStateException",
    "error_session_ended, dev.switchboard.CallStateException",
    "error_session_not_ready, dev.switchboard.CallStateException",
    "error_session_not_on_hold, dev.switchboard.CallStateException",
    "error_monitor_in_progress, dev.switchboard.CallStateException",
    "error_msg_invalid_length, dev.switchboard.InvalidInputException",
    "error_msg_too_big, dev.switchboard.InvalidInputException",
    "error_msg_cannot_convert_text, dev.switchboard.InvalidInputException",
    "error_msg_download_failed, dev.switchboard.InvalidInputException",
    "error_msg_invalid_file_format, dev.switchboard.InvalidInputException",
    "error_msg_invalid_file_size, dev.switchboard.InvalidInputException",
    "error_msg_invalid_url, dev.switchboard.InvalidInputException",
    "error_msg_invalid_language, dev.switchboard.InvalidInputException",
    "error_msg_invalid_gender, dev.switchboard.InvalidInputException",
    "error_msg_invalid_xml, dev.switchboard.InvalidInputException",
    "error_tag_invalid_length, dev.switchboard.InvalidInputException",
    "error_invalid_notify_url, dev.switchboard.InvalidInputException",
    "error_unable_to_resolve_notify_url, dev.switchboard.InvalidInputException",
    "error_unable_to_complete_ssl_handshake_notify_url, dev.switchboard.InvalidInputException",
    "error_invalid_monitor_notify_url, dev.switchboard.InvalidInputException",
    "error_unable_to_resolve_monitor_notify_url, dev.switchboard.InvalidInputException",
    "error_invalid_max_duration, dev.switchboard.InvalidInputException",
    "error_max_duration_invalid, dev.switchboard.InvalidInputException",
    "error_invalid_max_digits, dev.switchboard.InvalidInputException",
    "error_invalid_timeout, dev.switchboard.InvalidInputException",
    "error_invalid_attempts, dev.switchboard.InvalidInputException",
    "error_on_failure_invalid, dev.switchboard.InvalidInputException",
    "error_caller_id_invalid, dev.switchboard.InvalidInputException",
    "error_dest_invalid, dev.switchboard.InvalidInputException",
    "error_dest_not_supported, dev.switchboard.InvalidInputException",
    "error_internal_server_error, dev.switchboard.ProviderUnavailableException"
  })
  @DisplayName("Each error status maps to the exception a user can act on, keeping the code")
  void errors(String status, Class<?> type) {
    answer("{\"status\":\"" + status + "\"}");
    assertThatThrownBy(() -> api.send(BlockKind.PLAY, Map.of("session", "S-1")))
        .isExactlyInstanceOf(type)
        .satisfies(e -> assertThat(((VoiceException) e).vendorCode()).hasValue(status))
        .hasMessageNotContaining("token-1");
  }

  @Test
  @DisplayName(
      "An HTTP 401 or 429 without a Hoiio status is read by its HTTP status, with Retry-After")
  void httpStatuses() {
    server.enqueue(new MockResponse.Builder().code(401).body("Unauthorized").build());
    assertThatThrownBy(() -> api.send(BlockKind.PLAY, Map.of("session", "S-1")))
        .isExactlyInstanceOf(dev.switchboard.AuthenticationException.class);
    server.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("slow").build());
    assertThatThrownBy(() -> api.send(BlockKind.PLAY, Map.of("session", "S-1")))
        .isInstanceOfSatisfying(
            dev.switchboard.RateLimitedException.class,
            e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(1)));
  }

  @Test
  @DisplayName(
      "A Dial is sent once: a dropped connection is not retried, since that could ring twice")
  void noRetry() {
    server.enqueue(
        new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    answer("{\"status\":\"success_ok\",\"session\":\"S-2\"}");
    assertThatThrownBy(() -> api.send(BlockKind.DIAL, Map.of("dest", "+6561234567")))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("A Dial is sent once even when the answer invites a retry or a redirect")
  void noRetryOnInvitation() {
    // If a request were re-sent, the re-sent one would take the next queued answer and the
    // request count would show it.
    server.enqueue(
        new MockResponse.Builder().code(503).setHeader("Retry-After", "0").body("{}").build());
    server.enqueue(
        new MockResponse.Builder().code(307).setHeader("Location", "/elsewhere").build());
    server.enqueue(
        new MockResponse.Builder().code(308).setHeader("Location", "/elsewhere").build());
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> api.send(BlockKind.DIAL, Map.of("dest", "+6561234567")))
          .isInstanceOf(ProviderUnavailableException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  @DisplayName("A body that is not JSON is the provider being unavailable, with the HTTP status")
  void notJson() {
    server.enqueue(new MockResponse.Builder().code(502).body("<html>bad gateway</html>").build());
    assertThatThrownBy(() -> api.send(BlockKind.PLAY, Map.of("session", "S")))
        .isInstanceOfSatisfying(
            ProviderUnavailableException.class, e -> assertThat(e.vendorCode()).hasValue("502"));
  }
}
