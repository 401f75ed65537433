package dev.switchboard.cli;

import dev.switchboard.FlowVerdict;
import dev.switchboard.Switchboard;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.ReferenceInterpreter;
import dev.switchboard.testkit.SimulatorTarget;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.TranscriptJson;
import dev.switchboard.testkit.simulator.Simulators;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run a flow through the real provider code against that vendor's simulator on loopback,"
          + " and print what the person called hears.",
      "Without --provider, run it on every provider and show the transcripts side by side, next"
          + " to what the flow means (the reference), or the gaps of a provider that cannot run it."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--provider",
      description = "a provider id (see switchboard providers); every one when omitted")
  String provider;

  @Mixin CalleeOptions calleeOptions;

  @Option(names = "--wire", description = "also print the HTTP exchanges with the simulated vendor")
  boolean wire;

  @Option(names = "--json", description = "print the transcript as JSON lines")
  boolean json;

  @Parameters(paramLabel = "FLOW", description = "a flow file (JSON)")
  Path flowFile;

  @Override
  public Integer call() {
    CallFlow flow = Flows.read(flowFile);
    Callee callee = calleeOptions.callee();
    PrintWriter out = spec.commandLine().getOut();
    if (provider != null) {
      VoiceProvider chosen = Providers.find(provider);
      Flows.check(List.of(chosen), flow);
      Run run = simulate(chosen, flow, callee);
      out.print(json ? TranscriptJson.write(run.transcript()) : run.transcript().render() + "\n");
      if (wire) {
        out.println();
        out.println("--- HTTP exchanges with the simulated " + chosen.displayName() + " ---");
        out.print(run.wire());
      }
      return Main.OK;
    }
    List<String> headings = new ArrayList<>(List.of("reference (what the flow means)"));
    List<List<String>> columns = new ArrayList<>();
    columns.add(ReferenceInterpreter.run(flow, callee).render().lines().toList());
    for (VoiceProvider each : Providers.all()) {
      headings.add(each.displayName());
      columns.add(column(each, flow, callee));
    }
    out.print(Columns.layout(headings, columns));
    return Main.OK;
  }

  private List<String> column(VoiceProvider provider, CallFlow flow, Callee callee) {
    FlowVerdict verdict = provider.verdict(flow);
    if (!verdict.gaps().isEmpty()) {
      List<String> lines = new ArrayList<>(List.of("cannot run this flow:"));
      verdict.gaps().forEach(gap -> lines.add("  " + gap));
      return lines;
    }
    if (!verdict.violations().isEmpty()) {
      List<String> lines = new ArrayList<>(List.of("outside its limits:"));
      verdict.violations().forEach(v -> lines.add("  " + v));
      return lines;
    }
    if (Simulators.forProvider(provider.id()).isEmpty()) {
      return List.of("no simulator is registered for " + provider.id());
    }
    return simulate(provider, flow, callee).transcript().render().lines().toList();
  }

  private record Run(Transcript transcript, String wire) {}

  private static Run simulate(VoiceProvider provider, CallFlow flow, Callee callee) {
    if (Simulators.forProvider(provider.id()).isEmpty()) {
      throw new UsageException("there is no simulator for " + provider.id());
    }
    SimulatorTarget target = SimulatorTarget.builder(provider).build();
    try (target;
        VoiceClient client =
            Switchboard.builder().provider(provider).config(target.config()).build()) {
      Transcript transcript = target.call(client, flow, callee).transcript();
      return new Run(transcript, target.simulator().wireText());
    }
  }
}
