package dev.switchboard.testkit.simulator;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the simulator of one vendor, found with {@link java.util.ServiceLoader} the way providers
 * are, so that the CLI, the conformance kit and users look simulators up by provider id instead of
 * naming vendors. A simulator module registers its factory in {@code module-info.java} ({@code
 * provides}) and in {@code META-INF/services}.
 *
 * <p>A factory never refers to a provider's classes: the simulator is read from the vendor's
 * documents independently, which is what makes comparing the two mean something. It names the
 * provider's configuration keys as text.
 */
public interface SimulatorFactory {

  /** The id of the provider this vendor's simulator serves, e.g. {@code hoiio}. */
  String providerId();

  /** A new simulator, not yet started, accepting the credentials {@link #config} gives. */
  VendorSimulator create();

  /**
   * The provider's configuration for a simulator listening at {@code baseUrl}: credentials it
   * accepts and the provider's base URL pointed at it.
   */
  Map<String, String> config(URI baseUrl);

  /**
   * The configuration keys of the credentials the simulator checks, e.g. {@code
   * switchboard.hoiio.app-id}; each may be set for {@link #create(Map)}.
   */
  default List<String> credentialKeys() {
    return List.of();
  }

  /**
   * A new simulator accepting {@code credentials} (by the keys of {@link #credentialKeys()}), and
   * the usual ones for any key not given.
   */
  default VendorSimulator create(Map<String, String> credentials) {
    return create();
  }

  /**
   * As {@link #config(URI)} for a simulator made by {@link #create(Map)} with {@code credentials}.
   */
  default Map<String, String> config(URI baseUrl, Map<String, String> credentials) {
    Map<String, String> config = new HashMap<>(config(baseUrl));
    credentials.forEach(
        (key, value) -> {
          if (credentialKeys().contains(key)) {
            config.put(key, value);
          }
        });
    return Map.copyOf(config);
  }
}
