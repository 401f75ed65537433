package dev.switchboard.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ConfigurationException;
import dev.switchboard.SwitchboardConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {
  @Test
  @DisplayName("Defaults apply when keys are not set, and directory URLs end in a slash")
  void defaults() {
    ConfigReader read = new ConfigReader("p", SwitchboardConfig.empty());
    assertThat(read.url("switchboard.p.base-url", "https://api.example/v1"))
        .isEqualTo(URI.create("https://api.example/v1"));
    assertThat(read.directoryUrl("switchboard.p.base-url", "https://api.example/open"))
        .isEqualTo(URI.create("https://api.example/open/"));
    assertThat(read.millis("switchboard.p.timeout-ms", 1500)).isEqualTo(Duration.ofMillis(1500));
    read.check();
  }

  @Test
  @DisplayName("A base URL with a query or a fragment is refused, naming the key")
  void queryOrFragment() {
    for (String url : new String[] {"http://127.0.0.1:9/api?key=1", "http://127.0.0.1:9/api#x"}) {
      ConfigReader read =
          new ConfigReader("p", SwitchboardConfig.of(Map.of("switchboard.p.base-url", url)));
      read.url("switchboard.p.base-url", "https://api.example/v1");
      assertThatThrownBy(read::check)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("switchboard.p.base-url must have no query and no fragment");
    }
  }

  @Test
  @DisplayName("Only whitespace is stripped from a value's ends: a control character stays")
  void controlCharacterAtTheEnd() {
    ConfigReader read =
        new ConfigReader("p", SwitchboardConfig.of(Map.of("switchboard.p.token", "bell\u0007\n")));
    assertThatThrownBy(() -> read.required("switchboard.p.token"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("switchboard.p.token");
  }

  @Test
  @DisplayName("Keys bring their own defaults, so that each is declared once")
  void keyDefaults() {
    ConfigReader read = new ConfigReader("p", SwitchboardConfig.empty());
    assertThat(read.url(ConfigKey.baseUrl("switchboard.p.base-url", "https://api.example/v1")))
        .isEqualTo(URI.create("https://api.example/v1"));
    assertThat(
            read.directoryUrl(
                ConfigKey.baseUrl("switchboard.p.base-url", "https://api.example/open")))
        .isEqualTo(URI.create("https://api.example/open/"));
    assertThat(read.millis(ConfigKey.millis("switchboard.p.timeout-ms", "ms", 1500)))
        .isEqualTo(Duration.ofMillis(1500));
    read.check();
  }

  @Test
  @DisplayName("A value set for a key wins over its default, and a bad one is reported as before")
  void keyValues() {
    ConfigReader read =
        new ConfigReader(
            "p",
            SwitchboardConfig.of(
                Map.of(
                    "switchboard.p.base-url", "https://sim.example/open",
                    "switchboard.p.timeout-ms", "0")));
    assertThat(
            read.directoryUrl(ConfigKey.baseUrl("switchboard.p.base-url", "https://api.example")))
        .isEqualTo(URI.create("https://sim.example/open/"));
    assertThat(read.millis(ConfigKey.millis("switchboard.p.timeout-ms", "ms", 1500)))
        .isEqualTo(Duration.ofMillis(1500));
    assertThatThrownBy(read::check)
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "switchboard.p.timeout-ms must be a whole number of milliseconds from 1 to 2147483647, was '0'"));
  }

  @Test
  @DisplayName("Reading a key that declares no default is a programming error")
  void keyWithoutDefault() {
    ConfigReader read = new ConfigReader("p", SwitchboardConfig.empty());
    assertThatThrownBy(() -> read.millis(ConfigKey.required("switchboard.p.timeout-ms", "ms")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("switchboard.p.timeout-ms");
  }

  @Test
  @DisplayName("Every bad value, and the provider's own problems, are reported together")
  void allAtOnce() {
    ConfigReader read =
        new ConfigReader(
            "p",
            SwitchboardConfig.of(
                Map.of(
                    "switchboard.p.base-url", "ftp://nope",
                    "switchboard.p.timeout-ms", "-5",
                    "switchboard.p.poll-ms", "soon")));
    read.url("switchboard.p.base-url", "https://api.example");
    read.millis("switchboard.p.timeout-ms", 1000);
    read.millis("switchboard.p.poll-ms", 1000);
    read.problem("something the provider checks itself");
    assertThatThrownBy(read::check)
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> {
              assertThat(e.providerId()).hasValue("p");
              assertThat(e.problems())
                  .containsExactly(
                      "switchboard.p.base-url must be an absolute http or https URL",
                      "switchboard.p.timeout-ms must be a whole number of milliseconds from 1 to 2147483647, was '-5'",
                      "switchboard.p.poll-ms must be a whole number of milliseconds from 1 to 2147483647, was 'soon'",
                      "something the provider checks itself");
            });
  }

  @Test
  @DisplayName(
      "A timeout too large for any client, a URL with an impossible port, and a credential no"
          + " request can carry are configuration problems naming the key")
  void impossibleValues() {
    ConfigReader read =
        new ConfigReader(
            "p",
            SwitchboardConfig.of(
                Map.of(
                    "switchboard.p.timeout-ms", "99999999999",
                    "switchboard.p.base-url", "https://api.example:99999/v1",
                    "switchboard.p.api-key", "key\nX-Injected: 1",
                    "switchboard.p.token", "clé")));
    read.millis("switchboard.p.timeout-ms", 1500);
    read.url("switchboard.p.base-url", "https://api.example/v1");
    assertThatThrownBy(read::check)
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(p -> assertThat(p).contains("switchboard.p.timeout-ms"))
                    .anySatisfy(p -> assertThat(p).contains("switchboard.p.base-url")));
    for (String key : List.of("switchboard.p.api-key", "switchboard.p.token")) {
      assertThatThrownBy(() -> read.required(key))
          .isInstanceOfSatisfying(
              ConfigurationException.class,
              e -> assertThat(e.problems()).singleElement().asString().contains(key));
    }
  }
}
