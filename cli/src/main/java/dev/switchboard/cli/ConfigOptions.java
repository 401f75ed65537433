package dev.switchboard.cli;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
      description = "a provider id (see switchboard providers)")
  String provider;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "a properties file with switchboard.* keys; overrides the environment")
  Path file;

  SwitchboardConfig config() {
    SwitchboardConfig config = SwitchboardConfig.load();
    if (file == null) {
      return config;
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UsageException("cannot read --config " + file + ": " + e.getMessage());
    }
    return config.withOverrides(SwitchboardConfig.fromProperties(properties));
  }

  /** A client for the chosen provider with this configuration. */
  VoiceClient connect() {
    return connect(builder -> builder);
  }

  VoiceClient connect(UnaryOperator<Switchboard.Builder> customize) {
    return customize
        .apply(Switchboard.builder().provider(Providers.find(provider)).config(config()))
        .build();
  }
}
