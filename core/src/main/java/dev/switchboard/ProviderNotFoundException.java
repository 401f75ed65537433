package dev.switchboard;

import java.util.List;

/**
 * No provider could be chosen: none is on the class path, or none has the configured name. The
 * message lists what was found and how to fix the class path or configuration.
 */
public class ProviderNotFoundException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  public ProviderNotFoundException(String message) {
    super(null, List.of(message));
  }
}
