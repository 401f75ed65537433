package dev.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.InvalidInputException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Gather's input set")
class GatherInputValidationTest {

  @Test
  @DisplayName("A null among the inputs is reported as invalid input on gather.input, not a NPE")
  void nullInputIsInvalidInput() {
    Set<GatherInput> input = new HashSet<>(Arrays.asList(GatherInput.DTMF, null));

    Throwable thrown =
        catchThrowable(() -> new Gather(List.of(), 1, 5, "#", 1, input, "en-US", 3, List.of()));

    assertThat(thrown).isExactlyInstanceOf(InvalidInputException.class);
    InvalidInputException e = (InvalidInputException) thrown;
    assertThat(e.field()).isEqualTo("gather.input");
    assertThat(e.rule()).isEqualTo("must not contain null");
  }

  @Test
  @DisplayName("The input set is copied, so later changes to the caller's set do not leak in")
  void inputIsCopied() {
    Set<GatherInput> input = new HashSet<>(Set.of(GatherInput.DTMF));
    Gather gather = new Gather(List.of(), 1, 5, "#", 1, input, "en-US", 3, List.of());

    input.add(GatherInput.SPEECH);

    assertThat(gather.input()).containsExactly(GatherInput.DTMF);
  }
}
