package dev.switchboard.cli;

import dev.switchboard.FlowVerdict;
import dev.switchboard.Violation;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.VoiceProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
      "Exit 0 when it can; 2 with every gap and broken limit, each with its position.",
      "With several providers, or none named (every provider found), each one's verdict and the"
          + " provider a call routed through them in that order would use; exit 0 when one can."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--provider",
      paramLabel = "P[,P...]",
      description =
          "a provider id (see switchboard providers), or several, comma-separated, in the order"
              + " calls try them; every provider found when left out")
  String provider;

  @Parameters(paramLabel = "FLOW", description = "a flow file (JSON)")
  Path flowFile;

  @Override
  public Integer call() {
    List<VoiceProvider> providers = provider == null ? Providers.all() : Providers.list(provider);
    CallFlow flow = Flows.read(flowFile);
    return providers.size() == 1 ? one(providers.get(0), flow) : routed(providers, flow);
  }

  /** Every provider's verdict, and the one a routed call would use. */
  private int routed(List<VoiceProvider> providers, CallFlow flow) {
    PrintWriter out = spec.commandLine().getOut();
    VoiceProvider chosen = null;
    for (VoiceProvider candidate : providers) {
      FlowVerdict verdict = candidate.verdict(flow);
      out.println(candidate.id() + ": " + (verdict.ok() ? "can run it" : "cannot run it"));
      verdict.gaps().forEach(gap -> out.println("  " + gap));
      verdict.violations().forEach(violation -> out.println("  " + violation));
      if (verdict.ok() && chosen == null) {
        chosen = candidate;
      }
    }
    String list = providers.stream().map(VoiceProvider::id).collect(Collectors.joining(","));
    if (chosen == null) {
      spec.commandLine().getErr().println("switchboard: none of " + list + " can run " + flowFile);
      return Main.INVALID_INPUT;
    }
    out.println("A call routed through " + list + " would use " + chosen.id());
    return Main.OK;
  }

  /** One provider's verdict, every gap and broken limit with its position. */
  private int one(VoiceProvider chosen, CallFlow flow) {
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
