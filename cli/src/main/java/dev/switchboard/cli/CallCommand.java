package dev.switchboard.cli;

import dev.switchboard.Call;
import dev.switchboard.CallRequest;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = "Place a real call running a flow, with the configured credentials.")
final class CallCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions options;

  @Option(names = "--from", required = true, description = "the E.164 number to call from")
  String from;

  @Option(names = "--to", required = true, description = "the E.164 number to call")
  String to;

  @Parameters(paramLabel = "FLOW", description = "a flow file (JSON)")
  Path flowFile;

  @Override
  public Integer call() {
    CallRequest request =
        CallRequest.builder().from(from).to(to).flow(Flows.read(flowFile)).build();
    CallFlow flow = request.flow();
    Flows.check(options.providers(), flow);
    try (VoiceClient client = options.connect()) {
      Call call = client.placeCall(request);
      spec.commandLine()
          .getOut()
          .println(
              "Placed call " + call.id() + " on " + call.providerId() + " (" + call.status() + ")");
    }
    return Main.OK;
  }
}
