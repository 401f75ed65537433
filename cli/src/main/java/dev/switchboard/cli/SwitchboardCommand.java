package dev.switchboard.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command; its subcommands do the work. */
@Command(
    name = "switchboard",
    mixinStandardHelpOptions = true,
    version = "switchboard 0.1.0",
    description = "Design, check and run call flows on Hoiio, Voxtelesys and Xoxzo.",
    subcommands = {
      ProvidersCommand.class,
      ValidateCommand.class,
      RenderCommand.class,
      SimulateCommand.class,
      EmulateCommand.class,
      CallCommand.class,
      StatusCommand.class,
      HangupCommand.class,
      ServeCommand.class
    })
final class SwitchboardCommand implements Runnable {
  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show stack traces with errors, and library logging.")
  boolean verbose;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
