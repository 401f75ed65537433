package dev.switchboard.testkit.simulator;

import java.util.Optional;
import java.util.ServiceLoader;

/** Finds vendor simulators by provider id among the {@link SimulatorFactory} services. */
public final class Simulators {
  private Simulators() {}

  /** The factory of the simulator for {@code providerId}, if one is on the class or module path. */
  public static Optional<SimulatorFactory> forProvider(String providerId) {
    return forProvider(providerId, Simulators.class.getClassLoader());
  }

  /** The factory of the simulator for {@code providerId} that {@code loader} finds. */
  public static Optional<SimulatorFactory> forProvider(String providerId, ClassLoader loader) {
    return ServiceLoader.load(SimulatorFactory.class, loader).stream()
        .map(ServiceLoader.Provider::get)
        .filter(factory -> factory.providerId().equals(providerId))
        .findFirst();
  }
}
