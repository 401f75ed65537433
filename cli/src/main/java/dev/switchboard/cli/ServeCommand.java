package dev.switchboard.cli;

import dev.switchboard.Capability;
import dev.switchboard.VoiceClient;
import dev.switchboard.event.CallEvent;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.webhook.WebhookServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the webhook server: answer incoming calls with a flow, run Hoiio flows, verify"
          + " signatures, and print each event as it arrives. Stop with Ctrl-C."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions options;

  @Option(names = "--port", required = true, description = "the port to listen on (0 for any)")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = {
        "the address to listen on (default: ${DEFAULT-VALUE}, this machine only, as behind a"
            + " tunnel or reverse proxy); 0.0.0.0 for every interface, when vendors reach this"
            + " machine directly"
      })
  InetAddress bind;

  @Parameters(paramLabel = "FLOW", description = "the flow that answers incoming calls (JSON)")
  Path flowFile;

  /** Serving lasts until this is stopped, by Ctrl-C or a test. */
  final UntilStopped running = new UntilStopped();

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new UsageException("--port must be from 0 to 65535, was " + port);
    }
    CallFlow flow = Flows.read(flowFile);
    // The flow answers incoming calls, which some vendors run differently from outbound ones;
    // every listed provider answers its own.
    options.providers().forEach(provider -> provider.incomingVerdict(flow).orThrow());
    PrintWriter out = spec.commandLine().getOut();
    try (VoiceClient client =
            options.connect(
                builder -> builder.onIncomingCall(call -> flow).onEvent(e -> print(out, e)));
        WebhookServer server = start(client)) {
      out.println(
          "Listening on port "
              + server.port()
              + " at "
              + bind.getHostAddress()
              + " for "
              + String.join(", ", client.providerIds()));
      for (VoiceProvider provider : options.providers()) {
        if (provider.capabilities().has(Capability.INBOUND_CALL)) {
          out.println(
              "Incoming-call URL to configure at "
                  + provider.displayName()
                  + ": "
                  + client.incomingCallUrl(provider.id()));
        }
      }
      running.await("switchboard-serve-stop");
    } finally {
      running.closed();
    }
    out.println("Stopped.");
    return Main.OK;
  }

  private WebhookServer start(VoiceClient client) {
    try {
      return WebhookServer.start(client, new InetSocketAddress(bind, port), 8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + bind.getHostAddress() + " port " + port + ": " + e.getMessage(), e);
    }
  }

  private static void print(PrintWriter out, CallEvent event) {
    synchronized (out) {
      out.println(event.getClass().getSimpleName() + " " + event.callId() + " " + event.raw());
    }
  }
}
