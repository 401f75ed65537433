package dev.switchboard;

import java.util.List;

/**
 * The configuration is incomplete or wrong. Lists every problem at once, so that one fix-and-retry
 * cycle is enough. Never quotes a secret value.
 */
public class ConfigurationException extends VoiceException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigurationException(String providerId, List<String> problems) {
    super(describe(problems), providerId, null, null);
    this.problems = List.copyOf(problems);
  }

  private static String describe(List<String> problems) {
    return problems.size() == 1
        ? problems.get(0)
        : "configuration has " + problems.size() + " problems: " + String.join("; ", problems);
  }

  /** Each problem in a sentence. */
  public List<String> problems() {
    return problems;
  }
}
