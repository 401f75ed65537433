package dev.switchboard.testkit.simulator;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The {@link VoxtelesysSimulator}, for the {@code voxtelesys} provider. */
public final class VoxtelesysSimulatorFactory implements SimulatorFactory {
  private static final String API_KEY = "simulated-key";

  @Override
  public String providerId() {
    return "voxtelesys";
  }

  @Override
  public VendorSimulator create() {
    return create(Map.of());
  }

  @Override
  public List<String> credentialKeys() {
    return List.of("switchboard.voxtelesys.api-key");
  }

  @Override
  public VendorSimulator create(Map<String, String> credentials) {
    return new VoxtelesysSimulator(
        credentials.getOrDefault("switchboard.voxtelesys.api-key", API_KEY));
  }

  /** Polls the call list every 20 ms: on loopback, a call's end should not wait for a slow poll. */
  @Override
  public Map<String, String> config(URI baseUrl) {
    return Map.of(
        "switchboard.voxtelesys.api-key",
        API_KEY,
        "switchboard.voxtelesys.base-url",
        baseUrl.toString(),
        "switchboard.voxtelesys.poll-interval-ms",
        "20");
  }
}
