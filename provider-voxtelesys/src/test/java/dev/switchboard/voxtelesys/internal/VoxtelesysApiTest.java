package dev.switchboard.voxtelesys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.AuthenticationException;
import dev.switchboard.CallNotFoundException;
import dev.switchboard.InvalidInputException;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.provider.support.HttpTimeouts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST client on the wire: what it sends, and how it reads what comes back. */
class VoxtelesysApiTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private MockWebServer server;
  private VoxtelesysApi api;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    api =
        new VoxtelesysApi(
            server.url("/api/v1"), "test-key", HttpTimeouts.all(Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private RecordedRequest taken() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  @Nested
  @DisplayName("Requests")
  class Requests {
    @Test
    @DisplayName("Creating a call posts to, from and voxXML as JSON with the Bearer key")
    void create() throws Exception {
      server.enqueue(json(200, "{\"id\":\"c1\",\"status\":\"queued\"}"));
      JsonNode call = api.createCall("15556667777", "15556668888", "<Response/>");
      assertThat(call.get("id").asString()).isEqualTo("c1");
      RecordedRequest request = taken();
      assertThat(request.getMethod()).isEqualTo("POST");
      assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/calls");
      assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
      assertThat(JSON.readTree(request.getBody().utf8()))
          .isEqualTo(
              JSON.readTree(
                  "{\"to\":\"15556667777\",\"from\":\"15556668888\",\"voxXML\":\"<Response/>\"}"));
    }

    @Test
    @DisplayName("Modifying and deleting use the documented paths and bodies")
    void modifyAndDelete() throws Exception {
      for (int i = 0; i < 5; i++) {
        server.enqueue(new MockResponse.Builder().code(204).build());
      }
      api.modifyCall("c1", "<Response><Hangup/></Response>");
      api.deleteCall("c1");
      api.modifyConference("f1", "<Response/>");
      api.deleteConference("f1");
      api.modifyParticipant("f1", "p1", "<Response/>");
      List<String> lines =
          List.of(
              taken().getRequestLine(),
              taken().getRequestLine(),
              taken().getRequestLine(),
              taken().getRequestLine(),
              taken().getRequestLine());
      assertThat(lines)
          .containsExactly(
              "POST /api/v1/calls/c1 HTTP/1.1",
              "DELETE /api/v1/calls/c1 HTTP/1.1",
              "POST /api/v1/conferences/f1 HTTP/1.1",
              "DELETE /api/v1/conferences/f1 HTTP/1.1",
              "POST /api/v1/conferences/f1/participants/p1 HTTP/1.1");
    }

    @Test
    @DisplayName("Listings are fetched a page at a time, only as far as they are read")
    void lazyPages() throws Exception {
      server.enqueue(
          json(200, "{\"page\":1,\"page_count\":3,\"results\":[{\"id\":\"a\"},{\"id\":\"b\"}]}"));
      server.enqueue(json(200, "{\"page\":2,\"page_count\":3,\"results\":[{\"id\":\"c\"}]}"));
      assertThat(api.calls().limit(3).map(c -> c.get("id").asString()).toList())
          .containsExactly("a", "b", "c");
      // 50 is the size the document's own examples ask for; it names no maximum.
      assertThat(taken().getUrl().query()).isEqualTo("page=1&page_size=50");
      assertThat(taken().getUrl().query()).isEqualTo("page=2&page_size=50");
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Nested
  @DisplayName("Errors")
  class Errors {
    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({
      "401, dev.switchboard.AuthenticationException, 401",
      "404, dev.switchboard.CallNotFoundException, 404",
      "422, dev.switchboard.InvalidInputException, 5106",
      "429, dev.switchboard.RateLimitedException, 429",
      "500, dev.switchboard.ProviderUnavailableException, 6101"
    })
    @DisplayName("Each documented status maps to its exception, keeping the vendor's code")
    void mapping(int status, Class<?> type, String code) {
      String body =
          status == 422
              ? "{\"status\":422,\"error\":{\"code\":5106,\"description\":\"bad syntax in voxXML\"}}"
              : status == 500
                  ? "{\"status\":500,\"error\":{\"code\":6101,\"description\":\"internal server error\"}}"
                  : "";
      server.enqueue(json(status, body));
      assertThatThrownBy(() -> api.modifyCall("c1", "<oops"))
          .isInstanceOf(type)
          .satisfies(
              e -> assertThat(((dev.switchboard.VoiceException) e).vendorCode()).hasValue(code));
    }

    @Test
    @DisplayName(
        "A server error keeps every field the vendor sent: the error_id to quote, code, text, time")
    void serverErrorKeepsEveryField() {
      server.enqueue(
          json(
              500,
              "{\"error\":{\"code\":6104,\"description\":\"internal server error\","
                  + "\"time\":\"2021-09-21T14:14:17.000Z\"},"
                  + "\"error_id\":\"7d1c2e0a-51f4-4b1e-9d7e-0c2f3a4b5c6d\"}"));
      assertThatThrownBy(() -> api.deleteCall("c1"))
          .isInstanceOfSatisfying(
              ProviderUnavailableException.class,
              e -> {
                assertThat(e.vendorCode()).hasValue("6104");
                assertThat(e.getMessage())
                    .contains(
                        "DELETE /api/v1/calls/c1",
                        "500",
                        "internal server error",
                        "error_id 7d1c2e0a-51f4-4b1e-9d7e-0c2f3a4b5c6d",
                        "2021-09-21T14:14:17.000Z");
              });
    }

    @Test
    @DisplayName(
        "An error in the shape the vendor's own client reads (message, error_id) keeps both")
    void clientShapedError() {
      server.enqueue(
          json(500, "{\"status\":500,\"error_id\":\"e-42\",\"message\":\"trunk down\"}"));
      assertThatThrownBy(() -> api.calls().toList())
          .isInstanceOfSatisfying(
              ProviderUnavailableException.class,
              e -> {
                assertThat(e.vendorCode()).hasValue("500");
                assertThat(e.getMessage()).contains("trunk down", "error_id e-42");
              });
    }

    @Test
    @DisplayName("A refused key is an authentication error that does not show the key")
    void keyNotShown() {
      server.enqueue(json(401, ""));
      assertThatThrownBy(() -> api.deleteCall("c1"))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageNotContaining("test-key");
    }

    @Test
    @DisplayName("A 422 for VoxXML without a Response root is invalid input with code 5105")
    void code5105() {
      server.enqueue(
          json(
              422,
              "{\"status\":422,\"error\":{\"code\":5105,\"description\":\"root element \\\"Response\\\" missing in voxXML\"}}"));
      assertThatThrownBy(() -> api.createCall("1", "2", "<Say/>"))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.vendorCode()).hasValue("5105");
                assertThat(e.getMessage()).contains("root element");
              });
    }

    @Test
    @DisplayName(
        "A call is created once: a dropped connection is not retried, since that could ring twice")
    void createNotRetried() {
      server.enqueue(
          new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
      server.enqueue(json(200, "{\"id\":\"second\"}"));
      assertThatThrownBy(() -> api.createCall("1", "2", "<Response/>"))
          .isInstanceOf(ProviderUnavailableException.class);
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("A call is created once even when the answer invites a retry or a redirect")
    void createNotRetriedOnInvitation() {
      // If a request were re-sent, the re-sent one would take the next queued answer and the
      // request count would show it.
      server.enqueue(
          new MockResponse.Builder().code(503).setHeader("Retry-After", "0").body("{}").build());
      server.enqueue(
          new MockResponse.Builder().code(307).setHeader("Location", "/elsewhere").build());
      server.enqueue(
          new MockResponse.Builder().code(308).setHeader("Location", "/elsewhere").build());
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> api.createCall("1", "2", "<Response/>"))
            .isInstanceOf(ProviderUnavailableException.class);
      }
      assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    @DisplayName("A read is retried once after a dropped connection")
    void readRetried() {
      server.enqueue(
          new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
      server.enqueue(json(200, "{\"page\":1,\"page_count\":1,\"results\":[{\"id\":\"a\"}]}"));
      assertThat(api.calls().toList()).hasSize(1);
    }

    @Test
    @DisplayName("An unknown call id is reported as not found")
    void notFound() {
      server.enqueue(
          json(404, "{\"status\":404,\"error\":{\"code\":404,\"description\":\"not found\"}}"));
      assertThatThrownBy(() -> api.deleteCall("nope")).isInstanceOf(CallNotFoundException.class);
    }
  }
}
