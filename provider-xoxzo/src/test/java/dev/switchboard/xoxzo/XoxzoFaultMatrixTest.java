package dev.switchboard.xoxzo;

import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.testkit.faults.ProviderFaultMatrix;
import java.net.URI;
import java.util.Map;

/** Xoxzo against every vendor fault. */
class XoxzoFaultMatrixTest extends ProviderFaultMatrix {
  @Override
  protected VoiceProvider provider() {
    return new XoxzoProvider();
  }

  @Override
  protected Map<String, String> config(URI vendor) {
    return Map.of(
        XoxzoProvider.SID,
        "sid",
        XoxzoProvider.AUTH_TOKEN,
        "token",
        XoxzoProvider.BASE_URL,
        vendor.toString());
  }
}
