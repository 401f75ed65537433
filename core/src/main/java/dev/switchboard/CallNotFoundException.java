package dev.switchboard;

/** The vendor does not know the call (or conference) id. */
public class CallNotFoundException extends VoiceException {
  private static final long serialVersionUID = 1L;

  public CallNotFoundException(String message, String providerId, String vendorCode) {
    super(message, providerId, vendorCode, null);
  }
}
