package dev.switchboard.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's check that every published module is ready for Maven Central, and the proof that the
 * check fails when a pom loses what Central asks for.
 */
class PublishedPomsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path copy;

  /** The reactor's pom files, copied to {@link #copy} at the same relative paths. */
  @BeforeEach
  void copyPoms() throws IOException {
    try (Stream<Path> poms = Files.walk(ROOT, 3)) {
      for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
        if (pom.toString().contains("/target/")) {
          continue;
        }
        Path target = copy.resolve(ROOT.relativize(pom).toString());
        Files.createDirectories(target.getParent());
        Files.copy(pom, target);
      }
    }
  }

  private void edit(String pom, String remove) throws IOException {
    Path file = copy.resolve(pom);
    String text = Files.readString(file);
    assertThat(text).contains(remove);
    Files.writeString(file, text.replace(remove, ""));
  }

  @Test
  @DisplayName("Every published module has Central's metadata, and the BOM lists every one")
  void ready() throws IOException {
    assertThat(PublishedPoms.problems(ROOT)).isEmpty();
  }

  @Test
  @DisplayName("A module without its description fails the check, naming the module and field")
  void missingDescription() throws IOException {
    String description =
        Files.readString(copy.resolve("core/pom.xml"))
            .lines()
            .filter(line -> line.contains("<description>"))
            .findFirst()
            .orElseThrow();
    edit("core/pom.xml", description);
    assertThat(PublishedPoms.problems(copy)).containsExactly("core/pom.xml lacks <description>");
  }

  @Test
  @DisplayName("Licenses removed from the parent fail every module that inherits them")
  void missingLicenses() throws IOException {
    String parent = Files.readString(copy.resolve("pom.xml"));
    String licenses =
        parent.substring(parent.indexOf("<licenses>"), parent.indexOf("</licenses>") + 11);
    edit("pom.xml", licenses);
    List<String> problems = PublishedPoms.problems(copy);
    assertThat(problems)
        .contains(
            "pom.xml lacks <licenses>, and no parent in the reactor gives it",
            "core/pom.xml lacks <licenses>, and no parent in the reactor gives it",
            "provider-hoiio/pom.xml lacks <licenses>, and no parent in the reactor gives it")
        .noneMatch(problem -> problem.startsWith("bom/"))
        .noneMatch(problem -> problem.startsWith("benchmarks/"));
  }

  @Test
  @DisplayName("A published module missing from the BOM fails the check")
  void missingFromBom() throws IOException {
    String bom = Files.readString(copy.resolve("bom/pom.xml"));
    int at = bom.indexOf("<artifactId>switchboard-servlet</artifactId>");
    String dependency =
        bom.substring(bom.lastIndexOf("<dependency>", at), bom.indexOf("</dependency>", at) + 13);
    edit("bom/pom.xml", dependency);
    assertThat(PublishedPoms.problems(copy))
        .containsExactly("bom/pom.xml does not list switchboard-servlet");
  }
}
