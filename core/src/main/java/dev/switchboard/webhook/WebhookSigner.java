package dev.switchboard.webhook;

import dev.switchboard.ConfigurationException;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.internal.FormCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the callback URLs Switchboard hands a vendor, and verifies the requests that come back.
 *
 * <p>None of the vendors signs its callbacks, so the URL itself carries the proof: a call reference
 * ({@value #CALL_PARAMETER}) and an HMAC-SHA256 token ({@value #SIGNATURE_PARAMETER}) over the path
 * below the base URL and that reference, keyed by {@code switchboard.webhook.secret}. Anyone who
 * changes the path or the reference, or forges a request without the secret, is refused. Vendors
 * may add their own query parameters; they are not covered, and need not be.
 */
public final class WebhookSigner {
  /** Query parameter carrying the call reference. */
  public static final String CALL_PARAMETER = "sb_call";

  /** Query parameter carrying the token. */
  public static final String SIGNATURE_PARAMETER = "sb_sig";

  /** The fewest characters a signing secret may have; shorter ones are refused wherever read. */
  public static final int MIN_SECRET_LENGTH = 16;

  private static final String ALGORITHM = "HmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a signed URL holds between its call reference and its token. */
  static final String BEFORE_TOKEN = "&" + SIGNATURE_PARAMETER + "=";

  private final URI baseUrl;
  private final String basePath;
  private final SecretKeySpec key;

  /**
   * One keyed Mac per thread: looking the algorithm up and keying it cost more than the digest, on
   * every signed URL and every verified request. A Mac resets itself after {@code doFinal}.
   */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  /**
   * @param baseUrl the public URL vendors reach this application at, e.g. {@code
   *     https://example.com/hooks}
   * @param secret the signing key; at least {@value #MIN_SECRET_LENGTH} characters
   */
  public WebhookSigner(URI baseUrl, String secret) {
    if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
      throw new ConfigurationException(
          null,
          List.of(
              SwitchboardConfig.WEBHOOK_SECRET
                  + " must be at least "
                  + MIN_SECRET_LENGTH
                  + " characters"));
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      // Signed URLs append their own query; a fragment would cut the signature off every callback.
      throw new ConfigurationException(
          null,
          List.of(SwitchboardConfig.WEBHOOK_BASE_URL + " must have no query and no fragment"));
    }
    String base = baseUrl.toString();
    this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    String path = this.baseUrl.getPath();
    this.basePath = path == null ? "" : path;
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /**
   * The signer for a configuration, or empty when it names no webhook base URL. Fails when the base
   * URL is given without a secret.
   */
  public static Optional<WebhookSigner> fromConfig(SwitchboardConfig config) {
    Optional<String> base = config.get(SwitchboardConfig.WEBHOOK_BASE_URL);
    if (base.isEmpty()) {
      return Optional.empty();
    }
    String secret =
        config
            .get(SwitchboardConfig.WEBHOOK_SECRET)
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        null,
                        List.of(
                            SwitchboardConfig.WEBHOOK_SECRET
                                + " is required when "
                                + SwitchboardConfig.WEBHOOK_BASE_URL
                                + " is set")));
    return Optional.of(new WebhookSigner(URI.create(base.get()), secret));
  }

  /** A fresh, unguessable call reference for a call about to be placed. */
  public static String newCallReference() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The public base URL, without a trailing slash. */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * A signed URL for {@code path} below the base URL.
   *
   * @param path e.g. {@code /hoiio/notify}; must start with {@code /}
   * @param callReference identifies the call the callbacks belong to
   */
  public URI sign(String path, String callReference) {
    return URI.create(signedUrl(path, callReference));
  }

  /**
   * {@link #sign} as text, for a document or a request body: the same URL, without parsing it into
   * a {@link URI}, which cost more than signing it.
   */
  public String signedUrl(String path, String callReference) {
    return urlBeforeReference(path)
        + FormCodec.encodePart(callReference)
        + BEFORE_TOKEN
        + token(path, callReference);
  }

  /**
   * Signed URLs for {@code path} as a document carries them: {@link #signedUrl} passed through
   * {@code escape}, with the text they share escaped once, here. Keep it for as long as the
   * document syntax and this signer stay the same.
   *
   * @param escape the document's escaping, e.g. for an XML attribute; it must leave letters, digits
   *     and {@code .-*_%+} as they are, which every markup does
   * @throws IllegalArgumentException when {@code escape} changes one of those characters
   */
  public SignedUrls signedUrls(String path, UnaryOperator<String> escape) {
    return new SignedUrls(this, path, escape);
  }

  /** What a signed URL for {@code path} holds before its call reference. */
  String urlBeforeReference(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    return baseUrl + path + "?" + CALL_PARAMETER + "=";
  }

  /**
   * The call reference of a correctly signed request, or empty when the request is unsigned, forged
   * or altered. Compares in constant time.
   */
  public Optional<String> verify(WebhookRequest request) {
    List<String> calls = request.query().getOrDefault(CALL_PARAMETER, List.of());
    List<String> signatures = request.query().getOrDefault(SIGNATURE_PARAMETER, List.of());
    if (calls.size() != 1 || signatures.size() != 1) {
      return Optional.empty();
    }
    byte[] expected = token(signedPath(request), calls.get(0)).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = signatures.get(0).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual) ? Optional.of(calls.get(0)) : Optional.empty();
  }

  /**
   * {@code request} without the signature's own parameters, for a provider to read the vendor's
   * fields only: the path, the vendor's query parameters, headers and body are unchanged.
   */
  public static WebhookRequest unsigned(WebhookRequest request) {
    String query = request.uri().getRawQuery();
    if (query == null) {
      return request;
    }
    StringJoiner kept = new StringJoiner("&");
    for (String pair : query.split("&")) {
      String name = FormCodec.decodePart(pair.split("=", 2)[0]);
      if (!name.equals(CALL_PARAMETER) && !name.equals(SIGNATURE_PARAMETER)) {
        kept.add(pair);
      }
    }
    String path = request.uri().getRawPath();
    return request.withUri(URI.create(kept.length() == 0 ? path : path + "?" + kept));
  }

  /**
   * The path a request's URL was signed for: its decoded path below the base URL's path, or the
   * whole path where a reverse proxy already stripped that prefix.
   */
  public String signedPath(WebhookRequest request) {
    String path = request.path();
    if (!basePath.isEmpty() && path.startsWith(basePath + "/")) {
      return path.substring(basePath.length());
    }
    return path;
  }

  /** The token of {@code callReference} for {@code path}. */
  String token(String path, String callReference) {
    // A separator that cannot occur in a path keeps ("/a", "b/c") apart from ("/a/b", "c").
    byte[] digest =
        macs.get().doFinal((path + "\n" + callReference).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }

  /** A Mac keyed with the secret, ready for another token. */
  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
    }
  }

  /** The base URL only, without any password in it: the key is never shown. */
  @Override
  public String toString() {
    String userInfo = baseUrl.getRawUserInfo();
    String shown =
        userInfo == null ? baseUrl.toString() : baseUrl.toString().replace(userInfo + "@", "****@");
    return "WebhookSigner[" + shown + "]";
  }
}
