package dev.switchboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ConfigurationException;
import dev.switchboard.SwitchboardConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("WebhookSigner")
class WebhookSignerTest {
  private static final String SECRET = "a-secret-of-16-chars-or-more";
  private static final String PATH = "/recording/notify";
  private static final String REFERENCE = "call-42";

  private final WebhookSigner signer =
      new WebhookSigner(URI.create("https://example.com/hooks"), SECRET);

  /** The request a server sees for {@code uri}: path and query only, as on the request line. */
  private static WebhookRequest received(String pathAndQuery) {
    return WebhookRequest.builder().method("POST").uri(pathAndQuery).build();
  }

  private static String pathAndQuery(URI uri) {
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private static String param(URI uri, String name) {
    return WebhookRequest.builder().uri(uri).build().query().get(name).get(0);
  }

  private String signedPathAndQuery() {
    return pathAndQuery(signer.sign(PATH, REFERENCE));
  }

  @Nested
  @DisplayName("A correctly signed request")
  class Signed {
    @Test
    @DisplayName("A signed URL verifies and yields the call reference it was signed with.")
    void signedUrlVerifies() {
      assertThat(signer.verify(received(signedPathAndQuery()))).contains(REFERENCE);
    }

    @Test
    @DisplayName("The absolute signed URL itself verifies as well as its path and query.")
    void absoluteUrlVerifies() {
      URI signed = signer.sign(PATH, REFERENCE);

      assertThat(signer.verify(WebhookRequest.builder().uri(signed).build())).contains(REFERENCE);
    }

    @Test
    @DisplayName("A call reference that needs URL encoding survives the round trip unchanged.")
    void referenceNeedingEncodingRoundTrips() {
      String reference = "call 7/ä&x=y+z";
      URI signed = signer.sign(PATH, reference);

      assertThat(signer.verify(received(pathAndQuery(signed)))).contains(reference);
    }

    @Test
    @DisplayName("A fresh call reference from newCallReference verifies after signing.")
    void freshReferenceVerifies() {
      String reference = WebhookSigner.newCallReference();

      assertThat(signer.verify(received(pathAndQuery(signer.sign(PATH, reference)))))
          .contains(reference);
      assertThat(reference).isNotEqualTo(WebhookSigner.newCallReference());
    }

    @Test
    @DisplayName("The signed URL lies below the base URL and carries both signing parameters.")
    void signedUrlShape() {
      URI signed = signer.sign(PATH, REFERENCE);

      assertThat(signed.toString()).startsWith("https://example.com/hooks/recording/notify?");
      assertThat(param(signed, WebhookSigner.CALL_PARAMETER)).isEqualTo(REFERENCE);
      assertThat(param(signed, WebhookSigner.SIGNATURE_PARAMETER)).hasSize(64);
    }

    @Test
    @DisplayName("Query parameters a vendor adds before or after the signed ones do not matter.")
    void vendorParametersDoNotBreakVerification() {
      URI signed = signer.sign(PATH, REFERENCE);
      String withExtras =
          signed.getRawPath() + "?CallSid=CA123&from=%2B6561234567&" + signed.getRawQuery() + "&x=";

      assertThat(signer.verify(received(withExtras))).contains(REFERENCE);
    }

    @Test
    @DisplayName("A path passed without a leading slash is refused when signing.")
    void pathWithoutSlashIsRefused() {
      assertThatThrownBy(() -> signer.sign("recording/notify", REFERENCE))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("A base URL that cannot carry a signature")
  class BadBaseUrl {
    @Test
    @DisplayName("A base URL with a query or a fragment is refused, naming the key.")
    void queryOrFragmentRefused() {
      for (String base :
          List.of(
              "https://example.com/hooks?x=1",
              "https://example.com/hooks#part",
              "https://example.com/?",
              "https://example.com/hooks#")) {
        assertThatThrownBy(() -> new WebhookSigner(URI.create(base), SECRET))
            .as(base)
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining(SwitchboardConfig.WEBHOOK_BASE_URL)
            .hasMessageContaining("no query and no fragment");
      }
    }
  }

  @Nested
  @DisplayName("A base URL with a path prefix")
  class PathPrefix {
    @Test
    @DisplayName("A request whose path still includes the base URL's prefix verifies.")
    void pathWithPrefixVerifies() {
      assertThat(signedPathAndQuery()).startsWith("/hooks/recording/notify?");
      assertThat(signer.verify(received(signedPathAndQuery()))).contains(REFERENCE);
    }

    @Test
    @DisplayName("A request whose prefix a reverse proxy stripped from the path verifies too.")
    void pathWithoutPrefixVerifies() {
      String stripped = signedPathAndQuery().substring("/hooks".length());

      assertThat(stripped).startsWith("/recording/notify?");
      assertThat(signer.verify(received(stripped))).contains(REFERENCE);
    }

    @Test
    @DisplayName("A trailing slash on the base URL makes no difference to signing or verifying.")
    void trailingSlashOnBaseUrl() {
      WebhookSigner slashed = new WebhookSigner(URI.create("https://example.com/hooks/"), SECRET);

      assertThat(slashed.baseUrl()).isEqualTo(URI.create("https://example.com/hooks"));
      assertThat(slashed.sign(PATH, REFERENCE)).isEqualTo(signer.sign(PATH, REFERENCE));
      assertThat(slashed.verify(received(signedPathAndQuery()))).contains(REFERENCE);
    }

    @Test
    @DisplayName("A base URL without a path signs and verifies the bare path.")
    void baseUrlWithoutPath() {
      WebhookSigner bare = new WebhookSigner(URI.create("https://example.com"), SECRET);
      URI signed = bare.sign(PATH, REFERENCE);

      assertThat(signed.getRawPath()).isEqualTo(PATH);
      assertThat(bare.verify(received(pathAndQuery(signed)))).contains(REFERENCE);
    }
  }

  @Nested
  @DisplayName("An altered or forged request")
  class Refused {
    @Test
    @DisplayName("A request whose path was changed is refused.")
    void tamperedPath() {
      URI signed = signer.sign(PATH, REFERENCE);

      assertThat(signer.verify(received("/hooks/recording/other?" + signed.getRawQuery())))
          .isEmpty();
      assertThat(signer.verify(received("/hooks/recording/notify/x?" + signed.getRawQuery())))
          .isEmpty();
    }

    @Test
    @DisplayName("A request whose call reference was changed is refused.")
    void tamperedCallReference() {
      String tampered = signedPathAndQuery().replace("sb_call=call-42", "sb_call=call-43");

      assertThat(tampered).isNotEqualTo(signedPathAndQuery());
      assertThat(signer.verify(received(tampered))).isEmpty();
    }

    @Test
    @DisplayName("A request whose token had one character changed is refused.")
    void tamperedSignature() {
      URI signed = signer.sign(PATH, REFERENCE);
      String token = param(signed, WebhookSigner.SIGNATURE_PARAMETER);
      char last = token.charAt(token.length() - 1);
      String altered = token.substring(0, token.length() - 1) + (last == '0' ? '1' : '0');

      assertThat(signer.verify(received(signedPathAndQuery().replace(token, altered)))).isEmpty();
    }

    @Test
    @DisplayName("A request whose token is in upper case is refused, since tokens are exact.")
    void upperCaseSignature() {
      URI signed = signer.sign(PATH, REFERENCE);
      String token = param(signed, WebhookSigner.SIGNATURE_PARAMETER);

      assertThat(token).isNotEqualTo(token.toUpperCase());
      assertThat(signer.verify(received(signedPathAndQuery().replace(token, token.toUpperCase()))))
          .isEmpty();
    }

    @Test
    @DisplayName("A request carrying only a prefix of the token is refused.")
    void truncatedSignature() {
      URI signed = signer.sign(PATH, REFERENCE);
      String token = param(signed, WebhookSigner.SIGNATURE_PARAMETER);

      assertThat(
              signer.verify(received(signedPathAndQuery().replace(token, token.substring(0, 63)))))
          .isEmpty();
      assertThat(
              signer.verify(received(signedPathAndQuery().replace(token, token.substring(0, 8)))))
          .isEmpty();
      assertThat(signer.verify(received(signedPathAndQuery().replace(token, "")))).isEmpty();
    }

    @Test
    @DisplayName("A request without a token is refused.")
    void missingSignature() {
      URI signed = signer.sign(PATH, REFERENCE);
      String token = param(signed, WebhookSigner.SIGNATURE_PARAMETER);

      assertThat(signer.verify(received(signedPathAndQuery().replace("&sb_sig=" + token, ""))))
          .isEmpty();
    }

    @Test
    @DisplayName("A request without a call reference is refused.")
    void missingCallReference() {
      assertThat(signer.verify(received(signedPathAndQuery().replace("sb_call=call-42&", ""))))
          .isEmpty();
    }

    @Test
    @DisplayName("A request without any query string is refused.")
    void unsigned() {
      assertThat(signer.verify(received("/hooks/recording/notify"))).isEmpty();
    }

    @Test
    @DisplayName("A request that repeats the call reference, even with the same value, is refused.")
    void duplicatedCallReference() {
      assertThat(signer.verify(received(signedPathAndQuery() + "&sb_call=call-42"))).isEmpty();
      assertThat(signer.verify(received(signedPathAndQuery() + "&sb_call=call-43"))).isEmpty();
    }

    @Test
    @DisplayName("A request that repeats the token, even with the same value, is refused.")
    void duplicatedSignature() {
      URI signed = signer.sign(PATH, REFERENCE);
      String token = param(signed, WebhookSigner.SIGNATURE_PARAMETER);

      assertThat(signer.verify(received(signedPathAndQuery() + "&sb_sig=" + token))).isEmpty();
      assertThat(signer.verify(received("/hooks" + PATH + "?sb_sig=0&" + signed.getRawQuery())))
          .isEmpty();
    }

    @Test
    @DisplayName("A URL signed with a different secret is refused.")
    void differentSecret() {
      WebhookSigner other =
          new WebhookSigner(URI.create("https://example.com/hooks"), "another-secret-of-16+");

      assertThat(signer.verify(received(pathAndQuery(other.sign(PATH, REFERENCE))))).isEmpty();
      assertThat(other.verify(received(signedPathAndQuery()))).isEmpty();
    }

    @Test
    @DisplayName("A token for one call cannot be reused for another call on the same path.")
    void tokenIsBoundToTheCall() {
      URI first = signer.sign(PATH, "call-1");
      URI second = signer.sign(PATH, "call-2");
      String spliced =
          "/hooks"
              + PATH
              + "?sb_call=call-2&sb_sig="
              + param(first, WebhookSigner.SIGNATURE_PARAMETER);

      assertThat(param(first, WebhookSigner.SIGNATURE_PARAMETER))
          .isNotEqualTo(param(second, WebhookSigner.SIGNATURE_PARAMETER));
      assertThat(signer.verify(received(spliced))).isEmpty();
    }
  }

  @Nested
  @DisplayName("The secret")
  class Secret {
    @Test
    @DisplayName("A secret shorter than 16 characters is refused with a configuration error.")
    void shortSecretIsRefused() {
      URI base = URI.create("https://example.com/hooks");

      assertThatThrownBy(() -> new WebhookSigner(base, "fifteen-chars!!"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(SwitchboardConfig.WEBHOOK_SECRET)
          .hasMessageNotContaining("fifteen-chars!!");
      assertThatThrownBy(() -> new WebhookSigner(base, null))
          .isInstanceOf(ConfigurationException.class);
      assertThat(new WebhookSigner(base, "sixteen-chars!!!").baseUrl()).isEqualTo(base);
    }

    @Test
    @DisplayName("The signer's text form shows the base URL but never the secret.")
    void toStringHidesSecret() {
      String canary = "CANARY-7f3a9c-never-print-me";
      WebhookSigner canarySigner =
          new WebhookSigner(URI.create("https://example.com/hooks"), canary);

      assertThat(canarySigner.toString())
          .contains("https://example.com/hooks")
          .doesNotContain(canary)
          .doesNotContain("CANARY");
    }

    @Test
    @DisplayName("A signer built from configuration never shows the secret in its text form.")
    void configuredToStringHidesSecret() {
      String canary = "CANARY-5d1e20-never-print-me";
      Optional<WebhookSigner> configured =
          WebhookSigner.fromConfig(
              SwitchboardConfig.of(
                  Map.of(
                      SwitchboardConfig.WEBHOOK_BASE_URL,
                      "https://example.com/hooks",
                      SwitchboardConfig.WEBHOOK_SECRET,
                      canary)));

      assertThat(configured).isPresent();
      assertThat(configured.get().toString()).doesNotContain("CANARY");
    }

    @Test
    @DisplayName("Configuration without a base URL yields no signer at all.")
    void noBaseUrlNoSigner() {
      assertThat(
              WebhookSigner.fromConfig(
                  SwitchboardConfig.of(Map.of(SwitchboardConfig.WEBHOOK_SECRET, SECRET))))
          .isEmpty();
    }

    @Test
    @DisplayName("Configuration with a base URL but no secret is refused.")
    void baseUrlWithoutSecretIsRefused() {
      SwitchboardConfig config =
          SwitchboardConfig.of(
              Map.of(SwitchboardConfig.WEBHOOK_BASE_URL, "https://example.com/hooks"));

      assertThatThrownBy(() -> WebhookSigner.fromConfig(config))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(SwitchboardConfig.WEBHOOK_SECRET);
    }
  }
}
