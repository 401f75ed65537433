package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.FlowJson;
import dev.switchboard.spi.VoiceProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExamplesTableTest {
  @Test
  @DisplayName(
      "The README's examples table names, for every example, exactly the providers that can run it")
  void runsOn() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String table =
        readme.substring(
            readme.indexOf("<!-- examples: checked by ExamplesTableTest -->"),
            readme.indexOf("<!-- /examples -->"));
    List<String> rows = table.lines().filter(l -> l.startsWith("| `examples/")).toList();
    try (var files = Files.list(CommandTest.EXAMPLES)) {
      assertThat(rows).hasSize((int) files.filter(f -> f.toString().endsWith(".json")).count());
    }
    for (String row : rows) {
      String[] cells = row.split("\\|");
      Path file = Path.of("..", cells[1].trim().replace("`", ""));
      CallFlow flow = FlowJson.read(file);
      List<String> runnable = new ArrayList<>();
      for (VoiceProvider provider : Providers.all()) {
        if (canRun(provider, flow)) {
          runnable.add(provider.displayName());
        }
      }
      assertThat(cells[3].trim()).as(file.toString()).isEqualTo(String.join(", ", runnable));
    }
  }

  private static boolean canRun(VoiceProvider provider, CallFlow flow) {
    return provider.verdict(flow).ok();
  }
}
