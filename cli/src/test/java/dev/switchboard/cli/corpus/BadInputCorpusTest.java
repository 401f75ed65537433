package dev.switchboard.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus: several hundred bad flow files, command-line arguments, configuration
 * values and API calls, generated from hand-written templates and fixed seeds so that every run
 * tries the same ones, each reported by its own name.
 *
 * <p>It proves that each is refused before anything is sent: the library throws a subclass of
 * {@code VoiceException} whose message names the field, key or option at fault (never a bare {@code
 * NullPointerException}, {@code IllegalArgumentException}, {@code OutOfMemoryError} or {@code
 * StackOverflowError}); the command exits 2 for bad input or 1 for a configuration problem, with
 * exactly one line on standard error and no stack trace; and the vendors, simulated on loopback
 * where every case that could send something points, receive no request. Each case must be refused
 * within a few seconds, so that a device, a pipe or an endless file cannot hang it.
 *
 * <p>The counts are printed at the end, per family and in all: tried, typed, requests leaked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTest {
  /** Longer than any case takes, short enough that a hang shows at once. */
  private static final Duration PER_CASE = Duration.ofSeconds(5);

  private static final Tally TALLY = new Tally();

  @TempDir static Path dir;

  private static LoopbackVendors vendors;
  private static ScratchFiles files;

  @BeforeAll
  static void startVendors() {
    vendors = LoopbackVendors.start();
    files = new ScratchFiles(dir);
  }

  @AfterAll
  static void printCounts() {
    try {
      for (Family family : Family.values()) {
        System.out.println("bad-input corpus: " + family.title() + ": " + TALLY.of(family));
      }
      Tally.Counts total = TALLY.total();
      long requests = vendors.requests();
      System.out.println(
          "bad-input corpus: "
              + total.tried()
              + " tried, "
              + total.typed()
              + " typed, "
              + requests
              + " requests leaked");
      assertThat(total.typed()).as("cases refused with a typed error").isEqualTo(total.tried());
      assertThat(requests).as("requests the simulated vendors received").isZero();
    } finally {
      vendors.close();
    }
  }

  @TestFactory
  @Order(1)
  @DisplayName("flow files")
  Stream<DynamicTest> flowFiles() {
    return tests(Family.FLOW_FILES, FlowFileCases.all(vendors, files));
  }

  @TestFactory
  @Order(2)
  @DisplayName("command-line arguments")
  Stream<DynamicTest> commandLineArguments() {
    return tests(Family.CLI_ARGUMENTS, CliArgumentCases.all(vendors, files));
  }

  @TestFactory
  @Order(3)
  @DisplayName("configuration values")
  Stream<DynamicTest> configurationValues() {
    return tests(Family.CONFIGURATION, ConfigurationCases.all(vendors, files));
  }

  @TestFactory
  @Order(4)
  @DisplayName("API calls")
  Stream<DynamicTest> apiCalls() {
    return tests(Family.API_CALLS, ApiCallCases.all(vendors));
  }

  private static Stream<DynamicTest> tests(Family family, List<BadInput> cases) {
    assertThat(cases).as(family.title()).hasSizeGreaterThanOrEqualTo(family.minimum());
    assertThat(cases).allMatch(c -> c.family() == family);
    assertThat(cases.stream().map(BadInput::name)).as("case names").doesNotHaveDuplicates();
    return cases.stream().map(input -> DynamicTest.dynamicTest(input.name(), () -> refused(input)));
  }

  /** Tries every way of the case, counts it, and fails with each way it was not refused. */
  private static void refused(BadInput input) {
    long before = vendors.requests();
    List<String> shortfalls = new ArrayList<>();
    try {
      shortfalls.addAll(
          assertTimeoutPreemptively(
              PER_CASE,
              () -> {
                List<String> found = new ArrayList<>();
                for (Trial trial : input.trials()) {
                  found.addAll(Refusal.shortfalls(input, trial));
                }
                return found;
              },
              () -> input.name() + " was not refused within " + PER_CASE));
    } finally {
      long leaked = vendors.requests() - before;
      if (leaked > 0) {
        shortfalls.add(leaked + " request(s) reached a simulated vendor");
      }
      TALLY.add(input.family(), shortfalls.isEmpty(), leaked);
    }
    assertThat(shortfalls).as(input.name()).isEmpty();
  }
}
