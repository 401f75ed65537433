package dev.switchboard.benchmarks;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Say;
import dev.switchboard.hoiio.HoiioProvider;
import dev.switchboard.state.redis.RedisStateStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * What a Hoiio call in flight holds in Redis: starts a real Redis, places {@value #CALLS} calls
 * through the Hoiio provider (to a stub that answers at once) and prints Redis's {@code
 * used_memory} growth per call, and the keys a call leaves. A plain {@code main}, not JMH: it
 * measures bytes, not time.
 */
public final class RedisFootprintRun {
  private static final int CALLS = 10_000;

  private RedisFootprintRun() {}

  public static void main(String[] args) throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    String url = "redis://127.0.0.1:" + port;
    RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").build();
    redis.start();
    RedisClient raw = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> admin = raw.connect();
        RedisStateStore state =
            RedisStateStore.connect(io.lettuce.core.RedisURI.create(url), "fp:");
        HoiioStub hoiio = new HoiioStub();
        VoiceClient client =
            Switchboard.builder()
                .provider(new HoiioProvider())
                .state(state)
                .config(
                    SwitchboardConfig.of(
                        Map.of(
                            HoiioProvider.APP_ID, "fp-app",
                            HoiioProvider.ACCESS_TOKEN, "fp-token",
                            HoiioProvider.BASE_URL, hoiio.baseUrl(),
                            SwitchboardConfig.WEBHOOK_BASE_URL, "https://app.example/hooks",
                            SwitchboardConfig.WEBHOOK_SECRET, "footprint-webhook-secret")))
                .build()) {
      CallFlow flow =
          CallFlow.of(
              Say.of("Hello."),
              Gather.builder().say("Press 1.").branch("1", Say.of("One.")).build(),
              Say.of("Other."));
      client.placeCall("+6560000000", "+6561234567", flow);
      long before = usedMemory(admin);
      long keysBefore = admin.sync().dbsize();
      for (int i = 0; i < CALLS; i++) {
        client.placeCall("+6560000000", "+6561234567", flow);
      }
      long after = usedMemory(admin);
      long keysAfter = admin.sync().dbsize();
      System.out.printf(
          "%,d calls in flight: %,d bytes of Redis memory each, %.1f keys each%n",
          CALLS, (after - before) / CALLS, (keysAfter - keysBefore) / (double) CALLS);
      admin.sync().keys("fp:*").stream()
          .map(key -> key.replaceAll("(:[^:]+)$", ":…"))
          .distinct()
          .sorted()
          .forEach(kind -> System.out.println("  key kind: " + kind));
    } finally {
      raw.shutdown();
      redis.stop();
    }
  }

  private static long usedMemory(StatefulRedisConnection<String, String> admin) {
    String info = admin.sync().info("memory");
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("used_memory:")) {
        return Long.parseLong(line.substring("used_memory:".length()).trim());
      }
    }
    throw new IllegalStateException("no used_memory in INFO");
  }
}
