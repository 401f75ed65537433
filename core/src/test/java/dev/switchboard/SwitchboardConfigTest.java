package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SwitchboardConfig")
class SwitchboardConfigTest {
  private static final String APP_ID = "switchboard.hoiio.app-id";

  @Nested
  @DisplayName("Read from properties")
  class FromProperties {
    @Test
    @DisplayName("keeps the switchboard entries and ignores every other property")
    void keepsOnlySwitchboardEntries() {
      Properties properties = new Properties();
      properties.setProperty(APP_ID, "app-1");
      properties.setProperty("switchboard.provider", "hoiio");
      properties.setProperty("java.home", "/opt/java");
      properties.setProperty("switchboardish.key", "nope");

      SwitchboardConfig config = SwitchboardConfig.fromProperties(properties);

      assertThat(config.names()).containsExactlyInAnyOrder(APP_ID, "switchboard.provider");
      assertThat(config.get(APP_ID)).contains("app-1");
      assertThat(config.provider()).contains("hoiio");
    }

    @Test
    @DisplayName("sees the defaults a Properties object was created with")
    void seesDefaults() {
      Properties defaults = new Properties();
      defaults.setProperty(APP_ID, "from-defaults");
      Properties properties = new Properties(defaults);

      assertThat(SwitchboardConfig.fromProperties(properties).get(APP_ID))
          .contains("from-defaults");
    }

    @Test
    @DisplayName("an environment name finds a value given as a property")
    void environmentNameFindsProperty() {
      Properties properties = new Properties();
      properties.setProperty(APP_ID, "app-1");

      assertThat(SwitchboardConfig.fromProperties(properties).get("SWITCHBOARD_HOIIO_APP_ID"))
          .contains("app-1");
    }
  }

  @Nested
  @DisplayName("Read from an environment")
  class FromEnvironment {
    @Test
    @DisplayName("keeps the SWITCHBOARD_ variables and ignores every other variable")
    void keepsOnlySwitchboardVariables() {
      SwitchboardConfig config =
          SwitchboardConfig.fromEnvironment(
              Map.of(
                  "SWITCHBOARD_HOIIO_APP_ID", "app-1",
                  "PATH", "/usr/bin",
                  "HOIIO_APP_ID", "not ours",
                  "switchboard_hoiio_app_id", "lower case is not an environment name"));

      assertThat(config.names()).containsExactly("SWITCHBOARD_HOIIO_APP_ID");
    }

    @Test
    @DisplayName("a property name finds a value given as an environment variable")
    void propertyNameFindsEnvironmentValue() {
      SwitchboardConfig config =
          SwitchboardConfig.fromEnvironment(
              Map.of(
                  "SWITCHBOARD_HOIIO_APP_ID", "app-1",
                  "SWITCHBOARD_WEBHOOK_BASE_URL", "https://example.com/hooks",
                  "SWITCHBOARD_PROVIDER", "HOIIO"));

      assertThat(config.get(APP_ID)).contains("app-1");
      assertThat(config.get(SwitchboardConfig.WEBHOOK_BASE_URL))
          .contains("https://example.com/hooks");
      assertThat(config.provider()).contains("hoiio");
    }

    @Test
    @DisplayName("an empty environment gives an empty configuration")
    void emptyEnvironment() {
      assertThat(SwitchboardConfig.fromEnvironment(Map.of())).isEqualTo(SwitchboardConfig.empty());
    }
  }

  @Nested
  @DisplayName("Built from a plain map")
  class FromMap {
    @Test
    @DisplayName("keeps every entry, whatever its prefix, and finds it by either name")
    void keepsEntries() {
      SwitchboardConfig config = SwitchboardConfig.of(Map.of(APP_ID, "app-1", "custom.key", "v"));

      assertThat(config.get(APP_ID)).contains("app-1");
      assertThat(config.get("SWITCHBOARD_HOIIO_APP_ID")).contains("app-1");
      assertThat(config.get("custom.key")).contains("v");
      assertThat(config.get("switchboard.hoiio.access-token")).isEmpty();
    }

    @Test
    @DisplayName("blank and null values count as absent")
    void blankValuesAreAbsent() {
      Map<String, String> values = new HashMap<>();
      values.put(APP_ID, "");
      values.put("switchboard.hoiio.access-token", "   ");
      values.put("switchboard.provider", null);
      values.put("switchboard.hoiio.base-url", "\t\n");

      SwitchboardConfig config = SwitchboardConfig.of(values);

      assertThat(config.names()).isEmpty();
      assertThat(config.get(APP_ID)).isEmpty();
      assertThat(config.get(APP_ID, "fallback")).isEqualTo("fallback");
      assertThat(config.provider()).isEmpty();
      assertThat(config).isEqualTo(SwitchboardConfig.empty());
    }

    @Test
    @DisplayName("blank values count as absent in environments and properties too")
    void blankValuesAreAbsentEverywhere() {
      Properties properties = new Properties();
      properties.setProperty(APP_ID, " ");

      assertThat(SwitchboardConfig.fromProperties(properties).get(APP_ID)).isEmpty();
      assertThat(SwitchboardConfig.fromEnvironment(Map.of("SWITCHBOARD_HOIIO_APP_ID", "")).names())
          .isEmpty();
    }

    @Test
    @DisplayName("values lose surrounding white space and keys are found despite theirs")
    void trims() {
      SwitchboardConfig config = SwitchboardConfig.of(Map.of(" " + APP_ID + " ", "  app-1 \n"));

      assertThat(config.get(APP_ID)).contains("app-1");
      assertThat(config.get(" SWITCHBOARD_HOIIO_APP_ID")).contains("app-1");
      assertThat(config.names()).containsExactly(APP_ID);
    }

    @Test
    @DisplayName("the fallback is given only when the key is absent")
    void fallback() {
      SwitchboardConfig config = SwitchboardConfig.of(Map.of(APP_ID, "app-1"));

      assertThat(config.get(APP_ID, "fallback")).isEqualTo("app-1");
      assertThat(config.get("switchboard.hoiio.base-url", "fallback")).isEqualTo("fallback");
    }

    @Test
    @DisplayName("the configuration does not change when the map it was built from does")
    void isACopy() {
      Map<String, String> values = new HashMap<>();
      values.put(APP_ID, "app-1");
      SwitchboardConfig config = SwitchboardConfig.of(values);

      values.put(APP_ID, "app-2");
      values.put("switchboard.provider", "hoiio");

      assertThat(config.get(APP_ID)).contains("app-1");
      assertThat(config.provider()).isEmpty();
    }
  }

  @Nested
  @DisplayName("Combining configurations")
  class Overrides {
    private final SwitchboardConfig environment =
        SwitchboardConfig.fromEnvironment(
            Map.of(
                "SWITCHBOARD_HOIIO_APP_ID", "env-app",
                "SWITCHBOARD_HOIIO_ACCESS_TOKEN", "env-token"));

    @Test
    @DisplayName("an override given as a property replaces the same key given as a variable")
    void propertyOverridesEnvironment() {
      Properties properties = new Properties();
      properties.setProperty(APP_ID, "property-app");

      SwitchboardConfig config =
          environment.withOverrides(SwitchboardConfig.fromProperties(properties));

      assertThat(config.get(APP_ID)).contains("property-app");
      assertThat(config.get("SWITCHBOARD_HOIIO_APP_ID")).contains("property-app");
      assertThat(config.get("switchboard.hoiio.access-token")).contains("env-token");
      assertThat(config.names())
          .containsExactlyInAnyOrder(APP_ID, "SWITCHBOARD_HOIIO_ACCESS_TOKEN");
    }

    @Test
    @DisplayName("keys the overrides lack keep their values, and the originals are unchanged")
    void keepsTheRest() {
      SwitchboardConfig overrides = SwitchboardConfig.of(Map.of("switchboard.provider", "hoiio"));

      SwitchboardConfig config = environment.withOverrides(overrides);

      assertThat(config.get(APP_ID)).contains("env-app");
      assertThat(config.provider()).contains("hoiio");
      assertThat(environment.provider()).isEmpty();
      assertThat(overrides.get(APP_ID)).isEmpty();
    }

    @Test
    @DisplayName("a blank override does not erase a value")
    void blankOverrideKeepsValue() {
      Properties properties = new Properties();
      properties.setProperty(APP_ID, "  ");

      assertThat(
              environment.withOverrides(SwitchboardConfig.fromProperties(properties)).get(APP_ID))
          .contains("env-app");
      assertThat(environment.with(APP_ID, "").get(APP_ID)).contains("env-app");
    }

    @Test
    @DisplayName("with adds one entry or replaces the one of the same key")
    void with() {
      SwitchboardConfig config =
          environment.with("SWITCHBOARD_HOIIO_APP_ID", "new-app").with("switchboard.provider", "x");

      assertThat(config.get(APP_ID)).contains("new-app");
      assertThat(config.provider()).contains("x");
      assertThat(environment.get(APP_ID)).contains("env-app");
    }

    @Test
    @DisplayName("with a null value leaves the configuration as it was, as a blank value does")
    void withNull() {
      assertThat(environment.with(APP_ID, null)).isEqualTo(environment);
    }

    @Test
    @DisplayName("load includes the switchboard system properties, found by either name")
    void loadReadsSystemProperties() {
      String key = "switchboard.config-test.load-probe";
      String previous = System.getProperty(key);
      System.setProperty(key, "from-system-properties");
      try {
        SwitchboardConfig config = SwitchboardConfig.load();

        assertThat(config.get(key)).contains("from-system-properties");
        assertThat(config.get(SwitchboardConfig.environmentName(key)))
            .contains("from-system-properties");
        assertThat(config.names())
            .allMatch(n -> n.startsWith("switchboard.") || n.startsWith("SWITCHBOARD_"));
      } finally {
        if (previous == null) {
          System.clearProperty(key);
        } else {
          System.setProperty(key, previous);
        }
      }
    }
  }

  @Nested
  @DisplayName("Environment names")
  class EnvironmentNames {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "switchboard.provider, SWITCHBOARD_PROVIDER",
      "switchboard.webhook.base-url, SWITCHBOARD_WEBHOOK_BASE_URL",
      "switchboard.webhook.secret, SWITCHBOARD_WEBHOOK_SECRET",
      "switchboard.hoiio.app-id, SWITCHBOARD_HOIIO_APP_ID",
      "switchboard.hoiio.access-token, SWITCHBOARD_HOIIO_ACCESS_TOKEN",
      "switchboard.voxtelesys.api-key, SWITCHBOARD_VOXTELESYS_API_KEY",
      "switchboard.xoxzo.auth-token, SWITCHBOARD_XOXZO_AUTH_TOKEN",
      "switchboard.xoxzo.sid, SWITCHBOARD_XOXZO_SID",
      "SWITCHBOARD_XOXZO_SID, SWITCHBOARD_XOXZO_SID",
    })
    @DisplayName("each key maps to its upper-case environment name with dots and dashes as _")
    void mapping(String key, String environmentName) {
      assertThat(SwitchboardConfig.environmentName(key)).isEqualTo(environmentName);
      assertThat(SwitchboardConfig.of(Map.of(environmentName, "v")).get(key)).contains("v");
      assertThat(SwitchboardConfig.of(Map.of(key, "v")).get(environmentName)).contains("v");
    }
  }

  @Test
  @DisplayName("switchboard.provider may list several, in order")
  void providerList() {
    SwitchboardConfig config =
        SwitchboardConfig.of(Map.of(SwitchboardConfig.PROVIDER, " Voxtelesys, hoiio ,,"));
    assertThat(config.providers()).containsExactly("voxtelesys", "hoiio");
    assertThat(SwitchboardConfig.empty().providers()).isEmpty();
  }
}
