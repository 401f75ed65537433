package dev.switchboard.cli;

import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.CalleeJson;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.simulator.ActivityJson;
import dev.switchboard.testkit.simulator.SimulatorFactory;
import dev.switchboard.testkit.simulator.SimulatorListener;
import dev.switchboard.testkit.simulator.Simulators;
import dev.switchboard.testkit.simulator.VendorSimulator;
import dev.switchboard.testkit.simulator.WireExchange;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs vendor simulators as a standalone emulator, for tests in any language: the vendor's API and
 * a control API under {@code /_switchboard/} on each port, until stopped. See {@code
 * docs/emulator.md}.
 */
@Command(
    name = "emulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run vendor simulators on loopback ports until stopped (Ctrl-C): each serves the vendor's"
          + " API, calls back the application as the vendor would, and a control API under"
          + " /_switchboard/ (script callees, start incoming calls, read transcripts, reset)."
    })
final class EmulateCommand implements Callable<Integer> {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Spec CommandSpec spec;

  @Option(
      names = "--vendor",
      required = true,
      paramLabel = "ID",
      description = "a vendor to emulate, by provider id; repeat with --port for several")
  List<String> vendors = new ArrayList<>();

  @Option(
      names = "--port",
      required = true,
      paramLabel = "N",
      description = "the loopback port of the --vendor in the same position (0 for any free one)")
  List<Integer> ports = new ArrayList<>();

  @Option(
      names = "--credential",
      paramLabel = "KEY=VALUE",
      description =
          "a credential the emulator accepts instead of its own, by the provider's key, e.g."
              + " switchboard.hoiio.app-id=my-app")
  Map<String, String> credentials = new LinkedHashMap<>();

  @Option(
      names = "--callees",
      paramLabel = "FILE",
      description =
          "JSON lines, one scripted callee a line for the next calls, in order; a line with"
              + " \"vendor\" is for that vendor only")
  Path callees;

  @Mixin CalleeOptions defaultCallee;

  @Option(
      names = "--application",
      paramLabel = "URL",
      description = "where incoming calls started over the control API go when they name no URL")
  URI application;

  @Option(
      names = "--log",
      paramLabel = "FILE",
      description = "write every exchange and finished call as JSON lines to FILE (- for stdout)")
  String log;

  /** Emulating lasts until this is stopped, by Ctrl-C or a test. */
  final UntilStopped running = new UntilStopped();

  @Override
  public Integer call() throws Exception {
    Map<String, SimulatorFactory> factories = factories();
    Callee callee = defaultCallee.callee();
    Map<String, List<Callee>> scripted = scripted(factories.keySet());
    if (application != null && !List.of("http", "https").contains(application.getScheme())) {
      throw new UsageException("--application must be an http(s) URL, was " + application);
    }
    PrintWriter out = spec.commandLine().getOut();
    List<VendorSimulator> started = new ArrayList<>();
    try (Writer logWriter = logWriter(out)) {
      int index = 0;
      for (Map.Entry<String, SimulatorFactory> entry : factories.entrySet()) {
        VendorSimulator simulator = entry.getValue().create(credentials);
        started.add(simulator);
        simulator.defaultCallee(callee);
        scripted.get(entry.getKey()).forEach(simulator::scriptNextCall);
        if (application != null) {
          simulator.applicationUrl(application);
        }
        simulator.addListener(listener(entry.getKey(), out, logWriter));
        start(simulator, ports.get(index++));
        out.println(
            entry.getKey()
                + " emulator on "
                + simulator.baseUrl()
                + " (control API at "
                + simulator.baseUrl()
                + "/_switchboard/)");
        new TreeMap<>(entry.getValue().config(simulator.baseUrl(), credentials))
            .forEach((key, value) -> out.println("  " + key + "=" + value));
      }
      out.println("Emulating; stop with Ctrl-C.");
      out.flush();
      running.await("switchboard-emulate-stop");
    } finally {
      started.forEach(VendorSimulator::close);
      running.closed();
    }
    out.println("Stopped.");
    return Main.OK;
  }

  /** The simulator factory of each --vendor, in order, checked against the ports. */
  private Map<String, SimulatorFactory> factories() {
    if (vendors.size() != ports.size()) {
      throw new UsageException(
          "give one --port for each --vendor: "
              + vendors.size()
              + " vendor(s), "
              + ports.size()
              + " port(s)");
    }
    Map<String, SimulatorFactory> factories = new LinkedHashMap<>();
    for (int i = 0; i < vendors.size(); i++) {
      String id = vendors.get(i).strip();
      int port = ports.get(i);
      if (port < 0 || port > 65_535) {
        throw new UsageException("--port must be from 0 to 65535, was " + port);
      }
      SimulatorFactory factory =
          Simulators.forProvider(id)
              .orElseThrow(
                  () ->
                      new UsageException("--vendor '" + id + "' has no simulator; see providers"));
      if (factories.put(id, factory) != null) {
        throw new UsageException("--vendor '" + id + "' is given twice");
      }
    }
    List<Integer> fixed = ports.stream().filter(port -> port != 0).toList();
    if (new HashSet<>(fixed).size() < fixed.size()) {
      throw new UsageException("--port numbers must differ, were " + ports);
    }
    for (String key : credentials.keySet()) {
      if (factories.values().stream().noneMatch(f -> f.credentialKeys().contains(key))) {
        throw new UsageException("--credential " + key + " is no credential of the vendors given");
      }
    }
    return factories;
  }

  /** The callees of --callees for each vendor, in order. */
  private Map<String, List<Callee>> scripted(Iterable<String> ids) {
    Map<String, List<Callee>> scripted = new LinkedHashMap<>();
    ids.forEach(id -> scripted.put(id, new ArrayList<>()));
    if (callees == null) {
      return scripted;
    }
    List<String> lines;
    try {
      if (!Files.isRegularFile(callees)) {
        throw new UsageException("--callees " + callees + " is not a regular file");
      }
      lines = Files.readAllLines(callees, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read --callees " + callees + ": " + e.getMessage());
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        Callee callee = CalleeJson.read(node);
        String vendor = node.path("vendor").asString("");
        if (vendor.isEmpty()) {
          scripted.values().forEach(list -> list.add(callee));
        } else if (scripted.containsKey(vendor)) {
          scripted.get(vendor).add(callee);
        } else {
          throw new IllegalArgumentException("vendor '" + vendor + "' is not emulated");
        }
      } catch (RuntimeException e) {
        throw new UsageException(
            "--callees " + callees + " line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return scripted;
  }

  private Writer logWriter(PrintWriter out) throws IOException {
    if (log == null) {
      return Writer.nullWriter();
    }
    if (log.equals("-")) {
      // Closing the command's own output is not this writer's to do.
      return new Writer() {
        @Override
        public void write(char[] buffer, int offset, int length) {
          out.write(buffer, offset, length);
        }

        @Override
        public void flush() {
          out.flush();
        }

        @Override
        public void close() {
          out.flush();
        }
      };
    }
    return new OutputStreamWriter(Files.newOutputStream(Path.of(log)), StandardCharsets.UTF_8);
  }

  /** Writes what {@code vendor}'s simulator does to the log as it happens. */
  private static SimulatorListener listener(String vendor, PrintWriter out, Writer log) {
    return new SimulatorListener() {
      @Override
      public void exchanged(WireExchange exchange) {
        write(log, ActivityJson.wire(vendor, exchange));
      }

      @Override
      public void finished(String callId, Transcript transcript) {
        write(log, ActivityJson.transcript(vendor, callId, transcript));
        synchronized (out) {
          out.println(
              vendor
                  + " call "
                  + callId
                  + " ended: "
                  + transcript.observations().size()
                  + " observation(s)");
          out.flush();
        }
      }
    };
  }

  private static void write(Writer log, String line) {
    synchronized (log) {
      try {
        log.write(line);
        log.write('\n');
        log.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void start(VendorSimulator simulator, int port) {
    try {
      simulator.start(port);
    } catch (UncheckedIOException e) {
      throw new UsageException("cannot listen on port " + port + ": " + e.getCause().getMessage());
    }
  }
}
