package dev.switchboard;

import java.util.List;

/**
 * Several providers are on the class path and the configuration does not name one. The message
 * lists them and the key to set.
 */
public class AmbiguousProviderException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  public AmbiguousProviderException(String message) {
    super(null, List.of(message));
  }
}
