package dev.switchboard.internal;

import dev.switchboard.ConfigurationException;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.state.InMemoryStateStore;
import dev.switchboard.state.StateStore;
import dev.switchboard.state.StateStoreFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the {@link StateStore} {@code switchboard.state} names: {@code memory} without any factory,
 * else the {@link StateStoreFactory} of that id found with {@link ServiceLoader}. A factory that
 * fails to load is logged and skipped, as providers are.
 */
public final class StateDiscovery {
  private static final Logger LOG = LoggerFactory.getLogger(StateDiscovery.class);
  public static final String MEMORY = "memory";

  private StateDiscovery() {}

  /**
   * @throws ConfigurationException when no factory has that id, or its keys are missing
   */
  public static StateStore open(SwitchboardConfig config, ClassLoader loader) {
    String id = config.get(SwitchboardConfig.STATE, MEMORY).trim().toLowerCase(Locale.ROOT);
    if (id.equals(MEMORY)) {
      return new InMemoryStateStore();
    }
    List<String> found = new ArrayList<>(List.of(MEMORY));
    var it = ServiceLoader.load(StateStoreFactory.class, loader).iterator();
    while (true) {
      StateStoreFactory factory;
      try {
        if (!it.hasNext()) {
          break;
        }
        factory = it.next();
      } catch (ServiceConfigurationError e) {
        LOG.error("A state store factory could not be loaded and is skipped: {}", e.getMessage());
        continue;
      }
      found.add(factory.id());
      if (factory.id().equals(id)) {
        List<String> problems = new ArrayList<>();
        for (ConfigKey key : factory.configKeys()) {
          if (key.required() && config.get(key.name()).isEmpty()) {
            problems.add("missing " + key.name() + ": " + key.description());
          }
        }
        if (!problems.isEmpty()) {
          throw new ConfigurationException("state", problems);
        }
        return factory.create(config);
      }
    }
    throw new ConfigurationException(
        "state",
        List.of(
            SwitchboardConfig.STATE
                + " is "
                + id
                + ", but the stores found are "
                + String.join(", ", found)
                + "; add the store's jar (e.g. switchboard-state-"
                + id
                + ") to the class path"));
  }
}
