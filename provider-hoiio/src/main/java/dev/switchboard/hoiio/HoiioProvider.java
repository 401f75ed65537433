package dev.switchboard.hoiio;

import dev.switchboard.Capabilities;
import dev.switchboard.Capability;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.hoiio.internal.BlockChainRenderer;
import dev.switchboard.hoiio.internal.CallStateStore;
import dev.switchboard.hoiio.internal.HoiioApi;
import dev.switchboard.hoiio.internal.HoiioClient;
import dev.switchboard.hoiio.internal.HoiioRules;
import dev.switchboard.provider.support.HttpTimeouts;
import dev.switchboard.provider.support.VendorProvider;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ConfigReader;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.webhook.WebhookSigner;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.HttpUrl;

/**
 * Hoiio's IVR blocks: a call is a chain of block requests, each sent after the previous block's
 * notification, which Switchboard's flow runner sends by itself. See {@code
 * docs/providers/hoiio.md}.
 */
public final class HoiioProvider extends VendorProvider {
  public static final String ID = "hoiio";
  public static final String APP_ID = "switchboard.hoiio.app-id";
  public static final String ACCESS_TOKEN = "switchboard.hoiio.access-token";
  public static final String BASE_URL = "switchboard.hoiio.base-url";
  public static final String DEFAULT_BASE_URL = "https://secure.hoiio.com/open/";

  private static final ConfigKey BASE = ConfigKey.baseUrl(BASE_URL, DEFAULT_BASE_URL);

  /** A notify URL may hold 4000 characters; the signed path and query take under 150. */
  static final int MAX_WEBHOOK_BASE = 3800;

  private static final List<ConfigKey> CONFIG_KEYS =
      Stream.concat(
              Stream.of(
                  ConfigKey.required(APP_ID, "application id from the Hoiio developer portal"),
                  ConfigKey.required(ACCESS_TOKEN, "access token from the Hoiio developer portal"),
                  BASE,
                  ConfigKey.required(
                      SwitchboardConfig.WEBHOOK_BASE_URL,
                      "where Hoiio sends the notification of every block")),
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
          Capability.LOOP,
          Capability.SEQUENCE,
          Capability.GATHER_DTMF,
          Capability.BRANCHING,
          Capability.RECORD,
          Capability.RECORD_CALL,
          Capability.TRANSFER,
          Capability.TRANSFER_ON_FAILURE,
          Capability.CONFERENCE,
          Capability.REJECT,
          Capability.CALL_STATUS,
          Capability.HANGUP_CALL,
          Capability.HOLD,
          Capability.CALL_DURATION_LIMIT,
          Capability.CALLER_ID,
          Capability.TAGS);

  private final Supplier<Optional<CallStateStore>> stores;

  /**
   * The provider ServiceLoader creates: calls in flight are kept in the state store the client is
   * built with ({@code switchboard.state}).
   */
  public HoiioProvider() {
    this(Optional::empty);
  }

  /** A provider keeping call state in stores from {@code stores}, one per connection. */
  HoiioProvider(Supplier<Optional<CallStateStore>> stores) {
    super(ID, "Hoiio", CAPABILITIES, CONFIG_KEYS, HoiioRules::gaps, HoiioRules::violations);
    this.stores = stores;
  }

  /** The blocks the runner would send, one a line, with branches indented below their gather. */
  @Override
  public Optional<String> render(CallFlow flow) {
    return Optional.of(BlockChainRenderer.render(flow));
  }

  @Override
  public ProviderClient connect(SwitchboardConfig config) {
    ConfigReader read = new ConfigReader(ID, config);
    URI base = read.directoryUrl(BASE);
    HttpTimeouts timeouts = HttpTimeouts.from(read, ID);
    if (config.get(SwitchboardConfig.WEBHOOK_BASE_URL, "").length() > MAX_WEBHOOK_BASE) {
      read.problem(
          SwitchboardConfig.WEBHOOK_BASE_URL
              + " is too long for Hoiio's 4000-character notify_url");
    }
    read.check();
    HoiioApi api =
        new HoiioApi(
            HttpUrl.get(base), read.required(APP_ID), read.required(ACCESS_TOKEN), timeouts);
    return new HoiioClient(api, WebhookSigner.fromConfig(config), stores.get());
  }
}
