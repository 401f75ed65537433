package dev.switchboard.cli.corpus;

import java.util.List;

/** One way of trying a bad input: through the Java API, or through the command line. */
sealed interface Trial {
  /** Code that hands the bad input to the library. */
  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  /**
   * A call into the library, which must throw a subclass of {@code VoiceException} naming the field
   * or key.
   *
   * @param action the call
   */
  record Api(Action action) implements Trial {}

  /**
   * A run of the {@code switchboard} command, which must exit with {@code exitCode} and say why in
   * one line on standard error, naming the field, key or option.
   *
   * @param args the command's arguments
   * @param exitCode 2 for bad input, 1 for a configuration problem
   */
  record Cli(List<String> args, int exitCode) implements Trial {
    public Cli {
      args = List.copyOf(args);
    }
  }

  static Trial api(Action action) {
    return new Api(action);
  }

  static Trial cli(int exitCode, String... args) {
    return new Cli(List.of(args), exitCode);
  }
}
