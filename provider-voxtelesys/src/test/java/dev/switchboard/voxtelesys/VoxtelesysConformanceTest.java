package dev.switchboard.voxtelesys;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Say;
import dev.switchboard.testkit.ConformanceTarget;
import dev.switchboard.testkit.ProviderConformanceKit;
import dev.switchboard.testkit.SimulatorTarget;

/** The conformance kit, run through the real provider against the Voxtelesys simulator. */
class VoxtelesysConformanceTest extends ProviderConformanceKit {
  static final String KEY = "vox-test-key";

  @Override
  protected ConformanceTarget createTarget() {
    return SimulatorTarget.builder(new VoxtelesysProvider())
        .outsideVendorLimits(
            CallFlow.of(Pause.of(61)),
            CallFlow.of(Gather.builder().timeout(61).build()),
            CallFlow.of(Say.of("Your code is $GATHER")))
        .build();
  }
}
