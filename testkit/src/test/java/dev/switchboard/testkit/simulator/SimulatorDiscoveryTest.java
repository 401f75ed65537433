package dev.switchboard.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testkit.SandboxProvider;
import dev.switchboard.testkit.SimulatorTarget;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Simulators found by provider id")
class SimulatorDiscoveryTest {
  @Test
  @DisplayName("Every vendor's simulator, and the made-up fourth vendor's, is found by its id")
  void foundById() {
    for (String id : List.of("hoiio", "voxtelesys", "xoxzo", "toy")) {
      SimulatorFactory factory = Simulators.forProvider(id).orElseThrow();
      assertThat(factory.providerId()).isEqualTo(id);
      assertThat(factory.config(URI.create("http://127.0.0.1:1")))
          .as(id)
          .containsKey("switchboard." + id + ".base-url");
    }
  }

  @Test
  @DisplayName("A provider with no registered simulator gets an error saying how to register one")
  void noSimulator() {
    assertThat(Simulators.forProvider("sandbox")).isEmpty();
    assertThatThrownBy(() -> SimulatorTarget.builder(new SandboxProvider()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sandbox")
        .hasMessageContaining(SimulatorFactory.class.getName());
  }
}
