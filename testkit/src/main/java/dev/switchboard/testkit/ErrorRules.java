package dev.switchboard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.InvalidInputException;
import dev.switchboard.flow.CallFlow;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's rules for errors; see {@link ProviderConformanceKit} and {@code docs/conformance.md}.
 */
interface ErrorRules {
  /** The kit's state and helpers for the rule running. */
  KitContext kit();

  @Test
  @DisplayName(
      "[ERR-01] Flows outside the vendor's limits are refused with the field named, before any request")
  default void vendorLimits() {
    List<CallFlow> flows = kit().target().flowsOutsideVendorLimits();
    assumeTrue(!flows.isEmpty(), "the kit().target() lists no flow outside its vendor's limits");
    int before = kit().target().vendorRequests();
    for (CallFlow flow : flows) {
      InvalidInputException e =
          assertThrows(
              InvalidInputException.class,
              () -> kit().client().placeCall(kit().target().requestFor(flow)));
      assertFalse(e.violations().isEmpty());
      assertFalse(e.field().isBlank());
    }
    assertEquals(before, kit().target().vendorRequests());
  }
}
