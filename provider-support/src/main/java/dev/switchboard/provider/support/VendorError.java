package dev.switchboard.provider.support;

import dev.switchboard.Violation;
import java.util.List;
import java.util.Objects;

/**
 * What a vendor's error answer says, in that vendor's words; {@link ErrorTable} decides which
 * exception carries it.
 *
 * @param code the vendor's own error code, or the HTTP status when the answer names none
 * @param message the exception's message: names the request, never a credential
 * @param violations for an answer refusing the input, the fields it names; when it names none, the
 *     whole request is refused with {@code message}
 */
public record VendorError(String code, String message, List<Violation> violations) {
  public VendorError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    violations = List.copyOf(violations);
  }

  /** An error that names no field. */
  public VendorError(String code, String message) {
    this(code, message, List.of());
  }
}
