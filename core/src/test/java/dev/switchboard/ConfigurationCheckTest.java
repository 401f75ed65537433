package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.spi.ConfigKey;
import dev.switchboard.testing.RecordingProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checks {@link Switchboard.Builder#build()} makes before connecting: every missing or invalid
 * key is reported in one {@link ConfigurationException}, each problem naming the property and its
 * environment variable.
 */
@DisplayName("Configuration checks before connecting")
class ConfigurationCheckTest {
  private static final String TOKEN = RecordingProvider.TOKEN_KEY;
  private static final String TOKEN_ENV = "SWITCHBOARD_RECORDING_ACCESS_TOKEN";
  private static final String BASE_URL = SwitchboardConfig.WEBHOOK_BASE_URL;
  private static final String BASE_URL_ENV = "SWITCHBOARD_WEBHOOK_BASE_URL";
  private static final String SECRET = SwitchboardConfig.WEBHOOK_SECRET;
  private static final String SECRET_ENV = "SWITCHBOARD_WEBHOOK_SECRET";
  private static final String API_URL = "switchboard.recording.base-url";
  private static final String API_URL_ENV = "SWITCHBOARD_RECORDING_BASE_URL";
  private static final String GOOD_SECRET = "0123456789abcdef";

  /** The recording provider plus a base URL key, as every real provider has. */
  static final class ProviderWithBaseUrl extends RecordingProvider {
    @Override
    public List<ConfigKey> configKeys() {
      return List.of(
          ConfigKey.required(TOKEN, "test access token"),
          ConfigKey.baseUrl(API_URL, "https://api.example.com/v1"));
    }
  }

  private static ConfigurationException failure(
      RecordingProvider provider, SwitchboardConfig config) {
    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class,
            () -> Switchboard.builder().provider(provider).config(config).build());
    assertThat(e).as("a ConfigurationException").isNotNull();
    assertThat(provider.connections).as("connections made despite the problems").hasValue(0);
    return e;
  }

  private static ConfigurationException failure(SwitchboardConfig config) {
    return failure(new RecordingProvider(), config);
  }

  private static SwitchboardConfig withToken() {
    return SwitchboardConfig.of(Map.of(TOKEN, "token-value"));
  }

  @Nested
  @DisplayName("A complete configuration")
  class Complete {
    @Test
    @DisplayName("connects the provider once when the required key is given as a property")
    void connectsWithProperty() {
      RecordingProvider provider = new RecordingProvider();

      try (VoiceClient client =
          Switchboard.builder().provider(provider).config(withToken()).build()) {
        assertThat(client.providerId()).isEqualTo("recording");
      }
      assertThat(provider.connections).hasValue(1);
    }

    @Test
    @DisplayName("connects when the required key is given as an environment variable")
    void connectsWithEnvironment() {
      RecordingProvider provider = new RecordingProvider();
      SwitchboardConfig env = SwitchboardConfig.fromEnvironment(Map.of(TOKEN_ENV, "token-value"));

      try (VoiceClient client = Switchboard.builder().provider(provider).config(env).build()) {
        assertThat(client.providerId()).isEqualTo("recording");
      }
      assertThat(provider.connections).hasValue(1);
    }

    @Test
    @DisplayName("connects with a webhook base URL and a secret of exactly 16 characters")
    void connectsWithWebhooks() {
      SwitchboardConfig config =
          withToken().with(BASE_URL, "https://example.com/hooks").with(SECRET, GOOD_SECRET);

      try (VoiceClient client =
          Switchboard.builder().provider(new RecordingProvider()).config(config).build()) {
        assertThat(client.incomingCallUrl().toString()).startsWith("https://example.com/hooks/");
      }
    }

    @Test
    @DisplayName("connects with a valid provider base URL over http or https")
    void connectsWithApiUrl() {
      for (String url : List.of("http://127.0.0.1:8080/api", "https://api.example.com")) {
        ProviderWithBaseUrl provider = new ProviderWithBaseUrl();
        try (VoiceClient client =
            Switchboard.builder()
                .provider(provider)
                .config(withToken().with(API_URL, url))
                .build()) {
          assertThat(provider.connections).hasValue(1);
        }
      }
    }
  }

  @Nested
  @DisplayName("A single problem")
  class SingleProblem {
    @Test
    @DisplayName("a missing required key is named with its environment variable and description")
    void missingRequiredKey() {
      ConfigurationException e = failure(SwitchboardConfig.empty());

      assertThat(e.providerId()).contains("recording");
      assertThat(e.problems()).hasSize(1);
      assertThat(e.problems().get(0))
          .contains("missing")
          .contains(TOKEN)
          .contains(TOKEN_ENV)
          .contains("test access token");
      assertThat(e.getMessage()).isEqualTo(e.problems().get(0));
    }

    @Test
    @DisplayName("a blank required key counts as missing")
    void blankRequiredKey() {
      ConfigurationException e = failure(SwitchboardConfig.fromEnvironment(Map.of(TOKEN_ENV, " ")));

      assertThat(e.problems()).singleElement().asString().contains("missing").contains(TOKEN);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
        strings = {
          "not a url",
          "example.com/hooks",
          "/hooks",
          "ftp://example.com/hooks",
          "https://",
          "https:///hooks",
          "http://exa mple.com/hooks"
        })
    @DisplayName(
        "a webhook base URL that is not an absolute http(s) URL is named with its variable")
    void invalidWebhookBaseUrl(String url) {
      ConfigurationException e = failure(withToken().with(BASE_URL, url).with(SECRET, GOOD_SECRET));

      assertThat(e.problems())
          .singleElement()
          .asString()
          .contains(BASE_URL)
          .contains(BASE_URL_ENV)
          .contains("absolute http or https URL");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
        strings = {"https://example.com/hooks?x=1", "https://example.com/hooks#f", "http://a/?"})
    @DisplayName("a webhook base URL with a query or fragment is refused: signatures need the URL")
    void webhookBaseUrlWithQueryOrFragment(String url) {
      ConfigurationException e = failure(withToken().with(BASE_URL, url).with(SECRET, GOOD_SECRET));

      assertThat(e.problems())
          .singleElement()
          .asString()
          .contains(BASE_URL)
          .contains(BASE_URL_ENV)
          .contains("no query and no fragment");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"api.example.com", "file:///etc/passwd", "mailto:ops@example.com"})
    @DisplayName(
        "a provider base URL that is not an absolute http(s) URL is named with its variable")
    void invalidProviderBaseUrl(String url) {
      ConfigurationException e = failure(new ProviderWithBaseUrl(), withToken().with(API_URL, url));

      assertThat(e.problems())
          .singleElement()
          .asString()
          .contains(API_URL)
          .contains(API_URL_ENV)
          .contains("absolute http or https URL");
    }

    @Test
    @DisplayName("a webhook base URL without a secret asks for the secret by key and variable")
    void baseUrlWithoutSecret() {
      ConfigurationException e = failure(withToken().with(BASE_URL, "https://example.com/hooks"));

      assertThat(e.problems())
          .singleElement()
          .asString()
          .contains("missing")
          .contains(SECRET)
          .contains(SECRET_ENV)
          .contains(BASE_URL);
    }

    @Test
    @DisplayName("a secret shorter than 16 characters is refused, naming key and variable")
    void shortSecret() {
      ConfigurationException e =
          failure(
              withToken()
                  .with(BASE_URL, "https://example.com/hooks")
                  .with(SECRET, GOOD_SECRET.substring(1)));

      assertThat(e.problems())
          .singleElement()
          .asString()
          .contains(SECRET)
          .contains(SECRET_ENV)
          .contains("at least 16 characters");
    }

    @Test
    @DisplayName("a short secret is refused even without a webhook base URL")
    void shortSecretWithoutBaseUrl() {
      ConfigurationException e = failure(withToken().with(SECRET, "short"));

      assertThat(e.problems()).singleElement().asString().contains(SECRET).contains("16");
    }
  }

  @Nested
  @DisplayName("Several problems")
  class SeveralProblems {
    @Test
    @DisplayName("a missing key, two invalid URLs and a missing secret come in one exception")
    void missingKeyInvalidUrlsMissingSecret() {
      SwitchboardConfig config =
          SwitchboardConfig.of(Map.of(BASE_URL, "example.com/hooks", API_URL, "ftp://api"));

      ConfigurationException e = failure(new ProviderWithBaseUrl(), config);

      assertThat(e.problems()).hasSize(4);
      assertThat(e.problems())
          .anySatisfy(p -> assertThat(p).contains("missing").contains(TOKEN).contains(TOKEN_ENV))
          .anySatisfy(p -> assertThat(p).contains(API_URL).contains(API_URL_ENV).contains("URL"))
          .anySatisfy(
              p ->
                  assertThat(p)
                      .startsWith(BASE_URL)
                      .contains(BASE_URL_ENV)
                      .contains("absolute http or https URL"))
          .anySatisfy(p -> assertThat(p).contains("missing").contains(SECRET).contains(SECRET_ENV));
      assertThat(e.getMessage()).startsWith("configuration has 4 problems: ");
      e.problems().forEach(p -> assertThat(e.getMessage()).contains(p));
    }

    @Test
    @DisplayName("a missing key, an invalid base URL and a short secret come in one exception")
    void missingKeyInvalidBaseUrlShortSecret() {
      SwitchboardConfig config =
          SwitchboardConfig.fromEnvironment(
              Map.of(BASE_URL_ENV, "hooks.example.com", SECRET_ENV, "too-short"));

      ConfigurationException e = failure(config);

      assertThat(e.problems()).hasSize(3);
      assertThat(e.problems())
          .anySatisfy(p -> assertThat(p).contains("missing").contains(TOKEN).contains(TOKEN_ENV))
          .anySatisfy(p -> assertThat(p).contains(BASE_URL).contains(BASE_URL_ENV))
          .anySatisfy(p -> assertThat(p).contains(SECRET).contains(SECRET_ENV).contains("16"));
      assertThat(e.getMessage()).startsWith("configuration has 3 problems: ");
    }

    @Test
    @DisplayName("every problem names both the property and the environment variable it concerns")
    void everyProblemNamesBothForms() {
      SwitchboardConfig config =
          SwitchboardConfig.of(Map.of(BASE_URL, "nope", SECRET, "short", API_URL, "nope"));

      ConfigurationException e = failure(new ProviderWithBaseUrl(), config);

      assertThat(e.problems())
          .hasSize(4)
          .allSatisfy(p -> assertThat(p).containsPattern("switchboard\\.[a-z.-]+"))
          .allSatisfy(
              p -> assertThat(p).containsPattern("environment variable SWITCHBOARD_[A-Z_]+"));
    }
  }
}
