package dev.switchboard.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The limit for answering an incoming call: the call's callback URL signed with a ready HMAC, and
 * the answer's bytes written around it by hand. Only what no answering path can skip.
 */
public final class HandWrittenAnswer {
  private final Mac mac;
  private final String base;
  private final String path;
  private final String[] pieces;
  private final int length;

  /**
   * @param secret the webhook secret
   * @param base the webhook base URL
   * @param path the callback path the URL is signed for
   * @param document an answer to write the same bytes as
   * @param escapedUrl the callback URL as {@code document} carries it, to cut it at
   */
  public HandWrittenAnswer(
      String secret, String base, String path, String document, String escapedUrl) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    this.base = base;
    this.path = path;
    this.pieces = document.split(Pattern.quote(escapedUrl), -1);
    if (pieces.length < 2) {
      throw new IllegalStateException("the answer does not carry " + escapedUrl);
    }
    int total = 0;
    for (String piece : pieces) {
      total += piece.length();
    }
    this.length = total;
  }

  /** The answer for the call {@code reference}. */
  public String write(String reference) {
    byte[] token = mac.doFinal((path + "\n" + reference).getBytes(StandardCharsets.UTF_8));
    String url =
        base + path + "?sb_call=" + reference + "&amp;sb_sig=" + HexFormat.of().formatHex(token);
    StringBuilder out = new StringBuilder(length + (pieces.length - 1) * url.length());
    out.append(pieces[0]);
    for (int i = 1; i < pieces.length; i++) {
      out.append(url).append(pieces[i]);
    }
    return out.toString();
  }
}
