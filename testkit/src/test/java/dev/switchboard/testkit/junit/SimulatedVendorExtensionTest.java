package dev.switchboard.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.switchboard.testkit.EventLog;
import dev.switchboard.testkit.simulator.VendorSimulator;
import dev.switchboard.testkit.toy.ToyProvider;
import dev.switchboard.testkit.toy.ToySimulator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** What {@link SimulatedVendor} gives a test, run on sample test classes with the engine. */
class SimulatedVendorExtensionTest {
  /** The simulators the sample tests were given, to look at once they ran. */
  static final List<VendorSimulator> SEEN = new CopyOnWriteArrayList<>();

  @SimulatedVendor("toy")
  static class EachMethod {
    @Test
    void first(SimulatedVoice voice, ToySimulator simulator, EventLog events) {
      assertThat(voice.simulator()).isSameAs(simulator);
      assertThat(voice.events()).isSameAs(events);
      assertThat(voice.connect(builder -> builder.provider(new ToyProvider())).providerId())
          .isEqualTo("toy");
      assertThat(voice.config().get("switchboard.webhook.base-url"))
          .contains(voice.webhookBaseUrl().toString());
      SEEN.add(simulator);
    }

    @Test
    void second(VendorSimulator simulator) {
      SEEN.add(simulator);
    }
  }

  @SimulatedVendor(value = "toy", perClass = true)
  static class PerClass {
    @Test
    void first(VendorSimulator simulator) {
      SEEN.add(simulator);
    }

    @Test
    void second(VendorSimulator simulator) {
      SEEN.add(simulator);
    }
  }

  @SimulatedVendor("no-such-vendor")
  static class Unknown {
    @Test
    void first(VendorSimulator simulator) {}
  }

  private static Events run(Class<?> sample) {
    SEEN.clear();
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(sample))
        .execute()
        .testEvents();
  }

  /** A closed simulator no longer serves, so it has no base URL. */
  private static void assertClosed(VendorSimulator simulator) {
    assertThatThrownBy(simulator::baseUrl).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("Each test method gets its own simulator, closed after it")
  void eachMethod() {
    run(EachMethod.class).assertStatistics(stats -> stats.succeeded(2).failed(0));
    assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
    assertThat(SEEN).allSatisfy(SimulatedVendorExtensionTest::assertClosed);
  }

  @Test
  @DisplayName("perClass shares one simulator between the class's methods")
  void perClass() {
    run(PerClass.class).assertStatistics(stats -> stats.succeeded(2).failed(0));
    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
    assertClosed(SEEN.get(0));
  }

  @Test
  @DisplayName("A vendor with no simulator fails the test, naming it")
  void unknown() {
    run(Unknown.class).assertStatistics(stats -> stats.failed(1)).failed().stream()
        .forEach(
            event ->
                assertThat(
                        event
                            .getRequiredPayload(TestExecutionResult.class)
                            .getThrowable()
                            .orElseThrow())
                    .hasMessageContaining("no-such-vendor"));
  }
}
