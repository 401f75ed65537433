package dev.switchboard.cli;

import dev.switchboard.FlowVerdict;
import dev.switchboard.Violation;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.VoiceProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check that a provider can run a flow, without sending anything.",
      "Exit 0 when it can; 2 with every gap and broken limit, each with its position."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--provider",
      required = true,
      description = "a provider id (see switchboard providers)")
  String provider;

  @Parameters(paramLabel = "FLOW", description = "a flow file (JSON)")
  Path flowFile;

  @Override
  public Integer call() {
    VoiceProvider chosen = Providers.find(provider);
    CallFlow flow = Flows.read(flowFile);
    PrintWriter out = spec.commandLine().getOut();
    FlowVerdict verdict = chosen.verdict(flow);
    if (!verdict.gaps().isEmpty()) {
      verdict.gaps().forEach(gap -> out.println(gap));
      spec.commandLine()
          .getErr()
          .println(
              "switchboard: "
                  + chosen.id()
                  + " cannot run "
                  + flowFile
                  + ": "
                  + verdict.gaps().size()
                  + " gap(s)");
      return Main.INVALID_INPUT;
    }
    if (!verdict.violations().isEmpty()) {
      verdict.violations().forEach((Violation v) -> out.println(v));
      spec.commandLine()
          .getErr()
          .println(
              "switchboard: "
                  + flowFile
                  + " breaks "
                  + verdict.violations().size()
                  + " limit(s) of "
                  + chosen.id());
      return Main.INVALID_INPUT;
    }
    out.println(chosen.id() + " can run " + flowFile);
    return Main.OK;
  }
}
