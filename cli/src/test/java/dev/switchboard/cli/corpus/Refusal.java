package dev.switchboard.cli.corpus;

import dev.switchboard.VoiceException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ParameterException;

/**
 * What refusing a bad input properly means, judged for one trial: the list of ways it fell short,
 * empty when it was refused as it must be.
 */
final class Refusal {
  private Refusal() {}

  /** How trying {@code trial} of {@code input} fell short of a proper refusal. */
  static List<String> shortfalls(BadInput input, Trial trial) {
    if (trial instanceof Trial.Api api) {
      return api(input, api);
    }
    return cli(input, (Trial.Cli) trial);
  }

  private static List<String> api(BadInput input, Trial.Api api) {
    Throwable thrown = null;
    try {
      api.action().run();
    } catch (Throwable t) {
      thrown = t;
    }
    List<String> shortfalls = new ArrayList<>();
    if (thrown == null) {
      shortfalls.add("API: accepted, nothing thrown");
    } else {
      typed("API", thrown, input.names(), shortfalls);
    }
    return shortfalls;
  }

  private static List<String> cli(BadInput input, Trial.Cli cli) {
    CommandRun run = CommandRun.of(cli.args());
    List<String> shortfalls = new ArrayList<>();
    String where = "CLI " + cli.args().get(0);
    if (run.exitCode() != cli.exitCode()) {
      shortfalls.add(where + ": exit code " + run.exitCode() + ", expected " + cli.exitCode());
    }
    List<String> lines = run.err().lines().toList();
    if (lines.size() != 1) {
      shortfalls.add(where + ": " + lines.size() + " lines on stderr, expected 1: " + run.err());
    } else if (!lines.get(0).startsWith("switchboard: ")) {
      shortfalls.add(where + ": stderr does not start with 'switchboard: ': " + lines.get(0));
    } else if (!lines.get(0).contains(input.names())) {
      shortfalls.add(where + ": stderr does not name " + input.names() + ": " + lines.get(0));
    }
    if (run.err().contains("\tat ") || run.out().contains("\tat ")) {
      shortfalls.add(where + ": printed a stack trace");
    }
    if (run.reported() == null) {
      shortfalls.add(where + ": no error was reported");
    } else if (!(run.reported() instanceof ParameterException)) {
      // A usage error picocli finds while parsing is typed too; anything later must be ours.
      typed(where, run.reported(), input.names(), shortfalls);
    }
    return shortfalls;
  }

  /** A subclass of VoiceException whose message names what the case says. */
  private static void typed(String where, Throwable thrown, String names, List<String> out) {
    if (!(thrown instanceof VoiceException) || thrown.getClass() == VoiceException.class) {
      out.add(where + ": untyped " + thrown.getClass().getName() + ": " + thrown.getMessage());
    } else if (thrown.getMessage() == null || !thrown.getMessage().contains(names)) {
      out.add(
          where
              + ": "
              + thrown.getClass().getSimpleName()
              + " does not name "
              + names
              + ": "
              + thrown.getMessage());
    }
  }
}
