package dev.switchboard.state;

import dev.switchboard.SwitchboardConfig;
import dev.switchboard.spi.ConfigKey;
import java.util.List;

/**
 * Makes a {@link StateStore} from configuration. Registered with {@link java.util.ServiceLoader}
 * like providers; {@code switchboard.state} names the one to use by its {@link #id()}, and {@code
 * memory}, the default, needs no factory.
 */
public interface StateStoreFactory {

  /** What {@code switchboard.state} names this store by, e.g. {@code redis}. */
  String id();

  /** The configuration keys {@link #create} reads. */
  List<ConfigKey> configKeys();

  /** Opens a store; the caller closes it. */
  StateStore create(SwitchboardConfig config);
}
