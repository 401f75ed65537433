package dev.switchboard.cli;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.spi.VoiceProvider;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Where credentials come from: the environment and {@code switchboard.*} system properties, then a
 * properties file given with {@code --config}, whose entries win.
 */
final class ConfigOptions {
  @Option(
      names = "--provider",
      required = true,
      paramLabel = "P[,P...]",
      description =
          "a provider id (see switchboard providers), or several, comma-separated, in the order"
              + " calls try them")
  String provider;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "a properties file with switchboard.* keys; overrides the environment")
  Path file;

  /** The largest properties file {@code --config} reads. */
  private static final long MAX_CONFIG_BYTES = 1 << 20;

  SwitchboardConfig config() {
    SwitchboardConfig config = SwitchboardConfig.load();
    if (file == null) {
      return config;
    }
    Properties properties = new Properties();
    try {
      // A device or a pipe would be read for ever, a huge file into memory: neither is config.
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_CONFIG_BYTES) {
        throw new UsageException(
            "cannot read --config "
                + file
                + ": it must be a regular file of at most "
                + MAX_CONFIG_BYTES
                + " bytes");
      }
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(in);
      }
    } catch (IOException | IllegalArgumentException e) {
      // Properties.load refuses a malformed \\uXXXX escape with IllegalArgumentException.
      throw new UsageException("cannot read --config " + file + ": " + e.getMessage());
    }
    return config.withOverrides(SwitchboardConfig.fromProperties(properties));
  }

  /** A client for the chosen provider with this configuration. */
  VoiceClient connect() {
    return connect(builder -> builder);
  }

  VoiceClient connect(UnaryOperator<Switchboard.Builder> customize) {
    List<VoiceProvider> chosen = providers();
    return customize
        .apply(
            Switchboard.builder()
                .providers(
                    chosen.get(0), chosen.subList(1, chosen.size()).toArray(VoiceProvider[]::new))
                .config(config()))
        .build();
  }

  /** The providers {@code --provider} lists, in order. */
  List<VoiceProvider> providers() {
    return Providers.list(provider);
  }

  /**
   * The one provider {@code --provider} names, for a command about one call: a fresh process cannot
   * know which of several placed it.
   */
  VoiceProvider single(String command) {
    List<VoiceProvider> chosen = providers();
    if (chosen.size() > 1) {
      throw new UsageException(
          command + " takes one --provider, the one that placed the call; was " + provider);
    }
    return chosen.get(0);
  }
}
