package dev.switchboard.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigKeyTest {

  @Test
  @DisplayName("A required key has no default and is not a URL")
  void required() {
    assertThat(ConfigKey.required("switchboard.x.token", "token"))
        .isEqualTo(new ConfigKey("switchboard.x.token", "token", true, false, Optional.empty()));
  }

  @Test
  @DisplayName("An optional key carries its default and is neither required nor a URL")
  void optional() {
    assertThat(ConfigKey.optional("switchboard.x.timeout-ms", "milliseconds", "10000"))
        .isEqualTo(
            new ConfigKey(
                "switchboard.x.timeout-ms", "milliseconds", false, false, Optional.of("10000")));
  }

  @Test
  @DisplayName("A milliseconds key is an optional key whose default is the number as text")
  void millis() {
    assertThat(ConfigKey.millis("switchboard.x.timeout-ms", "milliseconds", 10_000))
        .isEqualTo(ConfigKey.optional("switchboard.x.timeout-ms", "milliseconds", "10000"));
  }

  @Test
  @DisplayName("A base URL key is an optional URL with its default")
  void baseUrl() {
    assertThat(ConfigKey.baseUrl("switchboard.x.base-url", "https://api.example.com"))
        .isEqualTo(
            new ConfigKey(
                "switchboard.x.base-url",
                "API base URL",
                false,
                true,
                Optional.of("https://api.example.com")));
  }
}
