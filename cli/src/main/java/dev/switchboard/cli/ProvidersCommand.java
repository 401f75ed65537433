package dev.switchboard.cli;

import dev.switchboard.spi.VoiceProvider;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "providers",
    mixinStandardHelpOptions = true,
    description = "List the providers found and their capability matrix.")
final class ProvidersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<VoiceProvider> providers = Providers.all();
    out.println(providers.size() + " providers found:");
    for (VoiceProvider provider : providers) {
      out.printf(
          "  %-12s %-12s %s%n",
          provider.id(), provider.displayName(), provider.getClass().getName());
    }
    out.println();
    out.print(CapabilityMatrix.markdown(providers));
    return Main.OK;
  }
}
