package dev.switchboard.hoiio;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Say;
import dev.switchboard.testkit.ConformanceTarget;
import dev.switchboard.testkit.ProviderConformanceKit;
import dev.switchboard.testkit.SimulatorTarget;

/** The conformance kit, run through the real provider and its flow runner against the simulator. */
class HoiioConformanceTest extends ProviderConformanceKit {
  static final String APP = "hoiio-app";
  static final String TOKEN = "hoiio-token";

  @Override
  protected ConformanceTarget createTarget() {
    return SimulatorTarget.builder(new HoiioProvider())
        .outsideVendorLimits(
            CallFlow.of(Say.of("x".repeat(1001))),
            CallFlow.of(Gather.builder().say("a".repeat(600)).say("b".repeat(600)).build()))
        .build();
  }
}
