package dev.switchboard.cli;

/** The command was asked for something that cannot be, e.g. an unknown provider: exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
