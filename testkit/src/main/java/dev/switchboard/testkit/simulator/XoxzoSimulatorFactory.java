package dev.switchboard.testkit.simulator;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The {@link XoxzoSimulator}, for the {@code xoxzo} provider. */
public final class XoxzoSimulatorFactory implements SimulatorFactory {
  private static final String SID = "simulated-sid";
  private static final String AUTH_TOKEN = "simulated-token";

  @Override
  public String providerId() {
    return "xoxzo";
  }

  @Override
  public VendorSimulator create() {
    return create(Map.of());
  }

  @Override
  public List<String> credentialKeys() {
    return List.of("switchboard.xoxzo.sid", "switchboard.xoxzo.auth-token");
  }

  @Override
  public VendorSimulator create(Map<String, String> credentials) {
    return new XoxzoSimulator(
        credentials.getOrDefault("switchboard.xoxzo.sid", SID),
        credentials.getOrDefault("switchboard.xoxzo.auth-token", AUTH_TOKEN));
  }

  @Override
  public Map<String, String> config(URI baseUrl) {
    return Map.of(
        "switchboard.xoxzo.sid", SID,
        "switchboard.xoxzo.auth-token", AUTH_TOKEN,
        "switchboard.xoxzo.base-url", baseUrl.toString());
  }
}
