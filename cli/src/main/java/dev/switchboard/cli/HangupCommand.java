package dev.switchboard.cli;

import dev.switchboard.Capability;
import dev.switchboard.VoiceClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "hangup",
    mixinStandardHelpOptions = true,
    description = "Hang up a live call, where the provider supports it.")
final class HangupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions options;

  @Parameters(paramLabel = "CALL_ID", description = "the vendor's id of the call")
  String callId;

  @Override
  public Integer call() {
    // Say what the provider lacks before asking for credentials it would not need.
    Flows.require(options.single("hangup"), Capability.HANGUP_CALL);
    try (VoiceClient client = options.connect()) {
      client.hangup(callId);
      spec.commandLine().getOut().println("Hung up " + callId);
    }
    return Main.OK;
  }
}
