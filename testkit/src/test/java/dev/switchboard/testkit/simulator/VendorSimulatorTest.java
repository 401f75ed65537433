package dev.switchboard.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.Observation;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VendorSimulatorTest {

  /** Answers every request 204 and can send callbacks on demand. */
  static final class Echo extends VendorSimulator {
    Echo(int attempts) {
      super("echo", attempts);
    }

    @Override
    protected WebhookResponse handle(WebhookRequest request) {
      return new WebhookResponse(204, "text/plain", "");
    }

    int callback(URI url) {
      return sendCallback("POST", url, "application/json", "{\"n\":1}");
    }

    Callee takeCallee() {
      return nextCallee();
    }

    void finish(String id) {
      finishCall(id, Transcript.of(new Observation.HungUp("flow")));
    }
  }

  private static WebhookServer failingThenOk(int failures, AtomicInteger seen) throws Exception {
    return WebhookServer.start(
        request ->
            seen.incrementAndGet() <= failures
                ? WebhookResponse.serverError()
                : WebhookResponse.ok(),
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        2);
  }

  @Test
  @DisplayName("Callbacks are retried until answered 200, each attempt on the wire log")
  void retries() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    try (Echo sim = new Echo(10);
        WebhookServer app = failingThenOk(2, seen)) {
      assertThat(sim.callback(URI.create(app.localUrl() + "/cb"))).isEqualTo(200);
      assertThat(seen).hasValue(3);
      assertThat(sim.wireLog()).extracting(WireExchange::status).containsExactly(500, 500, 200);
    }
  }

  @Test
  @DisplayName("Retries stop after the vendor's number of attempts")
  void attemptsBounded() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    try (Echo sim = new Echo(10);
        WebhookServer app = failingThenOk(100, seen)) {
      assertThat(sim.callback(URI.create(app.localUrl() + "/cb"))).isEqualTo(500);
      assertThat(seen).hasValue(10);
    }
  }

  @Test
  @DisplayName("An unreachable application is logged with no status, and the call goes on")
  void unreachable() throws Exception {
    int port;
    try (WebhookServer closed = failingThenOk(0, new AtomicInteger())) {
      port = closed.port();
    }
    try (Echo sim = new Echo(2)) {
      assertThat(sim.callback(URI.create("http://127.0.0.1:" + port + "/cb"))).isZero();
      assertThat(sim.wireLog()).hasSize(2).allSatisfy(w -> assertThat(w.status()).isZero());
    }
  }

  @Test
  @DisplayName("Requests to the simulator are counted and logged with their replies")
  void inbound() throws Exception {
    try (Echo sim = new Echo(1)) {
      sim.start();
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/calls"))
                      .POST(HttpRequest.BodyPublishers.ofString("{}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(sim.requestCount()).isEqualTo(1);
      assertThat(sim.wireText()).contains(">> POST /calls", "{}", "204");
    }
  }

  @Test
  @DisplayName("Scripted callees are used in order, then a silent answering one")
  void callees() {
    try (Echo sim = new Echo(1)) {
      Callee first = Callee.builder().presses("1").build();
      sim.scriptNextCall(first);
      assertThat(sim.takeCallee()).isEqualTo(first);
      assertThat(sim.takeCallee()).isEqualTo(Callee.answering());
    }
  }

  @Test
  @DisplayName(
      "A finished call's transcript can be awaited; an unfinished one fails with the wire log")
  void transcripts() {
    try (Echo sim = new Echo(1)) {
      sim.finish("c1");
      assertThat(sim.awaitTranscript("c1", Duration.ofSeconds(1)).observations()).hasSize(1);
      assertThatThrownBy(() -> sim.awaitTranscript("c2", Duration.ofMillis(50)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("did not end")
          .hasMessageContaining("wire log");
    }
  }

  @Test
  @DisplayName("The base URL is only known once started")
  void baseUrl() {
    try (Echo sim = new Echo(1)) {
      assertThatThrownBy(sim::baseUrl).isInstanceOf(IllegalStateException.class);
      assertThat(sim.start().baseUrl().getHost()).isEqualTo("127.0.0.1");
    }
  }
}
