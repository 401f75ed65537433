package dev.switchboard.routing;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.testkit.simulator.Simulators;
import dev.switchboard.testkit.simulator.VendorSimulator;
import dev.switchboard.testkit.simulator.WireExchange;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The three vendors' simulators on loopback, and one webhook server that hands every request to the
 * client under test: what a routed client meets in a test.
 */
final class Vendors implements AutoCloseable {
  static final List<String> IDS = List.of("hoiio", "voxtelesys", "xoxzo");

  /** The request of each vendor's API that creates a call. */
  private static final Map<String, Predicate<WireExchange>> CREATES =
      Map.of(
          "hoiio", w -> w.uri().getPath().endsWith("/ivr/start/dial"),
          "voxtelesys", w -> w.method().equals("POST") && w.uri().getPath().equals("/calls"),
          "xoxzo",
              w ->
                  w.method().equals("POST")
                      && w.uri().getPath().equals("/voice/simple/playbacks/"));

  private final Map<String, VendorSimulator> simulators = new LinkedHashMap<>();
  private final AtomicReference<VoiceClient> current = new AtomicReference<>();
  private final WebhookServer webhooks;

  Vendors() throws IOException {
    for (String id : IDS) {
      simulators.put(id, Simulators.forProvider(id).orElseThrow().create().start());
    }
    webhooks =
        WebhookServer.start(
            request -> {
              VoiceClient client = current.get();
              return client == null
                  ? WebhookResponse.serverError()
                  : client.handleWebhook(request).response();
            },
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            8);
  }

  VendorSimulator simulator(String id) {
    return simulators.get(id);
  }

  /**
   * A configuration listing {@code providers}, with every simulator's credentials, each provider's
   * base URL at its simulator or at {@code bases} where given, and this server's webhook URL.
   */
  SwitchboardConfig config(String providers, Map<String, URI> bases, Map<String, String> more) {
    Map<String, String> config = new HashMap<>();
    for (String id : IDS) {
      URI base = bases.getOrDefault(id, simulators.get(id).baseUrl());
      config.putAll(Simulators.forProvider(id).orElseThrow().config(base));
    }
    config.put(SwitchboardConfig.PROVIDER, providers);
    config.put(SwitchboardConfig.WEBHOOK_BASE_URL, webhooks.localUrl() + "/hooks");
    config.put(SwitchboardConfig.WEBHOOK_SECRET, "routing-test-webhook-secret");
    config.putAll(more);
    return SwitchboardConfig.of(config);
  }

  SwitchboardConfig config(String providers) {
    return config(providers, Map.of(), Map.of());
  }

  /** Builds the client under test, which the webhook server then serves. */
  VoiceClient connect(Switchboard.Builder builder) {
    VoiceClient client = builder.build();
    current.set(client);
    return client;
  }

  /**
   * How many calls {@code id}'s simulator created: create requests it accepted (Hoiio answers a
   * refusal with 200 and an {@code error_} status).
   */
  long created(String id) {
    return simulators.get(id).wireLog().stream()
        .filter(w -> w.direction() == WireExchange.Direction.TO_VENDOR)
        .filter(CREATES.get(id))
        .filter(w -> w.status() / 100 == 2 && !w.responseBody().contains("\"error_"))
        .count();
  }

  /** Calls created at every simulator together. */
  long created() {
    return IDS.stream().mapToLong(this::created).sum();
  }

  @Override
  public void close() {
    VoiceClient client = current.getAndSet(null);
    if (client != null) {
      client.close();
    }
    webhooks.close();
    simulators.values().forEach(VendorSimulator::close);
  }
}
