package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CalleeJsonTest {
  @Test
  @DisplayName("Every field reads into the callee the builder would make")
  void fields() {
    assertThat(CalleeJson.read("{\"pickup\":\"busy\"}"))
        .isEqualTo(Callee.builder().pickup(Callee.Pickup.BUSY).build());
    assertThat(CalleeJson.read("{\"presses\":\"12#\",\"hangUpAfter\":3}"))
        .isEqualTo(Callee.builder().presses("12#").hangUpAfter(3).build());
    assertThat(
            CalleeJson.read(
                "{\"inputs\":[{\"presses\":\"1\"},{\"says\":\"yes\"},{\"silent\":true}]}"))
        .isEqualTo(Callee.builder().presses("1").says("yes").silent().build());
    assertThat(CalleeJson.read("{}")).isEqualTo(Callee.answering());
  }

  @Test
  @DisplayName("What is not a callee is refused, naming the field")
  void refused() {
    assertThatThrownBy(() -> CalleeJson.read("[]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> CalleeJson.read("{\"press\":\"1\"}")).hasMessageContaining("press");
    assertThatThrownBy(() -> CalleeJson.read("{\"pickup\":\"maybe\"}"))
        .hasMessageContaining("pickup");
    assertThatThrownBy(() -> CalleeJson.read("{\"hangUpAfter\":0}"))
        .hasMessageContaining("hangUpAfter");
    assertThatThrownBy(() -> CalleeJson.read("{\"inputs\":[{}]}")).hasMessageContaining("inputs");
    assertThatThrownBy(() -> CalleeJson.read("{")).isInstanceOf(IllegalArgumentException.class);
  }
}
