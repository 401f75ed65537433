package dev.switchboard.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of text, for identities whose size must not depend on what a vendor sent. */
public final class Sha256 {
  /** One digest per thread: looking the algorithm up cost more than digesting an identity. */
  private static final ThreadLocal<MessageDigest> DIGESTS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is required of every Java platform", e);
            }
          });

  private Sha256() {}

  /** The 32-byte SHA-256 of {@code text} in UTF-8. */
  public static byte[] of(String text) {
    return DIGESTS.get().digest(text.getBytes(StandardCharsets.UTF_8));
  }
}
