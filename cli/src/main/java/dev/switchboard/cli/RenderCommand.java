package dev.switchboard.cli;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.VoiceProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Show what a provider would send for a flow: VoxXML, Hoiio block requests, Xoxzo requests."
    })
final class RenderCommand implements Callable<Integer> {
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
    Flows.check(List.of(chosen), flow);
    String rendered =
        chosen
            .render(flow)
            .orElseThrow(() -> new UsageException(chosen.id() + " cannot show what it sends"));
    spec.commandLine().getOut().print(rendered.endsWith("\n") ? rendered : rendered + "\n");
    return Main.OK;
  }
}
