package dev.switchboard.cli.corpus;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.hoiio.HoiioProvider;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.voxtelesys.VoxtelesysProvider;
import dev.switchboard.xoxzo.XoxzoProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Bad configuration values for each provider, each one in an otherwise working configuration
 * pointed at the provider's simulator: built into a client with {@code Switchboard.builder()} and
 * {@code SwitchboardConfig.of(map)}, which then places a call, and written to a {@code --config}
 * file for {@code switchboard call}. Either would reach the simulator if the value got through.
 */
final class ConfigurationCases {
  private static final Map<String, List<String>> CREDENTIALS =
      Map.of(
          HoiioProvider.ID, List.of(HoiioProvider.APP_ID, HoiioProvider.ACCESS_TOKEN),
          VoxtelesysProvider.ID, List.of(VoxtelesysProvider.API_KEY),
          XoxzoProvider.ID, List.of(XoxzoProvider.SID, XoxzoProvider.AUTH_TOKEN));

  /** Every key of milliseconds each provider reads: its time-outs, and any interval. */
  private static final Map<String, List<String>> MILLIS =
      Stream.of(new HoiioProvider(), new VoxtelesysProvider(), new XoxzoProvider())
          .collect(
              Collectors.toMap(
                  VoiceProvider::id,
                  provider ->
                      provider.configKeys().stream()
                          .map(ConfigKey::name)
                          .filter(name -> name.endsWith("-ms"))
                          .toList()));

  private static final Map<String, String> BASE_URLS =
      Map.of(
          HoiioProvider.ID, HoiioProvider.BASE_URL,
          VoxtelesysProvider.ID, VoxtelesysProvider.BASE_URL,
          XoxzoProvider.ID, XoxzoProvider.BASE_URL);

  private static final CallFlow HELLO = CallFlow.builder().say("Hello from the corpus").build();

  private final LoopbackVendors vendors;
  private final ScratchFiles files;
  private final Path flow;
  private final List<BadInput> cases = new ArrayList<>();

  private ConfigurationCases(LoopbackVendors vendors, ScratchFiles files) {
    this.vendors = vendors;
    this.files = files;
    this.flow = files.text(".json", "{\"verbs\":[{\"say\":{\"text\":\"Hello from the corpus\"}}]}");
  }

  /** Every configuration case, in the same order on every run. */
  static List<BadInput> all(LoopbackVendors vendors, ScratchFiles files) {
    ConfigurationCases corpus = new ConfigurationCases(vendors, files);
    for (String provider : LoopbackVendors.PROVIDERS) {
      corpus.millis(provider);
      corpus.baseUrls(provider);
      corpus.credentials(provider);
      corpus.webhooks(provider);
    }
    corpus.unknownProviders();
    return List.copyOf(corpus.cases);
  }

  private void millis(String provider) {
    for (String key : MILLIS.get(provider)) {
      for (String value : List.of("-1", "0", "99999999999", "abc", "1.5", "2147483648")) {
        add(provider, key + " = " + value, key, value);
      }
    }
  }

  private void baseUrls(String provider) {
    String key = BASE_URLS.get(provider);
    List<String> urls =
        List.of(
            "http://127.0.0.1:99999/",
            "ftp://127.0.0.1/",
            "file:///etc/passwd",
            "127.0.0.1:8080",
            "http://",
            "http://exa mple.com/",
            "javascript:alert(1)",
            "http://127.0.0.1:9/api?key=1",
            "http://127.0.0.1:9/api#part");
    for (String url : urls) {
      add(provider, key + " = " + BadInput.show(url), key, url);
    }
  }

  private void credentials(String provider) {
    // Only whitespace is stripped from the ends of a value, so a control character at its end
    // is refused as one inside it is.
    for (String key : CREDENTIALS.get(provider)) {
      List<String> values =
          List.of(
              "line\nbreak",
              "tab\tin",
              "caf\u00e9",
              "be\u0007ll",
              "bell\u0007",
              "\u0000token",
              "   ",
              "tok\r\nX-Injected: 1");
      for (String value : values) {
        add(provider, key + " = " + BadInput.show(value), key, value);
      }
    }
  }

  private void webhooks(String provider) {
    String base = SwitchboardConfig.WEBHOOK_BASE_URL;
    String secret = SwitchboardConfig.WEBHOOK_SECRET;
    for (String url :
        List.of(
            "ftp://127.0.0.1/hooks",
            "http://127.0.0.1:9/hooks?x=1",
            "http://127.0.0.1:9/hooks#f",
            "hooks",
            "http://:9/hooks")) {
      Map<String, String> changes = new LinkedHashMap<>();
      changes.put(base, url);
      changes.put(secret, "corpus-webhook-secret-0123");
      add(provider, base + " = " + BadInput.show(url), base, changes);
    }
    for (String value : List.of("short", "fifteen-chars!!")) {
      Map<String, String> changes = new LinkedHashMap<>();
      changes.put(base, "http://127.0.0.1:9/hooks");
      changes.put(secret, value);
      add(provider, secret + " of " + value.length() + " chars", secret, changes);
    }
    if (provider.equals(HoiioProvider.ID)) {
      Map<String, String> changes = new LinkedHashMap<>();
      changes.put(secret, "");
      add(provider, secret + " missing with a base URL", secret, changes);
      changes = new LinkedHashMap<>();
      changes.put(base, "");
      changes.put(secret, "");
      add(provider, base + " missing, which Hoiio requires", base, changes);
    } else {
      Map<String, String> changes = new LinkedHashMap<>();
      changes.put(base, "http://127.0.0.1:9/hooks");
      add(provider, secret + " missing with a base URL", secret, changes);
    }
  }

  private void unknownProviders() {
    for (String id : List.of("twilio", "voxtelesys,voxtelesys", "voxtelesys,twilio", "   ")) {
      Map<String, String> config = new LinkedHashMap<>(vendors.config(VoxtelesysProvider.ID));
      config.put(SwitchboardConfig.PROVIDER, id);
      cases.add(
          BadInput.of(
              Family.CONFIGURATION,
              SwitchboardConfig.PROVIDER + " = " + BadInput.show(id),
              SwitchboardConfig.PROVIDER,
              Trial.api(
                  () -> placeCall(Switchboard.builder().config(SwitchboardConfig.of(config))))));
    }
  }

  private void add(String provider, String name, String key, String value) {
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put(key, value);
    add(provider, name, key, changes);
  }

  /**
   * A case with the provider's working configuration changed as given, an empty value removing a
   * key: tried through the API and as a {@code --config} file for {@code switchboard call}.
   */
  private void add(String provider, String name, String names, Map<String, String> changes) {
    Map<String, String> config = new LinkedHashMap<>(vendors.config(provider));
    changes.forEach(
        (k, v) -> {
          if (v.isEmpty()) {
            config.remove(k);
          } else {
            config.put(k, v);
          }
        });
    Path file = files.properties(config);
    cases.add(
        BadInput.of(
            Family.CONFIGURATION,
            name + " on " + provider,
            names,
            Trial.api(
                () ->
                    placeCall(
                        Switchboard.builder()
                            .provider(provider)
                            .config(SwitchboardConfig.of(config)))),
            Trial.cli(
                1,
                "call",
                "--provider",
                provider,
                "--config",
                file.toString(),
                "--from",
                LoopbackVendors.FROM,
                "--to",
                LoopbackVendors.TO,
                flow.toString())));
  }

  /** Builds the client and, should that work, places a call, which the simulator would count. */
  private static void placeCall(Switchboard.Builder builder) {
    try (VoiceClient client = builder.build()) {
      client.placeCall(LoopbackVendors.FROM, LoopbackVendors.TO, HELLO);
    }
  }
}
