package dev.switchboard.webhook;

import dev.switchboard.state.CallbackSubject;
import java.util.Objects;

/**
 * Whom a callback request says it speaks for, as its vendor's fields name it, and the binding its
 * URL must have for the claim to be admitted.
 *
 * @param key the binding key of the URL, as the provider reserved or bound it
 * @param subject the call or conference the request's fields name
 */
public record CallbackClaim(String key, CallbackSubject subject) {
  public CallbackClaim {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(subject, "subject");
  }
}
