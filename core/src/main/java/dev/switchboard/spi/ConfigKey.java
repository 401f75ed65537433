package dev.switchboard.spi;

import dev.switchboard.SwitchboardConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * A configuration key a provider reads, so that missing and invalid values are reported together
 * before anything connects, and so that tools can list what to set.
 *
 * @param name the property name, e.g. {@code switchboard.hoiio.app-id}
 * @param description what the value is, in a few words
 * @param required whether the provider cannot work without it
 * @param url whether the value must be an absolute http or https URL
 * @param defaultValue the value used when none is given, or empty
 */
public record ConfigKey(
    String name, String description, boolean required, boolean url, Optional<String> defaultValue) {
  public ConfigKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }

  /** A key the provider cannot work without. */
  public static ConfigKey required(String name, String description) {
    return new ConfigKey(name, description, true, false, Optional.empty());
  }

  /** A key the provider can work without: {@code defaultValue} applies when it is not set. */
  public static ConfigKey optional(String name, String description, String defaultValue) {
    return new ConfigKey(name, description, false, false, Optional.of(defaultValue));
  }

  /**
   * A key for a whole number of milliseconds (1 to {@link ConfigReader#MAX_MILLIS}), {@code
   * defaultMillis} when it is not set. Read it back with {@link ConfigReader#millis(ConfigKey)}, so
   * that the default is written once.
   */
  public static ConfigKey millis(String name, String description, long defaultMillis) {
    return optional(name, description, String.valueOf(defaultMillis));
  }

  /** A base URL with a default, overridden by tests, the sandbox and simulators. */
  public static ConfigKey baseUrl(String name, String defaultValue) {
    return new ConfigKey(name, "API base URL", false, true, Optional.of(defaultValue));
  }

  /** Whether the value must be masked wherever it is shown. */
  public boolean secret() {
    return SwitchboardConfig.isSecret(name);
  }

  /** The environment variable that can carry the value. */
  public String environmentName() {
    return SwitchboardConfig.environmentName(name);
  }
}
