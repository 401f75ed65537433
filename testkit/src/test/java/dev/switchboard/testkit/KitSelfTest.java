package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.switchboard.testkit.broken.DropsPauseProvider;
import dev.switchboard.testkit.broken.LeakyProvider;
import dev.switchboard.testkit.broken.OverclaimingProvider;
import dev.switchboard.testkit.toy.ToyConformanceTest;
import dev.switchboard.testkit.toy.ToyProvider;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The kit tests itself: run against the sandbox every rule passes; run against a deliberately
 * broken provider exactly the rules that catch the breakage fail.
 */
class KitSelfTest {
  private static final Pattern RULE = Pattern.compile("^\\[([A-Z]+-\\d+)\\]");

  // Nested static classes: Surefire does not run them on their own, only through this test.

  static class DropsPause extends ProviderConformanceKit {
    @Override
    protected ConformanceTarget createTarget() {
      return new SandboxTarget(new SandboxProvider(), DropsPauseProvider::new, Map.of());
    }
  }

  static class Overclaiming extends ProviderConformanceKit {
    @Override
    protected ConformanceTarget createTarget() {
      return new SandboxTarget(new SandboxProvider(), OverclaimingProvider::new, Map.of());
    }
  }

  static class Leaky extends ProviderConformanceKit {
    @Override
    protected ConformanceTarget createTarget() {
      return new SandboxTarget(
          new SandboxProvider(), LeakyProvider::new, Map.of(LeakyProvider.API_KEY, "not-a-canary"));
    }
  }

  static class RawIdentity extends ProviderConformanceKit {
    @Override
    protected ConformanceTarget createTarget() {
      return ToyConformanceTest.target(new ToyProvider(ToyProvider.DeliveryIdentity.RAW_REQUEST));
    }
  }

  private static Set<String> failedRules(Class<?> kit) {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(kit)).execute();
    Set<String> failed = new TreeSet<>();
    for (Event event : results.testEvents().failed().list()) {
      Matcher m = RULE.matcher(event.getTestDescriptor().getDisplayName());
      failed.add(m.find() ? m.group(1) : event.getTestDescriptor().getDisplayName());
    }
    assertThat(results.testEvents().succeeded().count())
        .as("most rules still pass for a provider with one defect")
        .isGreaterThan(20);
    return failed;
  }

  @Test
  @DisplayName(
      "A provider that drops a verb fails the rules for that verb and the differential check")
  void dropsVerb() {
    assertThat(failedRules(DropsPause.class)).containsExactly("DIFF-02", "PAUSE-01");
  }

  @Test
  @DisplayName(
      "A provider that declares a capability it does not honour fails that capability's rule")
  void overclaims() {
    assertThat(failedRules(Overclaiming.class)).containsExactly("DIFF-02", "TRANSFER-02");
  }

  @Test
  @DisplayName(
      "A provider that shows a secret in toString() fails the secrets rule and nothing else")
  void leaks() {
    assertThat(failedRules(Leaky.class)).containsExactly("SEC-01");
  }

  @Test
  @DisplayName(
      "A provider that tells deliveries apart by their raw bytes fails the disguised-replay rule")
  void rawIdentity() {
    assertThat(failedRules(RawIdentity.class)).containsExactly("HOOK-03");
  }
}
