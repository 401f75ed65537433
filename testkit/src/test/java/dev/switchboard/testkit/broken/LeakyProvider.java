package dev.switchboard.testkit.broken;

import dev.switchboard.SwitchboardConfig;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.testkit.SandboxProvider;
import java.util.List;

/** Broken on purpose: shows its API key in {@code toString()}. */
public final class LeakyProvider extends SandboxWrapper {
  public static final String API_KEY = "switchboard.leaky.api-key";
  private volatile String apiKey = "";

  /** Wraps a default sandbox, as {@code ServiceLoader} would construct it. */
  public LeakyProvider() {
    this(new SandboxProvider());
  }

  public LeakyProvider(SandboxProvider sandbox) {
    super(sandbox);
  }

  @Override
  public String id() {
    return "leaky";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(ConfigKey.required(API_KEY, "API key"));
  }

  @Override
  public ProviderClient connect(SwitchboardConfig config) {
    apiKey = config.get(API_KEY).orElse("");
    return super.connect(config);
  }

  @Override
  CallFlow distort(CallFlow flow) {
    return flow;
  }

  @Override
  public String toString() {
    return "LeakyProvider[apiKey=" + apiKey + "]";
  }
}
