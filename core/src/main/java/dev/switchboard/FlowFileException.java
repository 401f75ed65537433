package dev.switchboard;

import java.util.List;

/**
 * A flow file could not be read: malformed JSON, an unknown verb or attribute, or a bad value. The
 * field of each violation is the JSON path of the offending value, e.g. {@code
 * $.verbs[1].gather.numDigits}.
 */
public class FlowFileException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public FlowFileException(String jsonPath, String rule) {
    super(null, List.of(new Violation(jsonPath, rule)));
  }
}
