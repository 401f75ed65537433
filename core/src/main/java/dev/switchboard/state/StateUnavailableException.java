package dev.switchboard.state;

import dev.switchboard.VoiceException;

/**
 * A {@link StateStore} could not be reached or answered an error. The operation that needed it did
 * not happen; a webhook that needed it is answered 503, so the vendor re-sends it once the store is
 * back.
 */
public class StateUnavailableException extends VoiceException {
  private static final long serialVersionUID = 1L;

  public StateUnavailableException(String message, Throwable cause) {
    super(message, null, null, cause);
  }
}
