package dev.switchboard.testkit.toy;

import dev.switchboard.testkit.ConformanceTarget;
import dev.switchboard.testkit.ProviderConformanceKit;
import dev.switchboard.testkit.SimulatorTarget;

/**
 * The whole kit over real HTTP against a made-up vendor: proves the simulator base, the webhook
 * server, signing and de-duplication work together the way the real providers will use them.
 */
public class ToyConformanceTest extends ProviderConformanceKit {
  @Override
  protected ConformanceTarget createTarget() {
    return target(new ToyProvider());
  }

  /**
   * {@code provider} wired to a fresh toy simulator, found the way every vendor's is: by the
   * provider's id among the registered simulator factories.
   */
  public static ConformanceTarget target(ToyProvider provider) {
    return SimulatorTarget.builder(provider).registeredForDiscovery(false).build();
  }
}
