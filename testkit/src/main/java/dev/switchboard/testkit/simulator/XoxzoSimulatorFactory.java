package dev.switchboard.testkit.simulator;

import java.net.URI;
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
    return new XoxzoSimulator(SID, AUTH_TOKEN);
  }

  @Override
  public Map<String, String> config(URI baseUrl) {
    return Map.of(
        "switchboard.xoxzo.sid", SID,
        "switchboard.xoxzo.auth-token", AUTH_TOKEN,
        "switchboard.xoxzo.base-url", baseUrl.toString());
  }
}
