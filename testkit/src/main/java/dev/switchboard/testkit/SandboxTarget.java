package dev.switchboard.testkit;

import dev.switchboard.Call;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.VoiceProvider;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the conformance kit against a provider built on a {@link SandboxProvider}: calls run in
 * memory, and the sandbox's calls are the "vendor requests". The kit's own tests use it, for the
 * sandbox itself and for deliberately broken providers wrapped around it.
 */
public final class SandboxTarget implements ConformanceTarget {
  private final SandboxProvider sandbox;
  private final VoiceProvider provider;
  private final SwitchboardConfig config;

  /** The sandbox itself. */
  public SandboxTarget() {
    this(new SandboxProvider(), sandbox -> sandbox, Map.of());
  }

  /**
   * A provider made from a sandbox, e.g. a wrapper that changes what the sandbox is asked.
   *
   * @param sandbox the sandbox that runs the calls
   * @param provider builds the provider under test around the sandbox
   * @param extraConfig configuration the provider needs beyond the webhook keys
   */
  public SandboxTarget(
      SandboxProvider sandbox,
      Function<SandboxProvider, VoiceProvider> provider,
      Map<String, String> extraConfig) {
    this.sandbox = sandbox;
    this.provider = provider.apply(sandbox);
    this.config =
        SwitchboardConfig.of(
                Map.of(
                    SwitchboardConfig.WEBHOOK_BASE_URL, "http://127.0.0.1:9/hooks",
                    SwitchboardConfig.WEBHOOK_SECRET, "sandbox-webhook-secret"))
            .withOverrides(SwitchboardConfig.of(extraConfig));
  }

  @Override
  public VoiceProvider provider() {
    return provider;
  }

  @Override
  public SwitchboardConfig config() {
    return config;
  }

  @Override
  public ObservedCall call(VoiceClient client, CallFlow flow, Callee callee) {
    sandbox.scriptNextCall(callee);
    Call call = client.placeCall(requestFor(flow));
    return new ObservedCall(call.id(), sandbox.transcript(call.id()));
  }

  @Override
  public int vendorRequests() {
    return sandbox.callCount();
  }

  @Override
  public boolean registeredForDiscovery() {
    return false;
  }
}
