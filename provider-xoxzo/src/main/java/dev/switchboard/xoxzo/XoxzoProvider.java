package dev.switchboard.xoxzo;

import dev.switchboard.Capabilities;
import dev.switchboard.Capability;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.provider.support.VendorProvider;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ConfigReader;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.webhook.WebhookSigner;
import dev.switchboard.xoxzo.internal.XoxzoApi;
import dev.switchboard.xoxzo.internal.XoxzoClient;
import dev.switchboard.xoxzo.internal.XoxzoRules;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Xoxzo's Voice API: a call plays one message (an MP3 or text-to-speech), and the simple conference
 * dials out to 2 or 3 numbers. Anything more is refused up front, naming what Xoxzo lacks. See
 * {@code docs/providers/xoxzo.md}.
 */
public final class XoxzoProvider extends VendorProvider {
  public static final String ID = "xoxzo";
  public static final String SID = "switchboard.xoxzo.sid";
  public static final String AUTH_TOKEN = "switchboard.xoxzo.auth-token";
  public static final String BASE_URL = "switchboard.xoxzo.base-url";
  public static final String TIMEOUT_MS = "switchboard.xoxzo.timeout-ms";
  public static final String DEFAULT_BASE_URL = "https://api.xoxzo.com";

  private static final ConfigKey BASE = ConfigKey.baseUrl(BASE_URL, DEFAULT_BASE_URL);
  private static final ConfigKey TIMEOUT =
      ConfigKey.millis(TIMEOUT_MS, "milliseconds a request may take", 10_000);

  private static final Capabilities CAPABILITIES =
      Capabilities.of(
          Capability.OUTBOUND_CALL,
          Capability.SAY,
          Capability.SAY_LANGUAGE,
          Capability.PLAY,
          Capability.CALLER_ID,
          Capability.TAGS,
          Capability.CALL_STATUS,
          Capability.CONFERENCE_DIAL_OUT);

  /** The provider ServiceLoader creates. */
  public XoxzoProvider() {
    super(
        ID,
        "Xoxzo",
        CAPABILITIES,
        List.of(
            ConfigKey.required(SID, "API SID from the Xoxzo dashboard"),
            ConfigKey.required(AUTH_TOKEN, "auth token from the Xoxzo dashboard"),
            BASE,
            TIMEOUT),
        XoxzoRules::gaps,
        XoxzoRules::violations);
  }

  /** The playback request this provider would send, field by field. */
  @Override
  public Optional<String> render(CallFlow flow) {
    return Optional.of(XoxzoClient.render(flow));
  }

  @Override
  public ProviderClient connect(SwitchboardConfig config) {
    ConfigReader read = new ConfigReader(ID, config);
    URI base = read.directoryUrl(BASE);
    Duration timeout = read.millis(TIMEOUT);
    read.check();
    XoxzoApi api =
        new XoxzoApi(HttpUrl.get(base), read.required(SID), read.required(AUTH_TOKEN), timeout);
    return new XoxzoClient(api, WebhookSigner.fromConfig(config));
  }
}
