package dev.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.FlowFileException;
import dev.switchboard.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What no vendor would accept and no person would hear is refused where it is made. */
class FlowLimitsTest {
  @Test
  @DisplayName(
      "Branches nested past the depth limit are refused when the flow is made, not with a stack"
          + " overflow later")
  void depth() {
    Verb inner = Say.of("Deep.");
    for (int i = 0; i < 2000; i++) {
      inner = Gather.builder().branch("1", inner).build();
    }
    Verb deepest = inner;
    assertThatThrownBy(() -> CallFlow.of(deepest))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("verbs");
              assertThat(e.getMessage()).contains(String.valueOf(FlowLimits.MAX_DEPTH));
            });
    Verb allowed = Say.of("Deep enough.");
    for (int i = 0; i < FlowLimits.MAX_DEPTH; i++) {
      allowed = Gather.builder().branch("1", allowed).build();
    }
    assertThat(CallFlow.of(allowed).verbs()).hasSize(1);
  }

  @Test
  @DisplayName("A flow of more verbs than the limit is refused")
  void verbs() {
    List<Verb> many = new ArrayList<>();
    for (int i = 0; i <= FlowLimits.MAX_VERBS; i++) {
      many.add(Say.of("x"));
    }
    assertThatThrownBy(() -> new CallFlow(many))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("verbs"));
    assertThat(new CallFlow(many.subList(0, FlowLimits.MAX_VERBS)).verbs())
        .hasSize(FlowLimits.MAX_VERBS);
  }

  @Test
  @DisplayName("A say longer than anyone would listen to is refused, naming the field")
  void textLength() {
    assertThatThrownBy(() -> Say.of("x".repeat(FlowLimits.MAX_TEXT + 1)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("say.text"));
    assertThat(Say.of("x".repeat(FlowLimits.MAX_TEXT)).text()).hasSize(FlowLimits.MAX_TEXT);
  }

  @Test
  @DisplayName("A flow file over the size limit is refused without being read")
  void fileSize(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.json");
    Files.write(big, new byte[FlowLimits.MAX_FILE_BYTES + 1]);
    assertThatThrownBy(() -> FlowJson.read(big))
        .isInstanceOfSatisfying(
            FlowFileException.class,
            e -> assertThat(e.rule()).contains(String.valueOf(FlowLimits.MAX_FILE_BYTES)));
  }
}
