package dev.switchboard.testkit.simulator;

import java.net.URI;
import java.util.List;
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
    return create(Map.of());
  }

  @Override
  public List<String> credentialKeys() {
    return List.of("switchboard.hoiio.app-id", "switchboard.hoiio.access-token");
  }

  @Override
  public VendorSimulator create(Map<String, String> credentials) {
    return new HoiioSimulator(
        credentials.getOrDefault("switchboard.hoiio.app-id", APP_ID),
        credentials.getOrDefault("switchboard.hoiio.access-token", ACCESS_TOKEN));
  }

  @Override
  public Map<String, String> config(URI baseUrl) {
    return Map.of(
        "switchboard.hoiio.app-id", APP_ID,
        "switchboard.hoiio.access-token", ACCESS_TOKEN,
        "switchboard.hoiio.base-url", baseUrl + "/open/");
  }
}
