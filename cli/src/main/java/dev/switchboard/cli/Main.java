package dev.switchboard.cli;

import dev.switchboard.InvalidInputException;
import dev.switchboard.NoRouteException;
import dev.switchboard.UnsupportedCapabilityException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The {@code switchboard} command. Exit codes: 0 success, 1 provider or runtime error, 2 invalid
 * input (usage, an unreadable, invalid or unsupported flow, an unknown provider). Errors are one
 * line on standard error; {@code --verbose} adds the stack trace.
 */
public final class Main {
  static final int OK = 0;
  static final int RUNTIME_ERROR = 1;
  static final int INVALID_INPUT = 2;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command with the given output streams; returns the exit code. Public so that tests in
   * other packages, such as the bad-input corpus, run the command in-process as a user would.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine line = commandLine(out, err, Arrays.asList(args).contains("--verbose"));
    try {
      return line.execute(args);
    } finally {
      line.getOut().flush();
      line.getErr().flush();
    }
  }

  /**
   * The command line with its error handling: one line on standard error, and the exit code. Public
   * so that tests in other packages can watch which exception a failing command reported.
   */
  public static CommandLine commandLine(PrintStream out, PrintStream err, boolean verbose) {
    if (verbose) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    }
    CommandLine line = new CommandLine(new SwitchboardCommand());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    line.setParameterExceptionHandler(
        (e, argv) -> {
          // The hint shares the error's line: errors are one line, as scripts reading them expect.
          err.println(
              "switchboard: "
                  + oneLine(e)
                  + "; try '"
                  + e.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help'");
          return INVALID_INPUT;
        });
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          err.println("switchboard: " + oneLine(e));
          if (verbose) {
            e.printStackTrace(err);
          }
          return exitCode(e);
        });
    return line;
  }

  static int exitCode(Throwable e) {
    return e instanceof InvalidInputException
            || e instanceof UnsupportedCapabilityException
            || e instanceof NoRouteException
            || e instanceof UsageException
        ? INVALID_INPUT
        : RUNTIME_ERROR;
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // Any line break, not only \n: a value echoed in the message may hold a \r, which would
    // start a second line on the terminal and in a script reading the error.
    return message.replaceAll("\\R", " ");
  }
}
