package dev.switchboard.xoxzo;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Play;
import dev.switchboard.testkit.ConformanceTarget;
import dev.switchboard.testkit.ProviderConformanceKit;
import dev.switchboard.testkit.SimulatorTarget;

/** The conformance kit, run through the real provider against the Xoxzo simulator. */
class XoxzoConformanceTest extends ProviderConformanceKit {
  static final String SID = "xoxzo-sid";
  static final String TOKEN = "xoxzo-token";

  @Override
  protected ConformanceTarget createTarget() {
    return SimulatorTarget.builder(new XoxzoProvider())
        .outsideVendorLimits(
            CallFlow.of(Play.of("https://audio.example/reminder.mp3")),
            CallFlow.of(Play.of("http://audio.example/reminder.mp3?version=2")),
            CallFlow.of(Play.of("http://audio.example/re%20minder.mp3")))
        .build();
  }
}
