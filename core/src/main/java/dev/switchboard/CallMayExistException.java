package dev.switchboard;

/**
 * Placing a call failed in a way that leaves its outcome unknown: the request may have reached the
 * vendor (a time-out after sending, a reset mid-answer, a 5xx, an answer without a call id), so the
 * call may exist and may ring. It is neither retried nor placed with another provider, since that
 * could ring the callee twice; find out with the vendor, or wait for the call's events.
 */
public final class CallMayExistException extends ProviderUnavailableException {
  private static final long serialVersionUID = 1L;

  /** The failure of placing a call with {@code providerId}, as the provider reported it. */
  CallMayExistException(ProviderUnavailableException failure, String providerId) {
    super(
        describe(failure.getMessage()),
        providerId,
        failure.vendorCode().orElse(null),
        failure,
        true);
  }

  private static String describe(String message) {
    String text = message == null ? "the vendor did not answer" : message;
    return text.contains("the call may exist")
        ? text
        : text + "; the call may exist, so it was not placed again";
  }
}
