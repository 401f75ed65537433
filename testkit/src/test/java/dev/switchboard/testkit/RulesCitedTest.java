package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule the docs state is cited, by its id, in the display name of at least one test. */
class RulesCitedTest {
  private static final Pattern RULE_ROW =
      Pattern.compile("^\\| ([A-Z]+-\\d+) \\|", Pattern.MULTILINE);
  private static final Pattern CITATION = Pattern.compile("\\[([A-Z]+-\\d+)\\]");

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> ids = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private static Set<String> citations() throws IOException {
    Set<String> cited = new TreeSet<>();
    for (Path root : new Path[] {Path.of("src/main/java"), Path.of("src/test/java")}) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file);
          // Only display names count: the rule must be what a test is named after.
          for (String line :
              source
                  .lines()
                  .filter(
                      l ->
                          l.contains("DisplayName")
                              || l.contains("dynamicTest")
                              || l.contains("\"["))
                  .toList()) {
            cited.addAll(matches(CITATION, line));
          }
        }
      }
    }
    return cited;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"semantics.md", "conformance.md"})
  void everyRuleIsCited(String doc) throws IOException {
    Set<String> rules = matches(RULE_ROW, Files.readString(Path.of("..", "docs", doc)));
    assertThat(rules).as("rules in " + doc).isNotEmpty();
    assertThat(citations()).as("rule ids cited by tests").containsAll(rules);
  }
}
