package dev.switchboard.cli;

import dev.switchboard.VoiceException;

/**
 * The command was asked for something that cannot be, e.g. an unknown provider: exit code 2. A
 * {@link VoiceException}, as every error Switchboard reports is, so that a caller running the
 * command in-process tells a refused input from a failure by type alone.
 */
final class UsageException extends VoiceException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
