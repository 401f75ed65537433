package dev.switchboard.provider.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ProviderUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/**
 * The exchange on the wire. Where a request could be re-sent, a second answer is queued: a re-sent
 * request would take it, and the request count would show it.
 */
class VendorHttpTest {
  private static final ErrorTable ERRORS =
      new ErrorTable(
          422,
          answer -> new VendorError(String.valueOf(answer.status()), "refused " + answer.where()));

  private MockWebServer server;
  private VendorHttp http;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    http = VendorHttp.sendingOnce("acme", "Acme", HttpTimeouts.all(Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  private Request post() {
    return new Request.Builder()
        .url(server.url("/v1/calls?page=2"))
        .header("Authorization", "Bearer secret-key")
        .post(RequestBody.create("{}", null))
        .build();
  }

  private void dropConnection() {
    server.enqueue(
        new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
  }

  private void answer(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).body(body).build());
  }

  @Nested
  @DisplayName("Sending once")
  class SendingOnce {
    @Test
    @DisplayName("A dropped connection is not retried, and the vendor is unavailable")
    void droppedConnection() {
      dropConnection();
      answer(200, "{\"id\":\"second\"}");
      assertThatThrownBy(() -> http.send(post(), ERRORS))
          .isInstanceOfSatisfying(
              ProviderUnavailableException.class,
              e -> {
                assertThat(e.getMessage()).startsWith("Acme did not answer POST /v1/calls: ");
                assertThat(e.providerId()).hasValue("acme");
                assertThat(e.vendorCode()).isEmpty();
                assertThat(e.getCause()).isInstanceOf(IOException.class);
              })
          .hasMessageNotContaining("secret-key")
          .hasMessageNotContaining("page=2");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("A 503 with Retry-After: 0 is not retried")
    void retryAfterZero() {
      server.enqueue(
          new MockResponse.Builder().code(503).setHeader("Retry-After", "0").body("{}").build());
      answer(200, "{\"id\":\"second\"}");
      assertThatThrownBy(() -> http.send(post(), ERRORS))
          .isInstanceOfSatisfying(
              ProviderUnavailableException.class, e -> assertThat(e.vendorCode()).hasValue("503"));
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("A 307 or 308 redirect is not followed")
    void redirects() {
      server.enqueue(
          new MockResponse.Builder().code(307).setHeader("Location", "/elsewhere").build());
      server.enqueue(
          new MockResponse.Builder().code(308).setHeader("Location", "/elsewhere").build());
      answer(200, "{\"id\":\"followed\"}");
      for (String code : new String[] {"307", "308"}) {
        assertThatThrownBy(() -> http.send(post(), ERRORS))
            .isInstanceOfSatisfying(
                ProviderUnavailableException.class, e -> assertThat(e.vendorCode()).hasValue(code));
      }
      assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("A sending-once sibling sends once, where its own client follows a redirect")
    void sibling() {
      VendorHttp plain = new VendorHttp("acme", "Acme", new OkHttpClient());
      server.enqueue(
          new MockResponse.Builder().code(307).setHeader("Location", "/elsewhere").build());
      answer(200, "{\"id\":\"followed\"}");
      assertThat(plain.send(post(), ERRORS).get("id").asString()).isEqualTo("followed");
      assertThat(server.getRequestCount()).isEqualTo(2);

      server.enqueue(
          new MockResponse.Builder().code(307).setHeader("Location", "/elsewhere").build());
      answer(200, "{\"id\":\"followed\"}");
      assertThatThrownBy(() -> plain.sendingOnce().send(post(), ERRORS))
          .isInstanceOf(ProviderUnavailableException.class);
      assertThat(server.getRequestCount()).isEqualTo(3);
      plain.close();
    }
  }

  @Nested
  @DisplayName("Retrying once")
  class RetryingOnce {
    @Test
    @DisplayName("A request that changes nothing is sent again once after a dropped connection")
    void retried() {
      dropConnection();
      answer(200, "{\"id\":\"a\"}");
      assertThat(http.sendRetryingOnce(post(), ERRORS).get("id").asString()).isEqualTo("a");
      assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("Only once: a second dropped connection is the vendor being unavailable")
    void onlyOnce() {
      dropConnection();
      dropConnection();
      answer(200, "{\"id\":\"third\"}");
      assertThatThrownBy(() -> http.sendRetryingOnce(post(), ERRORS))
          .isInstanceOf(ProviderUnavailableException.class)
          .hasMessageStartingWith("Acme did not answer POST /v1/calls: ")
          .hasCauseInstanceOf(IOException.class);
      assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("An error answer is an answer: it is mapped, not retried")
    void errorNotRetried() {
      answer(500, "");
      answer(200, "{\"id\":\"second\"}");
      assertThatThrownBy(() -> http.sendRetryingOnce(post(), ERRORS))
          .isInstanceOfSatisfying(
              ProviderUnavailableException.class,
              e -> {
                assertThat(e.vendorCode()).hasValue("500");
                assertThat(e.getMessage()).isEqualTo("refused POST /v1/calls");
              });
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("Reading answers")
  class Answers {
    @Test
    @DisplayName("A success's JSON is returned; a blank one is an empty object")
    void json() {
      answer(201, "{\"id\":\"c1\"}");
      server.enqueue(new MockResponse.Builder().code(204).build());
      assertThat(http.send(post(), ERRORS).get("id").asString()).isEqualTo("c1");
      assertThat(http.send(post(), ERRORS).isEmpty()).isTrue();
    }

    @Test
    @DisplayName("A success that is not JSON is the vendor being unavailable, naming the path")
    void notJson() {
      answer(200, "<html>maintenance</html>");
      assertThatThrownBy(() -> http.send(post(), ERRORS))
          .isInstanceOfSatisfying(
              ProviderUnavailableException.class,
              e -> {
                assertThat(e.getMessage())
                    .isEqualTo("Acme answered /v1/calls with a body that is not JSON");
                assertThat(e.vendorCode()).isEmpty();
                assertThat(e.getCause()).isInstanceOf(JacksonException.class);
              });
    }

    @Test
    @DisplayName("An error answer goes through the table")
    void errorThroughTable() {
      answer(429, "{}");
      assertThatThrownBy(() -> http.send(post(), ERRORS))
          .isInstanceOf(dev.switchboard.RateLimitedException.class)
          .hasMessage("refused POST /v1/calls");
    }

    @Test
    @DisplayName("An exchange hands over any answer whole, for vendors that read every answer")
    void exchange() throws Exception {
      answer(500, "{\"status\":\"error_internal_server_error\"}");
      HttpAnswer answer = http.exchange(post(), "ivr/start/dial");
      assertThat(answer.status()).isEqualTo(500);
      assertThat(answer.successful()).isFalse();
      assertThat(answer.body()).isEqualTo("{\"status\":\"error_internal_server_error\"}");
      assertThat(answer.where()).isEqualTo("POST /v1/calls");
      assertThat(server.takeRequest().getHeaders().get("Authorization"))
          .isEqualTo("Bearer secret-key");
    }

    @Test
    @DisplayName("An exchange that gets no answer is unavailable, named as the vendor asks")
    void exchangeUnavailable() {
      dropConnection();
      assertThatThrownBy(() -> http.exchange(post(), "ivr/start/dial"))
          .isInstanceOf(ProviderUnavailableException.class)
          .hasMessageStartingWith("Acme did not answer ivr/start/dial: ");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("Collections")
  class Collections {
    @Test
    @DisplayName(
        "A 404 to a creation is no unknown call: nothing is there, so the vendor is unavailable")
    void createNotFound() {
      answer(404, "{}");
      assertThatThrownBy(() -> http.create(post(), ERRORS))
          .isExactlyInstanceOf(ProviderUnavailableException.class)
          .hasMessage(
              "Acme answered POST /v1/calls with 404: it has no such API there; check the"
                  + " provider's base URL");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("A 404 to a listing is no unknown call either")
    void listNotFound() {
      answer(404, "{}");
      Request get = new Request.Builder().url(server.url("/v1/calls")).get().build();
      assertThatThrownBy(() -> http.list(get, ERRORS))
          .isExactlyInstanceOf(ProviderUnavailableException.class)
          .hasMessageContaining("404");
    }

    @Test
    @DisplayName("A client that may retry still follows no redirect")
    void noRedirect() {
      VendorHttp retrying =
          VendorHttp.retrying("acme", "Acme", HttpTimeouts.all(Duration.ofSeconds(5)));
      server.enqueue(
          new MockResponse.Builder().code(302).setHeader("Location", "/elsewhere").build());
      answer(200, "{}");
      Request get = new Request.Builder().url(server.url("/v1/calls/c1")).get().build();
      try {
        assertThatThrownBy(() -> retrying.send(get, ERRORS))
            .isInstanceOf(ProviderUnavailableException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
      } finally {
        retrying.close();
      }
    }
  }

  @Nested
  @DisplayName("Whether a request reached the vendor")
  class Reached {
    @Test
    @DisplayName("A refused connection proves the request never reached the vendor")
    void refused() throws IOException {
      int port;
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      Request request =
          new Request.Builder().url("http://127.0.0.1:" + port + "/v1/calls").get().build();
      assertThatThrownBy(() -> http.send(request, ERRORS))
          .isInstanceOfSatisfying(
              ProviderUnavailableException.class, e -> assertThat(e.requestSent()).isFalse());
    }

    @Test
    @DisplayName("A dropped connection after sending leaves it unknown")
    void dropped() {
      dropConnection();
      assertThatThrownBy(() -> http.send(post(), ERRORS))
          .isInstanceOfSatisfying(
              ProviderUnavailableException.class, e -> assertThat(e.requestSent()).isTrue());
    }

    @Test
    @DisplayName("Only failures to connect count as unreached, never a time-out")
    void kinds() {
      assertThat(VendorHttp.unreached(new ConnectException("refused"))).isTrue();
      assertThat(VendorHttp.unreached(new UnknownHostException("nowhere"))).isTrue();
      assertThat(VendorHttp.unreached(new SocketTimeoutException("timeout"))).isFalse();
      assertThat(VendorHttp.unreached(new IOException("reset"))).isFalse();
    }
  }
}
