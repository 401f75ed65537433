package dev.switchboard;

/** The vendor refused the credentials (Hoiio {@code error_invalid_access_token}, HTTP 401, ...). */
public class AuthenticationException extends VoiceException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message, String providerId, String vendorCode) {
    super(message, providerId, vendorCode, null);
  }
}
