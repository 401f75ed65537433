package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.spi.ConfigKey;
import dev.switchboard.testing.RecordingProvider;
import dev.switchboard.webhook.WebhookSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credentials never show: canary values are configured as every kind of secret, and every place
 * that renders configuration or reports a problem with it is searched for them.
 */
@DisplayName("Secret hygiene")
class SecretsTest {
  private static final String CANARY = "CANARY-SECRET-7f3a9";

  /** Shorter than the 16 characters a webhook secret needs, to provoke that check. */
  private static final String SHORT_CANARY = "CANARY-7f3a9";

  private static final List<String> SECRET_KEYS =
      List.of(
          "switchboard.hoiio.access-token",
          "switchboard.voxtelesys.api-key",
          "switchboard.xoxzo.auth-token",
          SwitchboardConfig.WEBHOOK_SECRET,
          RecordingProvider.TOKEN_KEY);

  /** Every secret key set to the canary, plus ordinary keys that must stay visible. */
  private static SwitchboardConfig canaryConfig() {
    SwitchboardConfig config =
        SwitchboardConfig.of(
            Map.of(
                "switchboard.hoiio.app-id",
                "app-visible",
                "switchboard.xoxzo.sid",
                "sid-visible",
                SwitchboardConfig.WEBHOOK_BASE_URL,
                "https://example.com/hooks"));
    for (String key : SECRET_KEYS) {
      config = config.with(key, CANARY);
    }
    return config;
  }

  /** The message, toString and printed stack trace of {@code e} and all its causes. */
  private static String everythingShownOf(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out, true));
    return out + "\n" + e.getMessage() + "\n" + e.getLocalizedMessage();
  }

  private static ThrowingConsumer<Throwable> showsNoCanary() {
    return e ->
        assertThat(everythingShownOf(e)).doesNotContain(CANARY).doesNotContain(SHORT_CANARY);
  }

  @Nested
  @DisplayName("Classifying keys")
  class Classifying {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "switchboard.hoiio.access-token",
          "switchboard.voxtelesys.api-key",
          "switchboard.xoxzo.auth-token",
          "switchboard.webhook.secret",
          "SWITCHBOARD_HOIIO_ACCESS_TOKEN",
          "SWITCHBOARD_VOXTELESYS_API_KEY",
          "SWITCHBOARD_XOXZO_AUTH_TOKEN",
          "SWITCHBOARD_WEBHOOK_SECRET",
          "Switchboard.Hoiio.Access-Token",
          "switchboard.example.password",
          "access-token",
          "api-key",
          "auth-token",
          "webhook.secret"
        })
    @DisplayName("secret keys are recognised in property, environment and mixed-case forms")
    void secret(String key) {
      assertThat(SwitchboardConfig.isSecret(key)).isTrue();
      assertThat(ConfigKey.required(key, "d").secret()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "switchboard.hoiio.app-id",
          "switchboard.xoxzo.sid",
          "switchboard.hoiio.base-url",
          "switchboard.webhook.base-url",
          "switchboard.provider",
          "SWITCHBOARD_HOIIO_APP_ID",
          "SWITCHBOARD_XOXZO_SID",
          "SWITCHBOARD_PROVIDER",
          "app-id",
          "sid",
          "base-url",
          "provider"
        })
    @DisplayName("ordinary keys are not secret, so they stay visible for debugging")
    void notSecret(String key) {
      assertThat(SwitchboardConfig.isSecret(key)).isFalse();
      assertThat(ConfigKey.required(key, "d").secret()).isFalse();
    }
  }

  @Nested
  @DisplayName("SwitchboardConfig.toString")
  class ConfigToString {
    @Test
    @DisplayName("masks every secret and still shows the ordinary keys and values")
    void masksSecrets() {
      String shown = canaryConfig().toString();

      assertThat(shown)
          .doesNotContain(CANARY)
          .contains("switchboard.hoiio.app-id=app-visible")
          .contains("switchboard.xoxzo.sid=sid-visible")
          .contains("switchboard.webhook.base-url=https://example.com/hooks");
      for (String key : SECRET_KEYS) {
        assertThat(shown).contains(key + "=****");
      }
    }

    @Test
    @DisplayName("masks secrets given as environment variables")
    void masksEnvironmentSecrets() {
      SwitchboardConfig config =
          SwitchboardConfig.fromEnvironment(
              Map.of(
                  "SWITCHBOARD_HOIIO_ACCESS_TOKEN", CANARY,
                  "SWITCHBOARD_VOXTELESYS_API_KEY", CANARY,
                  "SWITCHBOARD_WEBHOOK_SECRET", CANARY,
                  "SWITCHBOARD_HOIIO_APP_ID", "app-visible"));

      assertThat(config.toString())
          .doesNotContain(CANARY)
          .contains("SWITCHBOARD_HOIIO_ACCESS_TOKEN=****")
          .contains("SWITCHBOARD_HOIIO_APP_ID=app-visible");
    }

    @Test
    @DisplayName("masks secrets given as properties and as overrides")
    void masksPropertiesAndOverrides() {
      Properties properties = new Properties();
      properties.setProperty("switchboard.xoxzo.auth-token", CANARY);
      SwitchboardConfig config =
          SwitchboardConfig.fromEnvironment(Map.of("SWITCHBOARD_XOXZO_AUTH_TOKEN", "env-" + CANARY))
              .withOverrides(SwitchboardConfig.fromProperties(properties));

      assertThat(config.toString()).doesNotContain(CANARY).contains("auth-token=****");
    }

    @Test
    @DisplayName("masks a secret whose key was given with surrounding white space")
    void masksSecretUnderPaddedKey() {
      SwitchboardConfig config =
          SwitchboardConfig.of(Map.of(" switchboard.hoiio.access-token\t", CANARY));

      assertThat(config.get("switchboard.hoiio.access-token")).contains(CANARY);
      assertThat(config.toString()).doesNotContain(CANARY);
    }

    @Test
    @DisplayName("masks a password written into a URL and keeps the rest of the URL")
    void masksPasswordInUrl() {
      SwitchboardConfig config =
          SwitchboardConfig.of(
              Map.of(
                  SwitchboardConfig.WEBHOOK_BASE_URL,
                  "https://hooks:" + CANARY + "@example.com/hooks"));

      assertThat(config.toString()).doesNotContain(CANARY).contains("example.com/hooks");
      assertThat(config.get(SwitchboardConfig.WEBHOOK_BASE_URL).orElseThrow()).contains(CANARY);
    }

    @Test
    @DisplayName("leaves a URL without a user-info part as it is, even with an @ in its path")
    void keepsUrlWithoutUserInfo() {
      String url = "https://example.com/hooks/@team?to=ops@example.com";

      assertThat(SwitchboardConfig.of(Map.of(SwitchboardConfig.WEBHOOK_BASE_URL, url)).toString())
          .contains("=" + url + "}");
    }
  }

  @Nested
  @DisplayName("Exceptions from configuration checks")
  class CheckExceptions {
    private Throwable build(RecordingProvider provider, SwitchboardConfig config) {
      Throwable e =
          catchThrowable(() -> Switchboard.builder().provider(provider).config(config).build());
      assertThat(e).as("the configuration check should have failed").isNotNull();
      return e;
    }

    @Test
    @DisplayName("a short secret is reported without quoting it")
    void shortSecret() {
      Throwable e =
          build(
              new RecordingProvider(),
              SwitchboardConfig.of(Map.of(SwitchboardConfig.WEBHOOK_SECRET, SHORT_CANARY)));

      assertThat(e).isInstanceOf(ConfigurationException.class).satisfies(showsNoCanary());
      assertThat(((ConfigurationException) e).problems())
          .hasSize(2)
          .allSatisfy(p -> assertThat(p).doesNotContain(SHORT_CANARY));
    }

    @Test
    @DisplayName("problems beside configured secrets are reported without quoting any of them")
    void problemsBesideSecrets() {
      SwitchboardConfig config =
          canaryConfig()
              .with(SwitchboardConfig.WEBHOOK_BASE_URL, "hooks.example.com")
              .with("switchboard.recording.base-url", "ftp://example.com");
      RecordingProvider provider =
          new RecordingProvider() {
            @Override
            public List<ConfigKey> configKeys() {
              return List.of(
                  ConfigKey.required(RecordingProvider.TOKEN_KEY, "token"),
                  ConfigKey.required("switchboard.recording.api-key", "key"),
                  ConfigKey.required("switchboard.recording.missing", "missing"),
                  ConfigKey.baseUrl("switchboard.recording.base-url", "https://example.com"));
            }
          };

      Throwable e = build(provider, config.with("switchboard.recording.api-key", CANARY));

      assertThat(e).isInstanceOf(ConfigurationException.class).satisfies(showsNoCanary());
      assertThat(((ConfigurationException) e).problems()).hasSize(3);
    }

    @Test
    @DisplayName("a secret pasted into a URL key by mistake is not echoed back")
    void secretInUrlKey() {
      SwitchboardConfig config =
          SwitchboardConfig.of(
              Map.of(
                  RecordingProvider.TOKEN_KEY, CANARY,
                  SwitchboardConfig.WEBHOOK_BASE_URL, CANARY,
                  SwitchboardConfig.WEBHOOK_SECRET, SHORT_CANARY));

      Throwable e = build(new RecordingProvider(), config);

      assertThat(e).isInstanceOf(ConfigurationException.class).satisfies(showsNoCanary());
    }

    @Test
    @DisplayName("a failed provider choice does not quote the configuration's secrets")
    void providerChoice() throws IOException {
      try (URLClassLoader empty =
          new URLClassLoader(new URL[0], SecretsTest.class.getClassLoader())) {
        Throwable e =
            catchThrowable(
                () ->
                    Switchboard.builder()
                        .classLoader(empty)
                        .config(canaryConfig().with(SwitchboardConfig.PROVIDER, "hoiio"))
                        .build());

        assertThat(e).isInstanceOf(ProviderNotFoundException.class).satisfies(showsNoCanary());
      }
    }

    @Test
    @DisplayName("the signer refuses a short secret without quoting it")
    void signerShortSecret() {
      Throwable e =
          catchThrowable(() -> new WebhookSigner(URI.create("https://example.com"), SHORT_CANARY));

      assertThat(e).isInstanceOf(ConfigurationException.class).satisfies(showsNoCanary());
    }
  }

  @Nested
  @DisplayName("Objects built from the configuration")
  class BuiltObjects {
    @Test
    @DisplayName("WebhookSigner.toString shows the base URL but never the key")
    void signerToString() {
      WebhookSigner signer = WebhookSigner.fromConfig(canaryConfig()).orElseThrow();

      assertThat(signer.toString()).doesNotContain(CANARY).contains("https://example.com/hooks");
      assertThat(signer.sign("/recording/notify", "ref-1").toString()).doesNotContain(CANARY);
    }

    @Test
    @DisplayName("WebhookSigner.toString hides a password written into the base URL")
    void signerToStringWithPasswordInUrl() {
      WebhookSigner signer =
          new WebhookSigner(
              URI.create("https://hooks:" + CANARY + "@example.com/hooks"), "0123456789abcdef");

      assertThat(signer.toString()).doesNotContain(CANARY).contains("example.com/hooks");
    }

    @Test
    @DisplayName("VoiceClient.toString shows the provider but none of the credentials")
    void clientToString() {
      try (VoiceClient client =
          Switchboard.builder().provider(new RecordingProvider()).config(canaryConfig()).build()) {
        assertThat(client.toString()).doesNotContain(CANARY).contains("recording");
        assertThat(client.incomingCallUrl().toString()).doesNotContain(CANARY);
      }
    }
  }
}
