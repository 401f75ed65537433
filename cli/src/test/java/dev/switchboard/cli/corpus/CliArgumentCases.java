package dev.switchboard.cli.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bad arguments to the {@code switchboard} command, run in-process: unknown options, missing or
 * unreadable flow files (a directory, {@code /dev/zero}, a pipe), unknown providers, impossible
 * ports and keys, unreadable {@code --config} files and call ids that are not one path segment.
 * Commands that could reach a vendor are configured for its simulator on loopback.
 */
final class CliArgumentCases {
  private static final List<String> FLOW_COMMANDS =
      List.of("validate", "render", "simulate", "call", "serve");

  private final LoopbackVendors vendors;
  private final ScratchFiles files;
  private final Map<String, Path> configs = new HashMap<>();
  private final List<BadInput> cases = new ArrayList<>();
  private final Path flow;

  private CliArgumentCases(LoopbackVendors vendors, ScratchFiles files) {
    this.vendors = vendors;
    this.files = files;
    this.flow = files.text(".json", "{\"verbs\":[{\"say\":{\"text\":\"Hello from the corpus\"}}]}");
  }

  /** Every command-line case, in the same order on every run. */
  static List<BadInput> all(LoopbackVendors vendors, ScratchFiles files) {
    CliArgumentCases corpus = new CliArgumentCases(vendors, files);
    corpus.unknownOptionsAndCommands();
    corpus.missingArguments();
    corpus.unreadableFlows();
    corpus.unknownProviders();
    corpus.impossiblePorts();
    corpus.impossibleCallees();
    corpus.unreadableConfig();
    corpus.badCallIds();
    corpus.badNumbers();
    return List.copyOf(corpus.cases);
  }

  private void unknownOptionsAndCommands() {
    for (String command : FLOW_COMMANDS) {
      List<String> args = new ArrayList<>(valid(command, "voxtelesys", flow.toString()));
      args.add(1, "--bogus");
      add("unknown option --bogus for " + command, "--bogus", 2, args);
    }
    add(
        "unknown option --bogus for status",
        "--bogus",
        2,
        ids("status", "voxtelesys", "--bogus", "c1"));
    add("unknown option -x for hangup", "-x", 2, ids("hangup", "voxtelesys", "-x", "c1"));
    add("unknown option for providers", "--all", 2, List.of("providers", "--all"));
    add("unknown option before any command", "--bogus", 2, List.of("--bogus"));
    add("unknown command dance", "dance", 2, List.of("dance"));
    add("command in the wrong case", "Validate", 2, List.of("Validate", flow.toString()));
    add(
        "extra argument to validate",
        "extra.json",
        2,
        List.of("validate", "--provider", "voxtelesys", flow.toString(), "extra.json"));
  }

  private void missingArguments() {
    for (String command : FLOW_COMMANDS) {
      List<String> args = new ArrayList<>(valid(command, "voxtelesys", flow.toString()));
      args.remove(args.size() - 1);
      add("missing FLOW for " + command, "FLOW", 2, args);
    }
    add("missing --provider", "--provider", 2, List.of("render", flow.toString()));
    add(
        "--provider without its value",
        "--provider",
        2,
        List.of("validate", flow.toString(), "--provider"));
    add(
        "--provider given twice",
        "--provider",
        2,
        List.of("validate", "--provider", "hoiio", "--provider", "xoxzo", flow.toString()));
    List<String> call = valid("call", "voxtelesys", flow.toString());
    add("missing --from for call", "--from", 2, without(call, "--from"));
    add("missing --to for call", "--to", 2, without(call, "--to"));
    add(
        "missing --port for serve",
        "--port",
        2,
        without(valid("serve", "voxtelesys", flow.toString()), "--port"));
    add(
        "--port without its value",
        "--port",
        2,
        List.of("serve", "--provider", "voxtelesys", flow.toString(), "--port"));
    add("missing CALL_ID for status", "CALL_ID", 2, ids("status", "voxtelesys"));
    add("missing CALL_ID for hangup", "CALL_ID", 2, ids("hangup", "hoiio"));
  }

  private void unreadableFlows() {
    Path missing = files.path("-missing.json");
    Path inMissingDir = files.path("-missing-dir").resolve("flow.json");
    Path directory = files.directory();
    Path fifo = files.fifo();
    for (int i = 0; i < FLOW_COMMANDS.size(); i++) {
      String command = FLOW_COMMANDS.get(i);
      String provider = LoopbackVendors.PROVIDERS.get(i % LoopbackVendors.PROVIDERS.size());
      add(
          "nonexistent FLOW for " + command,
          missing + ": no such file",
          2,
          valid(command, provider, missing.toString()));
      add(
          "directory as FLOW for " + command,
          directory + ": it is a directory",
          2,
          valid(command, provider, directory.toString()));
      add(
          "/dev/zero as FLOW for " + command,
          "/dev/zero: it must be a regular file",
          2,
          valid(command, provider, "/dev/zero"));
    }
    add(
        "FLOW in a nonexistent directory",
        inMissingDir + ": no such file",
        2,
        valid("validate", "hoiio", inMissingDir.toString()));
    for (String command : List.of("validate", "simulate", "call")) {
      add(
          "named pipe as FLOW for " + command,
          fifo + ": it must be a regular file",
          2,
          valid(command, "xoxzo", fifo.toString()));
    }
  }

  private void unknownProviders() {
    String[] providers = {
      "twilio", "", " ", "hoiio2", "hoiio,twilio", "../hoiio", "HOIIO-X", "vox telesys"
    };
    String[] commands = {
      "validate", "render", "simulate", "call", "serve", "status", "hangup", "call"
    };
    for (int i = 0; i < providers.length; i++) {
      String command = commands[i];
      List<String> args =
          command.equals("status") || command.equals("hangup")
              ? ids(command, providers[i], "c1")
              : valid(command, providers[i], flow.toString());
      add(
          "--provider " + BadInput.show(providers[i]) + " for " + command,
          "unknown provider",
          2,
          args);
    }
    for (String command : List.of("validate", "call", "serve")) {
      add(
          "--provider 'hoiio,hoiio' for " + command,
          "names a provider twice",
          2,
          valid(command, "hoiio,hoiio", flow.toString()));
    }
  }

  private void impossiblePorts() {
    for (String port : List.of("-1", "70000", "65536", "abc", "", "1.5", "99999999999", "0x50")) {
      add(
          "serve --port " + BadInput.show(port),
          "--port",
          2,
          with(valid("serve", "voxtelesys", flow.toString()), "--port", port));
    }
  }

  private void impossibleCallees() {
    for (String keys : List.of("abc", "", "1a", "\u0663", "1 2", "#*x", "12345678901234567890x")) {
      add(
          "simulate --press " + BadInput.show(keys),
          "--press",
          2,
          List.of("simulate", "--provider", "voxtelesys", "--press", keys, flow.toString()));
    }
    for (String after : List.of("0", "-5", "abc")) {
      add(
          "simulate --hangup-after " + BadInput.show(after),
          "--hangup-after",
          2,
          List.of("simulate", "--provider", "hoiio", "--hangup-after", after, flow.toString()));
    }
    add(
        "simulate --no-answer with --busy",
        "--no-answer",
        2,
        List.of("simulate", "--provider", "xoxzo", "--no-answer", "--busy", flow.toString()));
  }

  private void unreadableConfig() {
    Map<String, Path> bad = new LinkedHashMap<>();
    bad.put("/dev/zero", Path.of("/dev/zero"));
    bad.put("a directory", files.directory());
    bad.put("a nonexistent file", files.path("-missing.properties"));
    bad.put("a named pipe", files.fifo());
    bad.put(
        "a malformed \\uZZZZ escape",
        files.text(
            ".properties",
            "switchboard.voxtelesys.base-url="
                + vendors.config("voxtelesys").get("switchboard.voxtelesys.base-url")
                + "\nswitchboard.voxtelesys.api-key=\\uZZZZ\n"));
    bad.put(
        "a truncated \\u12 escape", files.text(".properties", "switchboard.xoxzo.sid=abc\\u12"));
    bad.put(
        "a file over 1 MiB",
        files.text(".properties", ("# padding" + " ".repeat(90) + "\n").repeat(11_000)));
    String[][] commands = {
      {"status", "voxtelesys"}, {"hangup", "hoiio"}, {"call", "xoxzo"}, {"serve", "voxtelesys"}
    };
    int i = 0;
    for (Map.Entry<String, Path> config : bad.entrySet()) {
      String[] command = commands[i++ % commands.length];
      List<String> args =
          command[0].equals("status") || command[0].equals("hangup")
              ? with(ids(command[0], command[1], "c1"), "--config", config.getValue().toString())
              : with(
                  valid(command[0], command[1], flow.toString()),
                  "--config",
                  config.getValue().toString());
      add("--config " + config.getKey() + " for " + command[0], "--config", 2, args);
    }
  }

  private void badCallIds() {
    String[] ids = {
      "",
      ".",
      "..",
      "/",
      "a/b",
      "../calls",
      "a b",
      "a\tb",
      "a\rb",
      "a?b=1",
      "%2e%2e",
      "\u00e9t\u00e9",
      "a".repeat(201)
    };
    String[][] commands = {
      {"status", "voxtelesys"},
      {"hangup", "hoiio"},
      {"status", "xoxzo"},
      {"hangup", "voxtelesys"},
      {"status", "hoiio"}
    };
    for (int i = 0; i < ids.length; i++) {
      String[] command = commands[i % commands.length];
      add(
          command[0] + " call id " + BadInput.show(ids[i]) + " on " + command[1],
          "callId",
          2,
          ids(command[0], command[1], ids[i]));
    }
    add(
        "hangup on a provider that cannot hang up",
        "hang up a live call",
        2,
        ids("hangup", "xoxzo", "c1"));
  }

  private void badNumbers() {
    String[][] numbers = {
      {"--from", "abc", "call.from"},
      {"--from", "+0", "call.from"},
      {"--to", "", "call.to"},
      {"--to", "15556667777", "call.to"},
      {"--to", "+1\r5556667777", "call.to"},
      {"--from", "+1555\n0001111", "call.from"},
    };
    for (int i = 0; i < numbers.length; i++) {
      String provider = LoopbackVendors.PROVIDERS.get(i % LoopbackVendors.PROVIDERS.size());
      add(
          "call " + numbers[i][0] + " " + BadInput.show(numbers[i][1]) + " on " + provider,
          numbers[i][2],
          2,
          with(valid("call", provider, flow.toString()), numbers[i][0], numbers[i][1]));
    }
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * A valid run of a flow command on {@code provider}, configured for its simulator: the command,
   * its options, and the flow last.
   */
  private List<String> valid(String command, String provider, String flowFile) {
    String config = config(provider);
    return switch (command) {
      case "validate", "render", "simulate" -> List.of(command, "--provider", provider, flowFile);
      case "call" ->
          List.of(
              "call",
              "--provider",
              provider,
              "--config",
              config,
              "--from",
              LoopbackVendors.FROM,
              "--to",
              LoopbackVendors.TO,
              flowFile);
      case "serve" ->
          List.of("serve", "--provider", provider, "--config", config, "--port", "0", flowFile);
      default -> throw new IllegalArgumentException(command);
    };
  }

  /**
   * A status or hangup run on {@code provider}, configured for its simulator (Voxtelesys' for a
   * provider that does not exist), followed by {@code rest}.
   */
  private List<String> ids(String command, String provider, String... rest) {
    List<String> args =
        new ArrayList<>(List.of(command, "--provider", provider, "--config", config(provider)));
    args.addAll(List.of(rest));
    return args;
  }

  /** {@code args} with {@code option}'s value replaced by {@code value}. */
  private static List<String> with(List<String> args, String option, String value) {
    List<String> changed = new ArrayList<>(args);
    changed.set(changed.indexOf(option) + 1, value);
    return changed;
  }

  /** {@code args} without {@code option} and its value. */
  private static List<String> without(List<String> args, String option) {
    List<String> changed = new ArrayList<>(args);
    int at = changed.indexOf(option);
    changed.subList(at, at + 2).clear();
    return changed;
  }

  private String config(String provider) {
    String id = LoopbackVendors.PROVIDERS.contains(provider) ? provider : "voxtelesys";
    return configs.computeIfAbsent(id, p -> files.properties(vendors.config(p))).toString();
  }

  private void add(String name, String names, int exitCode, List<String> args) {
    cases.add(BadInput.of(Family.CLI_ARGUMENTS, name, names, new Trial.Cli(args, exitCode)));
  }
}
