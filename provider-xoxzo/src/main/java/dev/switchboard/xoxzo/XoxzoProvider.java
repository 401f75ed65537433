package dev.switchboard.xoxzo;

import dev.switchboard.Capabilities;
import dev.switchboard.Capability;
import dev.switchboard.CapabilityGap;
import dev.switchboard.ConfigurationException;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.spi.WebhookSigner;
import dev.switchboard.xoxzo.internal.XoxzoApi;
import dev.switchboard.xoxzo.internal.XoxzoClient;
import dev.switchboard.xoxzo.internal.XoxzoRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Xoxzo's Voice API: a call plays one message (an MP3 or text-to-speech), and the simple conference
 * dials out to 2 or 3 numbers. Anything more is refused up front, naming what Xoxzo lacks. See
 * {@code docs/providers/xoxzo.md}.
 */
public final class XoxzoProvider implements VoiceProvider {
  public static final String ID = "xoxzo";
  public static final String SID = "switchboard.xoxzo.sid";
  public static final String AUTH_TOKEN = "switchboard.xoxzo.auth-token";
  public static final String BASE_URL = "switchboard.xoxzo.base-url";
  public static final String TIMEOUT_MS = "switchboard.xoxzo.timeout-ms";
  public static final String DEFAULT_BASE_URL = "https://api.xoxzo.com";

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

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Xoxzo";
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(
        ConfigKey.required(SID, "API SID from the Xoxzo dashboard"),
        ConfigKey.required(AUTH_TOKEN, "auth token from the Xoxzo dashboard"),
        ConfigKey.baseUrl(BASE_URL, DEFAULT_BASE_URL),
        new ConfigKey(
            TIMEOUT_MS, "milliseconds a request may take", false, false, Optional.of("10000")));
  }

  @Override
  public List<CapabilityGap> gapsFor(CallFlow flow) {
    List<CapabilityGap> gaps = new ArrayList<>(capabilities().missingFor(flow));
    if (gaps.isEmpty()) {
      gaps.addAll(XoxzoRules.gaps(flow));
    }
    return gaps;
  }

  @Override
  public void validate(CallFlow flow) {
    XoxzoRules.validate(flow);
  }

  /** The playback request this provider would send, field by field. */
  @Override
  public Optional<String> render(CallFlow flow) {
    return Optional.of(XoxzoClient.render(flow));
  }

  @Override
  public ProviderClient connect(SwitchboardConfig config) {
    List<String> problems = new ArrayList<>();
    String baseText = config.get(BASE_URL, DEFAULT_BASE_URL);
    HttpUrl base = HttpUrl.parse(baseText.endsWith("/") ? baseText : baseText + "/");
    if (base == null) {
      problems.add(BASE_URL + " must be an absolute http or https URL");
    }
    long timeout = 10_000;
    String timeoutText = config.get(TIMEOUT_MS, "10000");
    try {
      timeout = Long.parseLong(timeoutText);
      if (timeout <= 0) {
        problems.add(TIMEOUT_MS + " must be positive, was " + timeoutText);
      }
    } catch (NumberFormatException e) {
      problems.add(
          TIMEOUT_MS + " must be a whole number of milliseconds, was '" + timeoutText + "'");
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(ID, problems);
    }
    XoxzoApi api =
        new XoxzoApi(
            base,
            config.get(SID).orElseThrow(),
            config.get(AUTH_TOKEN).orElseThrow(),
            Duration.ofMillis(timeout));
    return new XoxzoClient(api, WebhookSigner.fromConfig(config));
  }

  @Override
  public String toString() {
    return "XoxzoProvider";
  }
}
