package dev.switchboard;

/**
 * The vendor could not be reached or failed on its side: a 5xx answer, a time-out, an I/O error.
 * For a request that creates a call the outcome is unknown: Switchboard never retries it, since a
 * retry could ring someone twice.
 */
public class ProviderUnavailableException extends VoiceException {
  private static final long serialVersionUID = 1L;

  public ProviderUnavailableException(
      String message, String providerId, String vendorCode, Throwable cause) {
    super(message, providerId, vendorCode, cause);
  }
}
