package dev.switchboard;

/**
 * The vendor accepted the credentials but not what the account may do: no credit left, or a trial
 * account's limits (Hoiio {@code error_insufficient_credit}, {@code error_not_allowed_for_trial}).
 * Retrying does not help; the account must change.
 */
public class AccountException extends VoiceException {
  private static final long serialVersionUID = 1L;

  public AccountException(String message, String providerId, String vendorCode) {
    super(message, providerId, vendorCode, null);
  }
}
