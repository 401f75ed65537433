package dev.switchboard.spi;

import dev.switchboard.ConfigurationException;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.internal.Checks;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a provider's configuration values, collecting every problem so that {@link #check()}
 * reports them all at once, as Switchboard promises users.
 *
 * <pre>{@code
 * // Each default is declared once, in the key that configKeys() lists and connect() reads.
 * static final ConfigKey BASE = ConfigKey.baseUrl(BASE_URL, DEFAULT_BASE_URL);
 * static final ConfigKey TIMEOUT = ConfigKey.millis(TIMEOUT_MS, "ms a request may take", 10_000);
 *
 * ConfigReader read = new ConfigReader(ID, config);
 * URI base = read.directoryUrl(BASE);
 * Duration timeout = read.millis(TIMEOUT);
 * read.check();
 * }</pre>
 */
public final class ConfigReader {
  private final String providerId;
  private final SwitchboardConfig config;
  private final List<String> problems = new ArrayList<>();

  public ConfigReader(String providerId, SwitchboardConfig config) {
    this.providerId = providerId;
    this.config = config;
  }

  /**
   * An absolute http or https URL with no query and no fragment, or {@code fallback} when the key
   * is not set. A base URL's query or fragment would be dropped or misplaced by the paths resolved
   * below it, sending requests somewhere the user never named.
   */
  public URI url(String key, String fallback) {
    String value = config.get(key, fallback);
    if (!Checks.isHttpUrl(value)) {
      problems.add(key + " must be an absolute http or https URL");
      return URI.create(fallback);
    }
    URI url = URI.create(value);
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      problems.add(key + " must have no query and no fragment");
      return URI.create(fallback);
    }
    return url;
  }

  /** As {@link #url}, ending in {@code /} so that relative paths resolve below it. */
  public URI directoryUrl(String key, String fallback) {
    URI url = url(key, fallback);
    return url.getPath().endsWith("/") ? url : URI.create(url + "/");
  }

  /**
   * A whole number of milliseconds from 1 to {@value #MAX_MILLIS} (about 24 days, the most an HTTP
   * client's timeout takes), or {@code fallback} when the key is not set.
   */
  public Duration millis(String key, long fallback) {
    String value = config.get(key, String.valueOf(fallback));
    try {
      long millis = Long.parseLong(value);
      if (millis > 0 && millis <= MAX_MILLIS) {
        return Duration.ofMillis(millis);
      }
    } catch (NumberFormatException e) {
      // Reported below, with the rule.
    }
    problems.add(
        key
            + " must be a whole number of milliseconds from 1 to "
            + MAX_MILLIS
            + ", was '"
            + value
            + "'");
    return Duration.ofMillis(fallback);
  }

  /** The longest duration {@link #millis} accepts. */
  public static final long MAX_MILLIS = Integer.MAX_VALUE;

  /** As {@link #url(String, String)}, falling back to the key's own default. */
  public URI url(ConfigKey key) {
    return url(key.name(), fallback(key));
  }

  /** As {@link #directoryUrl(String, String)}, falling back to the key's own default. */
  public URI directoryUrl(ConfigKey key) {
    return directoryUrl(key.name(), fallback(key));
  }

  /**
   * As {@link #millis(String, long)}, falling back to the key's own default, as {@link
   * ConfigKey#millis} declares it.
   */
  public Duration millis(ConfigKey key) {
    return millis(key.name(), Long.parseLong(fallback(key)));
  }

  /**
   * A value core has already checked is present, which must be printable ASCII: credentials and ids
   * go into headers and forms, where a line break or a non-ASCII character would break the request
   * or smuggle another header.
   *
   * @throws ConfigurationException naming the key when it is missing or not printable ASCII
   */
  public String required(String key) {
    String value =
        config
            .get(key)
            .orElseThrow(() -> new ConfigurationException(providerId, List.of("missing " + key)));
    if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new ConfigurationException(
          providerId,
          List.of(key + " must be printable ASCII: no line break, control or non-ASCII character"));
    }
    return value;
  }

  /** Adds a problem the provider found itself, to be reported with the others. */
  public void problem(String problem) {
    problems.add(problem);
  }

  private static String fallback(ConfigKey key) {
    return key.defaultValue()
        .orElseThrow(() -> new IllegalArgumentException(key.name() + " declares no default"));
  }

  /**
   * Fails with every problem found so far.
   *
   * @throws ConfigurationException listing them, when there are any
   */
  public void check() {
    if (!problems.isEmpty()) {
      throw new ConfigurationException(providerId, problems);
    }
  }
}
