package dev.switchboard.testkit.simulator;

import java.net.URI;
import java.util.Map;

/** The {@link HoiioSimulator}, for the {@code hoiio} provider. */
public final class HoiioSimulatorFactory implements SimulatorFactory {
  private static final String APP_ID = "simulated-app";
  private static final String ACCESS_TOKEN = "simulated-token";

  @Override
  public String providerId() {
    return "hoiio";
  }

  @Override
  public VendorSimulator create() {
    return new HoiioSimulator(APP_ID, ACCESS_TOKEN);
  }

  @Override
  public Map<String, String> config(URI baseUrl) {
    return Map.of(
        "switchboard.hoiio.app-id", APP_ID,
        "switchboard.hoiio.access-token", ACCESS_TOKEN,
        "switchboard.hoiio.base-url", baseUrl + "/open/");
  }
}
