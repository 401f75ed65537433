package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.FlowJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The flow files in {@code examples/} are the vendor documents' examples the kit runs. */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  @DisplayName(
      "Every example file reads to the seed flow of the same name, and every seed flow has a file")
  void examplesAreTheSeedFlows() throws IOException {
    Map<String, CallFlow> seeds = SeedFlows.all();
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> list = Files.list(EXAMPLES)) {
      for (Path file : list.filter(f -> f.toString().endsWith(".json")).toList()) {
        String name = file.getFileName().toString().replace(".json", "");
        files.add(name);
        assertThat(FlowJson.read(file)).as(name).isEqualTo(seeds.get(name));
      }
    }
    assertThat(files).containsExactlyInAnyOrderElementsOf(seeds.keySet());
  }
}
