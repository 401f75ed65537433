package dev.switchboard;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Configuration as string keys and values, e.g. {@code switchboard.hoiio.app-id}. Each key may also
 * be given as an environment variable: upper case, with {@code .} and {@code -} turned into {@code
 * _} ({@code SWITCHBOARD_HOIIO_APP_ID}). Immutable.
 *
 * <p>{@link #toString()} masks every secret value (keys whose last part names a secret, token, key
 * or password) and the user-info part of URLs ({@code https://user:password@host}), so a
 * configuration can be logged safely.
 */
public final class SwitchboardConfig {
  /** Names the provider to use by its id; {@code switchboard providers} lists those found. */
  public static final String PROVIDER = "switchboard.provider";

  /** The public URL at which vendors reach this application's webhooks. */
  public static final String WEBHOOK_BASE_URL = "switchboard.webhook.base-url";

  /** The key that signs the callback URLs handed to vendors. */
  public static final String WEBHOOK_SECRET = "switchboard.webhook.secret";

  /**
   * Where Switchboard keeps what it must remember between webhooks: {@code memory} (the default,
   * one instance) or the id of a {@link dev.switchboard.state.StateStoreFactory}, e.g. {@code
   * redis}, to share calls between replicas and keep them across restarts.
   */
  public static final String STATE = "switchboard.state";

  private static final String MASK = "****";

  /** The user-info part of a URL ({@code https://user:password@host}): it may hold a password. */
  private static final Pattern URL_USER_INFO =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

  /** Values by normalised name, so that a property and its environment form are the same key. */
  private final Map<String, Entry> entries;

  private record Entry(String name, String value) {}

  private SwitchboardConfig(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  /** An empty configuration. */
  public static SwitchboardConfig empty() {
    return new SwitchboardConfig(new TreeMap<>());
  }

  /** The given keys and values; blank values count as absent. */
  public static SwitchboardConfig of(Map<String, String> values) {
    Map<String, Entry> entries = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k != null && v != null && !v.isBlank()) {
            // The trimmed name, so that isSecret() sees "token" and not "token ".
            entries.put(normalise(k), new Entry(k.strip(), v.strip()));
          }
        });
    return new SwitchboardConfig(entries);
  }

  /** The {@code switchboard.*} entries of {@code properties}. */
  public static SwitchboardConfig fromProperties(Properties properties) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith("switchboard.")) {
        values.put(name, properties.getProperty(name));
      }
    }
    return of(values);
  }

  /** The {@code SWITCHBOARD_*} entries of an environment. */
  public static SwitchboardConfig fromEnvironment(Map<String, String> environment) {
    Map<String, String> values = new LinkedHashMap<>();
    environment.forEach(
        (k, v) -> {
          if (k.startsWith("SWITCHBOARD_")) {
            values.put(k, v);
          }
        });
    return of(values);
  }

  /**
   * The process's configuration: environment variables, overridden by {@code switchboard.*} system
   * properties.
   */
  public static SwitchboardConfig load() {
    return fromEnvironment(System.getenv()).withOverrides(fromProperties(System.getProperties()));
  }

  /** This configuration with every entry of {@code overrides} replacing ours. */
  public SwitchboardConfig withOverrides(SwitchboardConfig overrides) {
    Map<String, Entry> merged = new TreeMap<>(entries);
    merged.putAll(overrides.entries);
    return new SwitchboardConfig(merged);
  }

  /**
   * This configuration with one more entry. As in {@link #of}, a blank or null value adds nothing
   * (and does not erase the key).
   */
  public SwitchboardConfig with(String key, String value) {
    return withOverrides(of(Collections.singletonMap(key, value)));
  }

  /** The value of a key, given either as a property name or an environment name. */
  public Optional<String> get(String key) {
    Entry entry = entries.get(normalise(key));
    return entry == null ? Optional.empty() : Optional.of(entry.value());
  }

  /** The value of a key, or {@code fallback}. */
  public String get(String key, String fallback) {
    return get(key).orElse(fallback);
  }

  /** The configured provider id, if any; when several are listed, the whole list as given. */
  public Optional<String> provider() {
    return get(PROVIDER).map(v -> v.toLowerCase(Locale.ROOT));
  }

  /**
   * The configured provider ids, in order: {@code switchboard.provider} may list several,
   * comma-separated ({@code voxtelesys,hoiio}). Empty when none is configured.
   */
  public List<String> providers() {
    return provider().map(SwitchboardConfig::providerList).orElse(List.of());
  }

  /** The ids in a comma-separated list, lower case, blanks left out. */
  public static List<String> providerList(String list) {
    return Arrays.stream(list.split(","))
        .map(String::strip)
        .filter(id -> !id.isEmpty())
        .map(id -> id.toLowerCase(Locale.ROOT))
        .toList();
  }

  /** The names of the entries, as they were given. */
  public Set<String> names() {
    Set<String> names = new TreeSet<>();
    entries.values().forEach(e -> names.add(e.name()));
    return names;
  }

  /** The environment variable for a property name: {@code SWITCHBOARD_HOIIO_APP_ID}. */
  public static String environmentName(String key) {
    return normalise(key);
  }

  /**
   * True for keys whose values must never be shown: those whose last word is secret, token, key or
   * password ({@code access-token}, {@code api-key}, {@code auth-token}, {@code webhook.secret}).
   */
  public static boolean isSecret(String key) {
    String[] words = key.trim().toLowerCase(Locale.ROOT).split("[._-]");
    String last = words.length == 0 ? "" : words[words.length - 1];
    return Set.of("secret", "token", "key", "password").contains(last);
  }

  private static String normalise(String key) {
    return key.trim().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SwitchboardConfig other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("SwitchboardConfig{");
    String separator = "";
    for (Entry e : entries.values()) {
      out.append(separator)
          .append(e.name())
          .append('=')
          .append(
              isSecret(e.name())
                  ? MASK
                  : URL_USER_INFO.matcher(e.value()).replaceFirst("$1" + MASK + "@"));
      separator = ", ";
    }
    return out.append('}').toString();
  }
}
