package dev.switchboard;

/**
 * The vendor could not be reached or failed on its side: a 5xx answer, a time-out, an I/O error.
 * For a request that creates a call the outcome is unknown unless {@link #requestSent()} is false:
 * Switchboard never retries it, nor places it elsewhere, since that could ring someone twice.
 */
public class ProviderUnavailableException extends VoiceException {
  private static final long serialVersionUID = 1L;

  private final boolean requestSent;

  /** A failure after which the request may have reached the vendor. */
  public ProviderUnavailableException(
      String message, String providerId, String vendorCode, Throwable cause) {
    this(message, providerId, vendorCode, cause, true);
  }

  /** As the public constructor, saying whether the request may have reached the vendor. */
  ProviderUnavailableException(
      String message, String providerId, String vendorCode, Throwable cause, boolean requestSent) {
    super(message, providerId, vendorCode, cause);
    this.requestSent = requestSent;
  }

  /**
   * A failure before the request could reach the vendor (no connection could be opened to it), so
   * that nothing it would have created exists.
   */
  public static ProviderUnavailableException unreached(
      String message, String providerId, Throwable cause) {
    return new ProviderUnavailableException(message, providerId, null, cause, false);
  }

  /**
   * Whether the request may have reached the vendor: false only when it provably did not, as when
   * the connection was refused.
   */
  public boolean requestSent() {
    return requestSent;
  }
}
