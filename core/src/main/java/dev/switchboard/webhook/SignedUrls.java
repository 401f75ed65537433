package dev.switchboard.webhook;

import dev.switchboard.internal.FormCodec;
import java.util.function.UnaryOperator;

/**
 * The signed URLs of one path, written as a document carries them: {@link WebhookSigner#signedUrl}
 * passed through the document's escaping, at the cost of signing alone.
 *
 * <p>The text every such URL shares (base URL, path and parameter names) is escaped once, when this
 * is made. What changes per call, the form-encoded call reference and the hexadecimal token, is
 * made only of characters that no markup escapes, so it goes in as it is. An escaping that would
 * change one of them is refused when this is made, so a URL written here is always the one {@code
 * escape} would have made of the whole.
 */
public final class SignedUrls {
  /** Every character a form-encoded reference or a token can hold. */
  static final String VARIABLE_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-*_%+";

  private final WebhookSigner signer;
  private final String path;
  private final String beforeReference;
  private final String beforeToken;

  SignedUrls(WebhookSigner signer, String path, UnaryOperator<String> escape) {
    if (!escape.apply(VARIABLE_CHARACTERS).equals(VARIABLE_CHARACTERS)) {
      throw new IllegalArgumentException(
          "the escaping changes characters a call reference or a token holds");
    }
    this.signer = signer;
    this.path = path;
    this.beforeReference = escape.apply(signer.urlBeforeReference(path));
    this.beforeToken = escape.apply(WebhookSigner.BEFORE_TOKEN);
  }

  /** The signed URL for the call {@code callReference}, escaped as the document escapes. */
  public String url(String callReference) {
    return beforeReference
        + FormCodec.encodePart(callReference)
        + beforeToken
        + signer.token(path, callReference);
  }
}
