package dev.switchboard.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WireExchangeTest {

  private final WireExchange exchange =
      new WireExchange(
          WireExchange.Direction.TO_VENDOR,
          "POST",
          URI.create("https://vendor.test/ivr/start?access_token=query-secret&x=1"),
          Map.of("Authorization", List.of("Bearer header-secret")),
          "app_id=app&access_token=body-secret&dest=%2B6591234567",
          200,
          "{\"status\":\"success_ok\"}");

  @Test
  @DisplayName("A rendered exchange masks credentials in the query and body and omits headers")
  void rendersWithoutSecrets() {
    assertThat(exchange.render())
        .doesNotContain("query-secret", "body-secret", "header-secret")
        .contains("access_token=****&x=1", "app_id=app&access_token=****&dest=%2B6591234567");
    assertThat(exchange.toString()).isEqualTo(exchange.render());
  }

  @Test
  @DisplayName("The record keeps the real values so that tests can assert what was sent")
  void componentsKeepEverything() {
    assertThat(exchange.headers().get("Authorization")).containsExactly("Bearer header-secret");
    assertThat(exchange.requestBody()).contains("access_token=body-secret");
  }
}
