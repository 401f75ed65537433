package dev.switchboard;

/**
 * The call or session is not in a state that allows the operation: it has ended, it is not ready
 * for the next step yet (Hoiio {@code error_session_not_ready}), or it is not on hold.
 */
public class CallStateException extends VoiceException {
  private static final long serialVersionUID = 1L;

  public CallStateException(String message, String providerId, String vendorCode) {
    super(message, providerId, vendorCode, null);
  }
}
