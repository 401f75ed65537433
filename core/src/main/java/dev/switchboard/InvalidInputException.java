package dev.switchboard;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input broke a rule of the neutral model or of a vendor, detected before any request was sent.
 * Names every field and rule involved.
 */
public class InvalidInputException extends VoiceException {
  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  /** One violation, not tied to a provider. */
  public InvalidInputException(String field, String rule) {
    this(null, List.of(new Violation(field, rule)));
  }

  /**
   * @param providerId the provider whose limits were broken, or {@code null} for the neutral
   *     model's own rules
   * @param violations every broken rule; at least one
   */
  public InvalidInputException(String providerId, List<Violation> violations) {
    this(providerId, null, violations);
  }

  /**
   * Input the vendor itself refused, e.g. with HTTP 422.
   *
   * @param providerId the provider whose vendor refused it
   * @param vendorCode the vendor's code for the refusal, or {@code null}
   * @param violations every broken rule; at least one
   */
  public InvalidInputException(String providerId, String vendorCode, List<Violation> violations) {
    super(describe(violations), providerId, vendorCode, null);
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  private static String describe(List<Violation> violations) {
    return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  /** Every broken rule, in the order found. */
  public List<Violation> violations() {
    return violations;
  }

  /** The field of the first violation. */
  public String field() {
    return violations.get(0).field();
  }

  /** The rule of the first violation. */
  public String rule() {
    return violations.get(0).rule();
  }
}
