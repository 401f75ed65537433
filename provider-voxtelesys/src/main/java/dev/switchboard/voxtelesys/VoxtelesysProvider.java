package dev.switchboard.voxtelesys;

import dev.switchboard.Capabilities;
import dev.switchboard.Capability;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.provider.support.HttpTimeouts;
import dev.switchboard.provider.support.VendorProvider;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ConfigReader;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.voxtelesys.internal.VoxXmlCompiler;
import dev.switchboard.voxtelesys.internal.VoxtelesysApi;
import dev.switchboard.voxtelesys.internal.VoxtelesysClient;
import dev.switchboard.voxtelesys.internal.VoxtelesysRules;
import dev.switchboard.voxtelesys.internal.voxxml.VoxXml;
import dev.switchboard.webhook.WebhookSigner;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.HttpUrl;

/**
 * The Voxtelesys v1 Voice API: flows run as VoxXML documents, calls and conferences are controlled
 * over REST, and callbacks arrive as JSON. See {@code docs/providers/voxtelesys.md} for the
 * readings taken where the vendor's document is silent.
 */
public final class VoxtelesysProvider extends VendorProvider {
  public static final String ID = "voxtelesys";
  public static final String API_KEY = "switchboard.voxtelesys.api-key";
  public static final String BASE_URL = "switchboard.voxtelesys.base-url";
  public static final String POLL_INTERVAL_MS = "switchboard.voxtelesys.poll-interval-ms";
  public static final String DEFAULT_BASE_URL = "https://voiceapi.voxtelesys.net/api/v1";

  private static final ConfigKey BASE = ConfigKey.baseUrl(BASE_URL, DEFAULT_BASE_URL);
  private static final ConfigKey POLL_INTERVAL =
      ConfigKey.millis(
          POLL_INTERVAL_MS, "milliseconds between reads of a placed call's status", 2000);

  private static final List<ConfigKey> CONFIG_KEYS =
      Stream.concat(
              Stream.of(
                  ConfigKey.required(API_KEY, "API key from the Voxtelesys portal"),
                  BASE,
                  POLL_INTERVAL),
              HttpTimeouts.configKeys(ID).stream())
          .toList();

  private static final Capabilities CAPABILITIES =
      Capabilities.of(
          Capability.OUTBOUND_CALL,
          Capability.INBOUND_CALL,
          Capability.SAY,
          Capability.SAY_LANGUAGE,
          Capability.SAY_GENDER,
          Capability.PLAY,
          Capability.PAUSE,
          Capability.LOOP,
          Capability.SEQUENCE,
          Capability.GATHER_DTMF,
          Capability.GATHER_SPEECH,
          Capability.BRANCHING,
          Capability.TRANSFER,
          Capability.PARALLEL_TRANSFER,
          Capability.CONTINUE_AFTER_BRIDGE,
          Capability.CONFERENCE,
          Capability.CONFERENCE_OPTIONS,
          Capability.CONFERENCE_CONTROL,
          Capability.CALL_STATUS,
          Capability.CALL_LIST,
          Capability.MODIFY_CALL,
          Capability.HANGUP_CALL,
          Capability.REJECT,
          Capability.CALLER_ID);

  /** The provider ServiceLoader creates. */
  public VoxtelesysProvider() {
    super(
        ID,
        "Voxtelesys",
        CAPABILITIES,
        CONFIG_KEYS,
        VoxtelesysRules::gaps,
        VoxtelesysRules::violations);
  }

  /** The VoxXML this provider sends for {@code flow}, without callbacks, indented for reading. */
  @Override
  public Optional<String> render(CallFlow flow) {
    return Optional.of(VoxXml.writeIndented(new VoxXmlCompiler(Optional.empty()).document(flow)));
  }

  /** The VoxXML this provider sends for {@code flow}, without callbacks, as sent. */
  public String compile(CallFlow flow) {
    return new VoxXmlCompiler(Optional.empty()).compile(flow);
  }

  @Override
  public ProviderClient connect(SwitchboardConfig config) {
    ConfigReader read = new ConfigReader(ID, config);
    URI base = read.url(BASE);
    Duration poll = read.millis(POLL_INTERVAL);
    HttpTimeouts timeouts = HttpTimeouts.from(read, ID);
    read.check();
    VoxtelesysApi api = new VoxtelesysApi(HttpUrl.get(base), read.required(API_KEY), timeouts);
    return new VoxtelesysClient(api, WebhookSigner.fromConfig(config), poll);
  }
}
