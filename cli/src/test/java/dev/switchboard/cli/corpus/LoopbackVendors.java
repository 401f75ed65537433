package dev.switchboard.cli.corpus;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.hoiio.HoiioProvider;
import dev.switchboard.testkit.simulator.HoiioSimulator;
import dev.switchboard.testkit.simulator.VendorSimulator;
import dev.switchboard.testkit.simulator.VoxtelesysSimulator;
import dev.switchboard.testkit.simulator.XoxzoSimulator;
import dev.switchboard.voxtelesys.VoxtelesysProvider;
import dev.switchboard.xoxzo.XoxzoProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three vendors, simulated on loopback, with a working configuration and a connected client for
 * each: a bad input that got through would reach one of them, and be counted.
 */
final class LoopbackVendors implements AutoCloseable {
  /** The providers, in the order cases take turns on them. */
  static final List<String> PROVIDERS =
      List.of(HoiioProvider.ID, VoxtelesysProvider.ID, XoxzoProvider.ID);

  /** A number to call from that every provider accepts. */
  static final String FROM = "+15550001111";

  /** A number to call that every provider accepts. */
  static final String TO = "+15556667777";

  private final HoiioSimulator hoiio = new HoiioSimulator("corpus-app", "corpus-token");
  private final VoxtelesysSimulator voxtelesys = new VoxtelesysSimulator("corpus-key");
  private final XoxzoSimulator xoxzo = new XoxzoSimulator("corpus-sid", "corpus-token");
  private final Map<String, VoiceClient> clients = new LinkedHashMap<>();

  private LoopbackVendors() {}

  /** Starts the simulators and connects a client to each. */
  static LoopbackVendors start() {
    LoopbackVendors vendors = new LoopbackVendors();
    vendors.hoiio.start();
    vendors.voxtelesys.start();
    vendors.xoxzo.start();
    for (String provider : PROVIDERS) {
      vendors.clients.put(
          provider,
          Switchboard.builder()
              .provider(provider)
              .config(SwitchboardConfig.of(vendors.config(provider)))
              .build());
    }
    return vendors;
  }

  /** A configuration that works for {@code provider}, pointed at its simulator. */
  Map<String, String> config(String provider) {
    Map<String, String> config = new LinkedHashMap<>();
    switch (provider) {
      case HoiioProvider.ID -> {
        config.put(HoiioProvider.APP_ID, "corpus-app");
        config.put(HoiioProvider.ACCESS_TOKEN, "corpus-token");
        config.put(HoiioProvider.BASE_URL, hoiio.baseUrl() + "/open/");
        config.put(SwitchboardConfig.WEBHOOK_BASE_URL, "http://127.0.0.1:9/hooks");
        config.put(SwitchboardConfig.WEBHOOK_SECRET, "corpus-webhook-secret-0123");
      }
      case VoxtelesysProvider.ID -> {
        config.put(VoxtelesysProvider.API_KEY, "corpus-key");
        config.put(VoxtelesysProvider.BASE_URL, voxtelesys.baseUrl().toString());
      }
      case XoxzoProvider.ID -> {
        config.put(XoxzoProvider.SID, "corpus-sid");
        config.put(XoxzoProvider.AUTH_TOKEN, "corpus-token");
        config.put(XoxzoProvider.BASE_URL, xoxzo.baseUrl().toString());
      }
      default -> throw new IllegalArgumentException("no simulator for " + provider);
    }
    return config;
  }

  /** The client connected to {@code provider}'s simulator. */
  VoiceClient client(String provider) {
    VoiceClient client = clients.get(provider);
    if (client == null) {
      throw new IllegalArgumentException("no client for " + provider);
    }
    return client;
  }

  /** Every request the simulated vendors have received, all three together. */
  long requests() {
    return List.<VendorSimulator>of(hoiio, voxtelesys, xoxzo).stream()
        .mapToLong(VendorSimulator::requestCount)
        .sum();
  }

  @Override
  public void close() {
    clients.values().forEach(VoiceClient::close);
    hoiio.close();
    voxtelesys.close();
    xoxzo.close();
  }
}
