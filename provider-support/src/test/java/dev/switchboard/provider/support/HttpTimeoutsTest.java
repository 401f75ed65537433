package dev.switchboard.provider.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ConfigurationException;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ConfigReader;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpTimeoutsTest {
  @Test
  @DisplayName("Three keys per provider, each with its default")
  void keys() {
    assertThat(HttpTimeouts.configKeys("acme"))
        .extracting(ConfigKey::name, key -> key.defaultValue().orElseThrow())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("switchboard.acme.connect-timeout-ms", "5000"),
            org.assertj.core.groups.Tuple.tuple("switchboard.acme.read-timeout-ms", "5000"),
            org.assertj.core.groups.Tuple.tuple("switchboard.acme.timeout-ms", "10000"));
  }

  @Test
  @DisplayName("Configured values reach OkHttp, unset ones keep their defaults")
  void applied() {
    ConfigReader read =
        new ConfigReader(
            "acme",
            SwitchboardConfig.of(
                Map.of(
                    "switchboard.acme.connect-timeout-ms", "250",
                    "switchboard.acme.timeout-ms", "3000")));
    HttpTimeouts timeouts = HttpTimeouts.from(read, "acme");
    read.check();
    OkHttpClient client = timeouts.applyTo(new OkHttpClient.Builder()).build();
    assertThat(client.connectTimeoutMillis()).isEqualTo(250);
    assertThat(client.readTimeoutMillis()).isEqualTo(5000);
    assertThat(client.writeTimeoutMillis()).isEqualTo(5000);
    assertThat(client.callTimeoutMillis()).isEqualTo(3000);
    assertThat(HttpTimeouts.all(Duration.ofSeconds(2)))
        .isEqualTo(
            new HttpTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)));
  }

  @Test
  @DisplayName("A bad value is a configuration problem naming its key")
  void invalid() {
    ConfigReader read =
        new ConfigReader(
            "acme", SwitchboardConfig.of(Map.of("switchboard.acme.read-timeout-ms", "-1")));
    HttpTimeouts.from(read, "acme");
    assertThatThrownBy(read::check)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("switchboard.acme.read-timeout-ms");
  }
}
