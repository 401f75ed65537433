package dev.switchboard.xoxzo;

import dev.switchboard.Capabilities;
import dev.switchboard.Capability;
import dev.switchboard.FlowVerdict;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.provider.support.HttpTimeouts;
import dev.switchboard.provider.support.VendorProvider;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ConfigReader;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.webhook.WebhookSigner;
import dev.switchboard.xoxzo.internal.XoxzoApi;
import dev.switchboard.xoxzo.internal.XoxzoClient;
import dev.switchboard.xoxzo.internal.XoxzoRules;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.HttpUrl;

/**
 * Xoxzo's Voice API: a call plays one message (an MP3 or text-to-speech), the simple conference
 * dials out to 2 or 3 numbers, and a rented number (DIN) answers its incoming calls with one
 * action. Anything more is refused up front, naming what Xoxzo lacks. See {@code
 * docs/providers/xoxzo.md}.
 */
public final class XoxzoProvider extends VendorProvider {
  public static final String ID = "xoxzo";
  public static final String SID = "switchboard.xoxzo.sid";
  public static final String AUTH_TOKEN = "switchboard.xoxzo.auth-token";
  public static final String BASE_URL = "switchboard.xoxzo.base-url";
  public static final String DEFAULT_BASE_URL = "https://api.xoxzo.com";

  private static final ConfigKey BASE = ConfigKey.baseUrl(BASE_URL, DEFAULT_BASE_URL);

  private static final List<ConfigKey> CONFIG_KEYS =
      Stream.concat(
              Stream.of(
                  ConfigKey.required(SID, "API SID from the Xoxzo dashboard"),
                  ConfigKey.required(AUTH_TOKEN, "auth token from the Xoxzo dashboard"),
                  BASE),
              HttpTimeouts.configKeys(ID).stream())
          .toList();

  private static final Capabilities CAPABILITIES =
      Capabilities.of(
          Capability.OUTBOUND_CALL,
          Capability.INBOUND_CALL,
          Capability.SAY,
          Capability.SAY_LANGUAGE,
          Capability.PLAY,
          Capability.CALLER_ID,
          Capability.TAGS,
          Capability.CALL_STATUS,
          Capability.CONFERENCE_DIAL_OUT,
          Capability.CONFERENCE_STATUS,
          Capability.NUMBER_MANAGEMENT);

  /**
   * What a DIN's action URL can answer an incoming call with, judged as every flow is (its
   * capabilities, then Xoxzo's narrower rules, then its limits): one action, which is a message or
   * a transfer to one number. It is a description only, never connected.
   */
  private static final VoiceProvider DIN_ACTIONS =
      new VendorProvider(
          ID,
          "Xoxzo DIN action",
          Capabilities.of(
              Capability.SAY, Capability.SAY_LANGUAGE, Capability.PLAY, Capability.TRANSFER),
          List.of(),
          XoxzoRules::actionGaps,
          XoxzoRules::actionViolations) {
        @Override
        public ProviderClient connect(SwitchboardConfig config) {
          throw new UnsupportedOperationException("DIN_ACTIONS describes actions only");
        }
      };

  /** The provider ServiceLoader creates. */
  public XoxzoProvider() {
    super(ID, "Xoxzo", CAPABILITIES, CONFIG_KEYS, XoxzoRules::gaps, XoxzoRules::violations);
  }

  /**
   * Incoming calls are answered with one DIN action, which can transfer although an outbound call
   * cannot; everything else is refused, naming what the action lacks.
   */
  @Override
  public FlowVerdict incomingVerdict(CallFlow flow) {
    return DIN_ACTIONS.verdict(flow);
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
    HttpTimeouts timeouts = HttpTimeouts.from(read, ID);
    read.check();
    XoxzoApi api =
        new XoxzoApi(HttpUrl.get(base), read.required(SID), read.required(AUTH_TOKEN), timeouts);
    return new XoxzoClient(api, WebhookSigner.fromConfig(config));
  }
}
