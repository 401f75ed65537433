package dev.switchboard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.switchboard.CapabilityGap;
import dev.switchboard.UnsupportedCapabilityException;
import dev.switchboard.flow.CallFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The kit's rules for differential testing; see {@link ProviderConformanceKit} and {@code
 * docs/conformance.md}.
 */
interface DifferentialRules {
  /** The kit's state and helpers for the rule running. */
  KitContext kit();

  @TestFactory
  @DisplayName("[DIFF-01] The vendor documents' example flows behave as the reference says")
  default Stream<DynamicTest> seedFlows() {
    List<Callee> callees =
        List.of(
            Callee.answering(),
            Callee.builder().presses("1").build(),
            Callee.builder().presses("2").build(),
            Callee.builder().presses("2").presses("2233").presses("1111").build(),
            Callee.builder().presses("2").presses("3344").presses("9999").build(),
            Callee.builder().presses("3").build(),
            Callee.builder().presses("2").target("+15556668888", Callee.Target.BUSY).build());
    return SeedFlows.all().entrySet().stream()
        .map(
            seed ->
                DynamicTest.dynamicTest(
                    "[DIFF-01] " + seed.getKey(),
                    () -> {
                      List<CapabilityGap> gaps =
                          kit().target().provider().verdict(seed.getValue()).gaps();
                      if (!gaps.isEmpty()) {
                        int before = kit().target().vendorRequests();
                        assertThrows(
                            UnsupportedCapabilityException.class,
                            () ->
                                kit()
                                    .client()
                                    .placeCall(kit().target().requestFor(seed.getValue())));
                        assertEquals(before, kit().target().vendorRequests());
                        return;
                      }
                      for (Callee callee : callees) {
                        kit().assertSameAsReference(seed.getValue(), callee, seed.getKey());
                      }
                    }));
  }

  @Test
  @DisplayName("[DIFF-02] Random flows and callees behave as the reference says")
  default void randomFlows() {
    List<String> failures = new ArrayList<>();
    RandomFlows random = new RandomFlows(kit().randomSeed(), kit().target().provider());
    for (int i = 0; i < KitContext.RANDOM_FLOWS && failures.size() < 3; i++) {
      CallFlow flow = random.nextFlow();
      Callee callee = random.nextCallee(flow);
      try {
        kit().assertSameAsReference(flow, callee, "seed " + kit().randomSeed() + ", case " + i);
      } catch (AssertionError | RuntimeException e) {
        failures.add(e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      fail(
          failures.size()
              + " random case(s) failed; replay by overriding kit().randomSeed() to return "
              + kit().randomSeed()
              + "\n\n"
              + String.join("\n\n", failures));
    }
  }
}
