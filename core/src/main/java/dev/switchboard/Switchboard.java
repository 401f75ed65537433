package dev.switchboard;

import dev.switchboard.event.CallEvent;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.internal.Checks;
import dev.switchboard.internal.OperationExecutor;
import dev.switchboard.internal.ProviderDiscovery;
import dev.switchboard.internal.StateDiscovery;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.state.CallbackBindings;
import dev.switchboard.state.InMemoryCallbackBindings;
import dev.switchboard.state.InMemoryStateStore;
import dev.switchboard.state.StateStore;
import dev.switchboard.state.StoredCallbackBindings;
import dev.switchboard.webhook.WebhookSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an application starts: finds the provider, checks the configuration, and returns a {@link
 * VoiceClient}.
 *
 * <pre>{@code
 * try (VoiceClient voice = Switchboard.connect()) {   // switchboard.provider etc. from the environment
 *   voice.placeCall("+15556668888", "+15556667777", CallFlow.builder().say("Hello!").build());
 * }
 * }</pre>
 *
 * <p>Provider choice: the one named by {@code switchboard.provider}; with no name and exactly one
 * provider on the class path, that one; otherwise an error listing what was found and how to
 * choose. {@code switchboard.provider} may list several, comma-separated, in the order calls try
 * them ({@code voxtelesys,hoiio}); the client then routes each call (see {@link VoiceClient}).
 */
public final class Switchboard {
  /** How many webhook deliveries are remembered to recognise repeats. */
  public static final int DEFAULT_DEDUPLICATION_CAPACITY = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(Switchboard.class);

  private Switchboard() {}

  /** Connects with the process configuration (environment variables and system properties). */
  public static VoiceClient connect() {
    return builder().build();
  }

  /** Connects with {@code config}. */
  public static VoiceClient connect(SwitchboardConfig config) {
    return builder().config(config).build();
  }

  /** Connects to the provider {@code providerId} with {@code config}. */
  public static VoiceClient connect(String providerId, SwitchboardConfig config) {
    return builder().config(config).provider(providerId).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The providers found on the class path of this class's loader. */
  public static List<VoiceProvider> providers() {
    return providers(Switchboard.class.getClassLoader());
  }

  /** The providers found by {@code loader}; those that fail to load are logged and left out. */
  public static List<VoiceProvider> providers(ClassLoader loader) {
    return ProviderDiscovery.discover(loader).providers();
  }

  /** Configures and builds a {@link VoiceClient}. */
  public static final class Builder {
    private SwitchboardConfig config;
    private String providerId;
    private final List<VoiceProvider> instances = new ArrayList<>();
    private ClassLoader classLoader = Switchboard.class.getClassLoader();
    private final List<Consumer<CallEvent>> listeners = new ArrayList<>();
    private Function<IncomingCall, Optional<CallFlow>> incomingCalls = call -> Optional.empty();
    private int deduplicationCapacity = DEFAULT_DEDUPLICATION_CAPACITY;
    private Duration grace = InMemoryCallbackBindings.DEFAULT_GRACE;
    private CallbackBindings callbackBindings;
    private StateStore state;
    private VoiceObserver observer = VoiceObserver.NONE;
    private Executor executor;

    private Builder() {}

    /** The configuration; by default {@link SwitchboardConfig#load()}. */
    public Builder config(SwitchboardConfig config) {
      this.config = config;
      return this;
    }

    /**
     * Chooses the provider by id, overriding {@code switchboard.provider}; or several, comma-
     * separated, in the order calls try them.
     */
    public Builder provider(String id) {
      this.providerId = id;
      return this;
    }

    /** Uses this provider instance, without discovery (e.g. the testkit's sandbox). */
    public Builder provider(VoiceProvider provider) {
      instances.clear();
      instances.add(Objects.requireNonNull(provider, "provider"));
      return this;
    }

    /** Uses these provider instances, without discovery, in the order calls try them. */
    public Builder providers(VoiceProvider first, VoiceProvider... more) {
      instances.clear();
      instances.add(Objects.requireNonNull(first, "provider"));
      for (VoiceProvider provider : more) {
        instances.add(Objects.requireNonNull(provider, "provider"));
      }
      return this;
    }

    /** The class loader to discover providers with. */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = classLoader;
      return this;
    }

    /** Receives every event from the vendor's webhooks, once each. */
    public Builder onEvent(Consumer<CallEvent> listener) {
      listeners.add(listener);
      return this;
    }

    /** Answers incoming calls with the flow {@code answer} returns. */
    public Builder onIncomingCall(Function<IncomingCall, CallFlow> answer) {
      this.incomingCalls = call -> Optional.of(answer.apply(call));
      return this;
    }

    /** How many webhook deliveries to remember when recognising repeats. */
    public Builder deduplicationCapacity(int capacity) {
      this.deduplicationCapacity = capacity;
      return this;
    }

    /**
     * How long after a call ends its own re-sent callbacks are still admitted, and how long a
     * handled delivery is recognised as a repeat; by default {@link
     * InMemoryCallbackBindings#DEFAULT_GRACE}. What Switchboard keeps of a call is gone this long
     * after the call ends, so memory follows the rate of new calls times their length plus this.
     * Keep it longer than any vendor goes on re-sending. Bindings given to {@link
     * #callbackBindings} keep their own grace period.
     *
     * @throws IllegalArgumentException when {@code grace} is not positive
     */
    public Builder grace(Duration grace) {
      Objects.requireNonNull(grace, "grace");
      if (grace.isNegative() || grace.isZero()) {
        throw new IllegalArgumentException("grace must be positive, was " + grace);
      }
      this.grace = grace;
      return this;
    }

    /**
     * Where to remember which call or conference each signed callback URL speaks for; by default
     * {@link InMemoryCallbackBindings} in this JVM. A store shared by several instances makes a URL
     * work, and stay bound, on all of them.
     */
    public Builder callbackBindings(CallbackBindings bindings) {
      this.callbackBindings = bindings;
      return this;
    }

    /**
     * Where to keep what must be remembered between webhooks (calls in flight, callback bindings,
     * handled deliveries); by default the store {@code switchboard.state} names, {@code memory}
     * unless set. The client does not close a store given here.
     */
    public Builder state(StateStore state) {
      this.state = state;
      return this;
    }

    /** Watches calls placed, webhooks handled, vendor requests and events, for metrics. */
    public Builder observer(VoiceObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /**
     * Where the asynchronous operations ({@link VoiceClient#placeCallAsync} and the others) run; by
     * default a pool of the client's own, of {@value OperationExecutor#DEFAULT_THREADS} daemon
     * threads, that {@link VoiceClient#close} shuts down. An executor given here is the
     * application's to shut down.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Picks the provider, checks the configuration and connects.
     *
     * @throws ProviderNotFoundException when no provider can be chosen
     * @throws AmbiguousProviderException when the choice is ambiguous
     * @throws ConfigurationException listing every missing or invalid key
     */
    public VoiceClient build() {
      SwitchboardConfig cfg = config == null ? SwitchboardConfig.load() : config;
      List<VoiceProvider> chosen = instances.isEmpty() ? discover(cfg) : List.copyOf(instances);
      List<String> problems = new ArrayList<>();
      for (VoiceProvider provider : chosen) {
        problems.addAll(configProblems(provider, cfg));
      }
      if (!problems.isEmpty()) {
        throw configurationException(chosen, problems);
      }
      Optional<WebhookSigner> signer = WebhookSigner.fromConfig(cfg);
      boolean ownsState = state == null;
      StateStore store = ownsState ? StateDiscovery.open(cfg, classLoader) : state;
      CallbackBindings bindings = callbackBindings;
      if (bindings == null) {
        // One JVM's bindings wake a waiting claim at once; a shared store's are read again.
        bindings =
            store instanceof InMemoryStateStore
                ? new InMemoryCallbackBindings(
                    Clock.systemUTC(),
                    grace,
                    InMemoryCallbackBindings.DEFAULT_LIFETIME,
                    InMemoryCallbackBindings.DEFAULT_HOLD)
                : new StoredCallbackBindings(
                    store,
                    Clock.systemUTC(),
                    grace,
                    InMemoryCallbackBindings.DEFAULT_LIFETIME,
                    InMemoryCallbackBindings.DEFAULT_HOLD);
      }
      List<Route> routes = new ArrayList<>();
      try {
        Map<String, String> unavailable = connect(chosen, cfg, routes);
        return new VoiceClient(
            routes,
            unavailable,
            signer,
            listeners,
            incomingCalls,
            deduplicationCapacity,
            grace,
            bindings,
            store,
            ownsState,
            observer,
            executor == null
                ? OperationExecutor.owned(String.join("-", ids(chosen)))
                : OperationExecutor.on(executor));
      } catch (RuntimeException e) {
        routes.forEach(route -> route.client().close());
        if (ownsState) {
          store.close();
        }
        throw e;
      }
    }

    /** The providers the configuration names, or the only one on the class path. */
    private List<VoiceProvider> discover(SwitchboardConfig cfg) {
      List<String> names =
          providerId != null ? SwitchboardConfig.providerList(providerId) : cfg.providers();
      ProviderDiscovery.Found found = ProviderDiscovery.discover(classLoader);
      if (names.isEmpty()) {
        return List.of(ProviderDiscovery.select(Optional.empty(), found));
      }
      if (new HashSet<>(names).size() < names.size()) {
        throw new ConfigurationException(
            null,
            List.of(
                SwitchboardConfig.PROVIDER
                    + " names a provider twice: "
                    + String.join(",", names)));
      }
      return names.stream()
          .map(name -> ProviderDiscovery.select(Optional.of(name), found))
          .toList();
    }

    /**
     * Connects each provider into {@code routes}. With one, its failure is thrown; with several, a
     * provider that fails to connect is logged and left out, and returned with its reason, so the
     * others still work. Configuration problems are always thrown, all at once.
     */
    private static Map<String, String> connect(
        List<VoiceProvider> chosen, SwitchboardConfig cfg, List<Route> routes) {
      Map<String, String> unavailable = new LinkedHashMap<>();
      List<String> problems = new ArrayList<>();
      RuntimeException firstFailure = null;
      for (VoiceProvider provider : chosen) {
        try {
          routes.add(new Route(provider, provider.connect(cfg)));
        } catch (ConfigurationException e) {
          problems.addAll(e.problems());
        } catch (RuntimeException e) {
          if (chosen.size() == 1) {
            throw e;
          }
          LOG.error(
              "Provider {} failed to connect and is left out: {}", provider.id(), e.toString());
          unavailable.put(provider.id(), e.toString());
          firstFailure = firstFailure == null ? e : firstFailure;
        }
      }
      if (!problems.isEmpty()) {
        throw configurationException(chosen, problems);
      }
      if (routes.isEmpty()) {
        throw new ProviderUnavailableException(
            "no configured provider could connect: " + unavailable, null, null, firstFailure);
      }
      return unavailable;
    }

    private static List<String> ids(List<VoiceProvider> providers) {
      return providers.stream().map(VoiceProvider::id).toList();
    }

    /** One exception for every problem of every provider, each said once. */
    private static ConfigurationException configurationException(
        List<VoiceProvider> providers, List<String> problems) {
      return new ConfigurationException(
          String.join(",", ids(providers)), List.copyOf(new LinkedHashSet<>(problems)));
    }

    private static List<String> configProblems(VoiceProvider provider, SwitchboardConfig config) {
      List<String> problems = new ArrayList<>();
      for (ConfigKey key : provider.configKeys()) {
        Optional<String> value = config.get(key.name());
        if (value.isEmpty() && key.required()) {
          problems.add("missing " + named(key.name()) + ": " + key.description());
        }
        if (value.isPresent() && key.url() && !Checks.isHttpUrl(value.get())) {
          problems.add(named(key.name()) + " must be an absolute http or https URL");
        }
      }
      Optional<String> base = config.get(SwitchboardConfig.WEBHOOK_BASE_URL);
      Optional<String> secret = config.get(SwitchboardConfig.WEBHOOK_SECRET);
      if (base.isPresent() && !Checks.isHttpUrl(base.get())) {
        problems.add(
            named(SwitchboardConfig.WEBHOOK_BASE_URL) + " must be an absolute http or https URL");
      } else if (base.isPresent() && (base.get().contains("?") || base.get().contains("#"))) {
        problems.add(
            named(SwitchboardConfig.WEBHOOK_BASE_URL)
                + " must have no query and no fragment: signed URLs add their own query");
      }
      if (base.isPresent() && secret.isEmpty()) {
        problems.add(
            "missing "
                + named(SwitchboardConfig.WEBHOOK_SECRET)
                + ": signs callback URLs, required with "
                + SwitchboardConfig.WEBHOOK_BASE_URL);
      }
      if (secret.isPresent() && secret.get().length() < WebhookSigner.MIN_SECRET_LENGTH) {
        problems.add(
            named(SwitchboardConfig.WEBHOOK_SECRET)
                + " must be at least "
                + WebhookSigner.MIN_SECRET_LENGTH
                + " characters");
      }
      return problems;
    }

    /**
     * A key as problems name it, with the environment variable that can also carry it, since users
     * of containers set the latter. Never the value: it may be a secret.
     */
    private static String named(String key) {
      return key + " (environment variable " + SwitchboardConfig.environmentName(key) + ")";
    }
  }
}
