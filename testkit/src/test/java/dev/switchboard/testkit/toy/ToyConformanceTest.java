package dev.switchboard.testkit.toy;

import dev.switchboard.testkit.ConformanceTarget;
import dev.switchboard.testkit.ProviderConformanceKit;
import dev.switchboard.testkit.SimulatorTarget;
import java.util.Map;

/**
 * The whole kit over real HTTP against a made-up vendor: proves the simulator base, the webhook
 * server, signing and de-duplication work together the way the real providers will use them.
 */
public class ToyConformanceTest extends ProviderConformanceKit {
  @Override
  protected ConformanceTarget createTarget() {
    return target(new ToyProvider());
  }

  /** {@code provider} wired to a fresh toy simulator. */
  public static ConformanceTarget target(ToyProvider provider) {
    return SimulatorTarget.builder(provider, new ToySimulator())
        .config(
            base ->
                Map.of(
                    ToyProvider.API_KEY,
                    ToySimulator.API_KEY,
                    ToyProvider.BASE_URL,
                    base.toString()))
        .registeredForDiscovery(false)
        .build();
  }
}
