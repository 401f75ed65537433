package dev.switchboard.cli;

import dev.switchboard.hoiio.HoiioProvider;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.testkit.SimulatorTarget;
import dev.switchboard.testkit.simulator.HoiioSimulator;
import dev.switchboard.testkit.simulator.VoxtelesysSimulator;
import dev.switchboard.testkit.simulator.XoxzoSimulator;
import dev.switchboard.voxtelesys.VoxtelesysProvider;
import dev.switchboard.xoxzo.XoxzoProvider;
import java.util.Map;
import java.util.Optional;

/**
 * Each provider joined to its vendor's simulator on loopback, with credentials the simulator
 * accepts.
 */
final class Simulators {
  private static final String KEY = "simulated-key";
  private static final String SECRET = "simulated-secret";

  private Simulators() {}

  /** A started target for {@code provider}, or empty when there is no simulator for it. */
  static Optional<SimulatorTarget> start(VoiceProvider provider) {
    switch (provider.id()) {
      case VoxtelesysProvider.ID:
        return Optional.of(
            SimulatorTarget.builder(provider, new VoxtelesysSimulator(KEY))
                .config(
                    base ->
                        Map.of(
                            VoxtelesysProvider.API_KEY,
                            KEY,
                            VoxtelesysProvider.BASE_URL,
                            base.toString(),
                            VoxtelesysProvider.POLL_INTERVAL_MS,
                            "20"))
                .build());
      case HoiioProvider.ID:
        return Optional.of(
            SimulatorTarget.builder(provider, new HoiioSimulator(KEY, SECRET))
                .config(
                    base ->
                        Map.of(
                            HoiioProvider.APP_ID, KEY,
                            HoiioProvider.ACCESS_TOKEN, SECRET,
                            HoiioProvider.BASE_URL, base + "/open/"))
                .build());
      case XoxzoProvider.ID:
        return Optional.of(
            SimulatorTarget.builder(provider, new XoxzoSimulator(KEY, SECRET))
                .config(
                    base ->
                        Map.of(
                            XoxzoProvider.SID, KEY,
                            XoxzoProvider.AUTH_TOKEN, SECRET,
                            XoxzoProvider.BASE_URL, base.toString()))
                .build());
      default:
        return Optional.empty();
    }
  }
}
