package dev.switchboard.provider.support;

import dev.switchboard.AuthenticationException;
import dev.switchboard.CallNotFoundException;
import dev.switchboard.InvalidInputException;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.RateLimitedException;
import dev.switchboard.Violation;
import dev.switchboard.VoiceException;
import java.util.List;
import java.util.function.Function;

/**
 * Maps a vendor's HTTP error statuses to the exceptions a user can act on, the same for every
 * vendor: 401 is {@link AuthenticationException}, 404 {@link CallNotFoundException}, 429 {@link
 * RateLimitedException}, the vendor's invalid-input status {@link InvalidInputException}, and
 * anything else, a 5xx above all, {@link ProviderUnavailableException}: for a request that creates
 * a call, the call may exist. The vendor supplies only what differs: which status refuses input,
 * and how to read its error body into its code and its wording.
 */
public final class ErrorTable {
  private final int invalidInputStatus;
  private final Function<HttpAnswer, VendorError> reader;

  /**
   * @param invalidInputStatus the status with which the vendor refuses input, e.g. 400 or 422
   * @param reader reads an error answer: the vendor's code and the message in its words
   */
  public ErrorTable(int invalidInputStatus, Function<HttpAnswer, VendorError> reader) {
    this.invalidInputStatus = invalidInputStatus;
    this.reader = reader;
  }

  /** The exception for {@code answer}, an answer whose status is not 2xx. */
  VoiceException exception(HttpAnswer answer, String providerId) {
    VendorError error = reader.apply(answer);
    String message = error.message();
    String code = error.code();
    if (answer.status() == invalidInputStatus) {
      List<Violation> violations =
          error.violations().isEmpty()
              ? List.of(new Violation("request", message))
              : error.violations();
      return new InvalidInputException(providerId, code, violations);
    }
    switch (answer.status()) {
      case 401:
        return new AuthenticationException(message, providerId, code);
      case 404:
        return new CallNotFoundException(message, providerId, code);
      case 429:
        return new RateLimitedException(
            message, providerId, code, answer.retryAfter().orElse(null));
      default:
        return new ProviderUnavailableException(message, providerId, code, null);
    }
  }
}
