package dev.switchboard.internal;

import dev.switchboard.AmbiguousProviderException;
import dev.switchboard.ProviderNotFoundException;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.spi.VoiceProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds providers with {@link ServiceLoader} and picks one. A provider that fails to load is logged
 * and reported, and does not stop the others from being found.
 */
public final class ProviderDiscovery {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderDiscovery.class);

  /**
   * What a class loader offers.
   *
   * @param providers the providers that loaded, in class-path order
   * @param failures one line per provider that failed to load
   */
  public record Found(List<VoiceProvider> providers, List<String> failures) {
    public Found {
      providers = List.copyOf(providers);
      failures = List.copyOf(failures);
    }
  }

  private static final String NONE_FOUND =
      "No provider was found on the class path. Add one provider jar, such as"
          + " dev.switchboard:switchboard-provider-voxtelesys, -hoiio or -xoxzo.";

  private ProviderDiscovery() {}

  public static Found discover(ClassLoader loader) {
    List<VoiceProvider> providers = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Iterator<VoiceProvider> it = ServiceLoader.load(VoiceProvider.class, loader).iterator();
    while (true) {
      VoiceProvider provider;
      try {
        if (!it.hasNext()) {
          break;
        }
        provider = it.next();
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        skip(failures, describe(e));
        continue;
      }
      try {
        // A provider whose metadata throws is as broken as one that fails to instantiate.
        provider.id().length();
        providers.add(provider);
      } catch (RuntimeException | LinkageError e) {
        // The exception alone would not say which provider it came from.
        skip(failures, "Provider " + provider.getClass().getName() + " failed in id(): " + e);
      }
    }
    return new Found(providers, failures);
  }

  private static void skip(List<String> failures, String failure) {
    LOG.warn("Skipping a Switchboard provider that failed to load: {}", failure);
    failures.add(failure);
  }

  private static String describe(Throwable e) {
    StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      out.append(" (caused by ").append(cause).append(')');
    }
    return out.toString();
  }

  /**
   * The provider named {@code name}, or the only one found when no name is given.
   *
   * @throws ProviderNotFoundException when none is found, or none has the name
   * @throws AmbiguousProviderException when several are found and no name is given, or several
   *     claim the name
   */
  public static VoiceProvider select(Optional<String> name, Found found) {
    List<VoiceProvider> providers = found.providers();
    String failures =
        found.failures().isEmpty()
            ? ""
            : " "
                + found.failures().size()
                + " failed to load: "
                + String.join("; ", found.failures())
                + ".";
    if (name.isPresent()) {
      List<VoiceProvider> named =
          providers.stream().filter(p -> p.id().equalsIgnoreCase(name.get())).toList();
      if (named.size() == 1) {
        return named.get(0);
      }
      if (named.size() > 1) {
        throw new AmbiguousProviderException(
            "Several providers claim the id '"
                + name.get()
                + "': "
                + classes(named)
                + ". Keep one of their jars on the class path.");
      }
      throw new ProviderNotFoundException(
          "No provider '"
              + name.get()
              + "'. "
              + (providers.isEmpty()
                  ? NONE_FOUND
                  : "Found: "
                      + ids(providers)
                      + "; name one of them in "
                      + SwitchboardConfig.PROVIDER
                      + ".")
              + failures);
    }
    if (providers.size() == 1) {
      return providers.get(0);
    }
    if (providers.isEmpty()) {
      throw new ProviderNotFoundException(NONE_FOUND + failures);
    }
    throw new AmbiguousProviderException(
        "Several Switchboard providers found: "
            + classes(providers)
            + ". Choose one with "
            + SwitchboardConfig.PROVIDER
            + "=<id> (environment variable "
            + SwitchboardConfig.environmentName(SwitchboardConfig.PROVIDER)
            + ")."
            + failures);
  }

  private static String ids(List<VoiceProvider> providers) {
    return providers.stream().map(VoiceProvider::id).collect(Collectors.joining(", "));
  }

  private static String classes(List<VoiceProvider> providers) {
    return providers.stream()
        .map(p -> p.id() + " (" + p.getClass().getName() + ")")
        .collect(Collectors.joining(", "));
  }
}
