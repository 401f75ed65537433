package dev.switchboard.testkit.toy;

import dev.switchboard.testkit.simulator.SimulatorFactory;
import dev.switchboard.testkit.simulator.VendorSimulator;
import java.net.URI;
import java.util.Map;

/**
 * Registers the made-up vendor's simulator like the real ones, so that everything that looks
 * simulators up finds it without naming it: the test that a fourth vendor lives in one folder.
 */
public final class ToySimulatorFactory implements SimulatorFactory {
  @Override
  public String providerId() {
    return "toy";
  }

  @Override
  public VendorSimulator create() {
    return new ToySimulator();
  }

  @Override
  public Map<String, String> config(URI baseUrl) {
    return Map.of(
        "switchboard.toy.api-key",
        ToySimulator.API_KEY,
        "switchboard.toy.base-url",
        baseUrl.toString());
  }
}
