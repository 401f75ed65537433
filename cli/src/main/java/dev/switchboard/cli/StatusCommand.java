package dev.switchboard.cli;

import dev.switchboard.Call;
import dev.switchboard.Capability;
import dev.switchboard.VoiceClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show a call's status, where the provider supports it.")
final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions options;

  @Parameters(paramLabel = "CALL_ID", description = "the vendor's id of the call")
  String callId;

  @Override
  public Integer call() {
    // Say what the provider lacks before asking for credentials it would not need.
    Flows.require(options.single("status"), Capability.CALL_STATUS);
    try (VoiceClient client = options.connect()) {
      Call call = client.getCall(callId);
      spec.commandLine()
          .getOut()
          .println(
              call.id()
                  + " "
                  + call.status()
                  + call.from().map(n -> " from " + n).orElse("")
                  + call.to().map(n -> " to " + n).orElse("")
                  + (call.tags().isEmpty() ? "" : " tags " + String.join(",", call.tags())));
    }
    return Main.OK;
  }
}
