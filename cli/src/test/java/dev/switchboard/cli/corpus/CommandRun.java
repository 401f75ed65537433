package dev.switchboard.cli.corpus;

import dev.switchboard.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;

/**
 * One run of the {@code switchboard} command in this JVM, with the command's own error handling,
 * keeping what it printed and the exception its error handling reported.
 *
 * @param exitCode what the process would exit with
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 * @param reported the exception behind the error, or {@code null} when there was none
 */
record CommandRun(int exitCode, String out, String err, Throwable reported) {
  /** Runs the command as {@code Main.run} does, watching its error handlers. */
  static CommandRun of(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine line =
        Main.commandLine(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    AtomicReference<Throwable> reported = new AtomicReference<>();
    IExecutionExceptionHandler failed = line.getExecutionExceptionHandler();
    line.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          reported.set(e);
          return failed.handleExecutionException(e, command, parsed);
        });
    IParameterExceptionHandler refused = line.getParameterExceptionHandler();
    line.setParameterExceptionHandler(
        (e, arguments) -> {
          reported.set(e);
          return refused.handleParseException(e, arguments);
        });
    int code = line.execute(args.toArray(String[]::new));
    line.getOut().flush();
    line.getErr().flush();
    return new CommandRun(
        code,
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8),
        reported.get());
  }
}
