package dev.switchboard;

import java.util.Optional;

/**
 * Root of every error Switchboard throws. Unchecked, because most callers cannot recover from a
 * telephony failure at the call site and should not be forced to wrap every call.
 *
 * <p>Carries the id of the provider involved and, where the vendor gave one, the vendor's own error
 * code ({@code error_session_not_ready}, {@code 5106}, an HTTP status, ...) so that support tickets
 * can quote it. Messages never contain credentials.
 */
public class VoiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String providerId;
  private final String vendorCode;

  /** An error with a message only, not tied to a provider. */
  public VoiceException(String message) {
    this(message, null, null, null);
  }

  /**
   * @param message what went wrong, in a sentence a user can act on
   * @param providerId the provider involved, or {@code null}
   * @param vendorCode the vendor's own error code, or {@code null}
   * @param cause the underlying failure, or {@code null}
   */
  public VoiceException(String message, String providerId, String vendorCode, Throwable cause) {
    super(message, cause);
    this.providerId = providerId;
    this.vendorCode = vendorCode;
  }

  /** The provider whose operation failed, when there is one. */
  public Optional<String> providerId() {
    return Optional.ofNullable(providerId);
  }

  /** The vendor's own error code, when the vendor gave one. */
  public Optional<String> vendorCode() {
    return Optional.ofNullable(vendorCode);
  }
}
