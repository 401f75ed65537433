package dev.switchboard;

import java.time.Duration;
import java.util.Optional;

/** The vendor refused the request because of a rate or concurrency limit. */
public class RateLimitedException extends VoiceException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * @param retryAfter how long the vendor asked us to wait, or {@code null} when it did not say
   */
  public RateLimitedException(
      String message, String providerId, String vendorCode, Duration retryAfter) {
    super(message, providerId, vendorCode, null);
    this.retryAfter = retryAfter;
  }

  /** How long the vendor asked us to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
