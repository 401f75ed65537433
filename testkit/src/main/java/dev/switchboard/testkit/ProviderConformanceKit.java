package dev.switchboard.testkit;

import dev.switchboard.event.CallEnded;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The conformance kit: proves that a provider does what the neutral model means. A provider module
 * extends it in one small class that returns a {@link ConformanceTarget}:
 *
 * <pre>{@code
 * class VoxtelesysConformanceTest extends ProviderConformanceKit {
 *   @Override
 *   protected ConformanceTarget createTarget() {
 *     return new VoxtelesysTarget();
 *   }
 * }
 * }</pre>
 *
 * <p>Every test's display name starts with its rule id ({@code [GATHER-03]}); the rules, whether
 * each is a MUST or a SHOULD, and what to check when one fails are in {@code docs/conformance.md}.
 * The central check is differential: a flow run through the real provider against its simulator
 * must give the transcript the {@link ReferenceInterpreter} gives. A rule that needs a capability
 * the provider does not declare is skipped, and {@code [CAP-01]} proves in the same run that such
 * flows are refused before any request.
 */
public abstract class ProviderConformanceKit {
  /** How many random flows {@code [DIFF-02]} runs. */
  protected static final int RANDOM_FLOWS = KitContext.RANDOM_FLOWS;

  private KitContext context;

  /** The provider under test, wired to its simulator; a fresh one for every test. */
  protected abstract ConformanceTarget createTarget();

  /** The seed {@code [DIFF-02]} starts from; override to replay a failure. */
  protected long randomSeed() {
    return 20261121L;
  }

  /**
   * How long the kit waits, after a call's transcript is complete, for the application to receive
   * its {@link CallEnded}. Override for a provider that learns of the end by polling slowly; a
   * provider that never sends it fails {@code [CALL-03]} after this long.
   */
  protected Duration callEndedWait() {
    return Duration.ofSeconds(5);
  }

  @BeforeEach
  void connect() {
    context = new KitContext(createTarget(), randomSeed(), callEndedWait());
  }

  @AfterEach
  void disconnect() throws Exception {
    context.close();
  }

  // One nested class per rule group; the rules are the default methods of the group's interface.

  @Nested
  @DisplayName("Discovery and metadata")
  class DiscoveryAndMetadata implements DiscoveryRules {
    @Override
    public KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Capability honesty")
  class CapabilityHonesty implements CapabilityRules {
    @Override
    public KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Say, play and pause")
  class Prompts implements PromptRules {
    @Override
    public KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Gather")
  class Gathering implements GatherRules {
    @Override
    public KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Branching")
  class Branching implements BranchingRules {
    @Override
    public KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Recording")
  class Recording implements RecordingRules {
    @Override
    public KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Transfer and conference")
  class Bridges implements BridgeRules {
    @Override
    public KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Ending calls")
  class Ending implements EndingRules {
    @Override
    public KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Differential testing")
  class Differential implements DifferentialRules {
    @Override
    public KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Webhooks and events")
  class Webhooks implements WebhookRules {
    @Override
    public KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Errors")
  class Errors implements ErrorRules {
    @Override
    public KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Secrets")
  class Secrets implements SecretRules {
    @Override
    public KitContext kit() {
      return context;
    }
  }
}
