package dev.switchboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SignedUrls")
class SignedUrlsTest {
  private static final String SECRET = "a-secret-of-16-chars-or-more";

  /** An XML attribute's escaping, as a document would apply it to a whole URL. */
  private static final UnaryOperator<String> XML =
      text ->
          text.replace("&", "&amp;")
              .replace("<", "&lt;")
              .replace(">", "&gt;")
              .replace("\"", "&quot;")
              .replace("'", "&apos;");

  /** References plain and otherwise, one with every character a form encoding leaves alone. */
  private static final List<String> REFERENCES =
      List.of(
          "in-42",
          "out-3kF_9x.c0",
          "",
          "a b&c<d>\"e'f/g?h=i%j+k",
          "caf\u00e9 \u2603",
          SignedUrls.VARIABLE_CHARACTERS);

  @Test
  @DisplayName("Each URL is the signed URL escaped whole, for every kind of reference")
  void escapedWhole() {
    // A base path with characters XML escapes, so the shared text is escaped too.
    WebhookSigner signer = new WebhookSigner(URI.create("https://example.com/a&b'c/hooks"), SECRET);
    SignedUrls urls = signer.signedUrls("/voxtelesys/callback", XML);
    for (String reference : REFERENCES) {
      assertThat(urls.url(reference))
          .as(reference)
          .isEqualTo(XML.apply(signer.signedUrl("/voxtelesys/callback", reference)));
    }
  }

  @Test
  @DisplayName("Without escaping, each URL is the signed URL, and it verifies")
  void plainVerifies() {
    WebhookSigner signer = new WebhookSigner(URI.create("https://example.com/hooks"), SECRET);
    SignedUrls urls = signer.signedUrls("/hoiio/notify", UnaryOperator.identity());
    for (String reference : REFERENCES) {
      String url = urls.url(reference);
      assertThat(url).isEqualTo(signer.signedUrl("/hoiio/notify", reference));
      assertThat(signer.verify(WebhookRequest.builder().uri(url).build())).contains(reference);
    }
  }

  @Test
  @DisplayName("An escaping that would change a reference's or a token's characters is refused")
  void unsafeEscapingRefused() {
    WebhookSigner signer = new WebhookSigner(URI.create("https://example.com/hooks"), SECRET);
    assertThatThrownBy(() -> signer.signedUrls("/x", text -> text.replace("%", "%25")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("call reference or a token");
  }

  @Test
  @DisplayName("A path not starting with '/' is refused as signedUrl refuses it")
  void relativePathRefused() {
    WebhookSigner signer = new WebhookSigner(URI.create("https://example.com/hooks"), SECRET);
    assertThatThrownBy(() -> signer.signedUrls("x", XML))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must start with '/'");
  }
}
