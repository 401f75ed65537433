package dev.switchboard.xoxzo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.InvalidInputException;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.Violation;
import dev.switchboard.provider.support.HttpTimeouts;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class XoxzoApiTest {
  private MockWebServer server;
  private XoxzoApi api;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    api = new XoxzoApi(server.url("/"), "sid", "token", HttpTimeouts.all(Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    api.close();
    server.close();
  }

  @Test
  @DisplayName("A call is created once even when the answer invites a retry or a redirect")
  void sentOnce() {
    // If a request were re-sent, the re-sent one would take the next queued answer and the
    // request count would show it.
    server.enqueue(
        new MockResponse.Builder().code(503).setHeader("Retry-After", "0").body("{}").build());
    server.enqueue(
        new MockResponse.Builder().code(307).setHeader("Location", "/elsewhere").build());
    server.enqueue(
        new MockResponse.Builder().code(308).setHeader("Location", "/elsewhere").build());
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> api.create(Map.of("caller", "+81"), "voice", "simple", "playbacks"))
          .isInstanceOf(ProviderUnavailableException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "Nested field errors, as Django writes them for list fields, are listed, not a crash")
  void nestedFieldErrors() {
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .body("{\"participants\":{\"0\":[\"Enter a valid phone number.\"]},\"lang\":[\"bad\"]}")
            .build());
    assertThatThrownBy(() -> api.create(Map.of("caller", "+81"), "voice", "simple", "conferences"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("participants", "lang"));
  }
}
