package dev.switchboard.voxtelesys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.SeedFlows;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.simulator.VoxtelesysSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Voxtelesys document's two IVRs, written as neutral flows in {@code examples/}, compile to
 * VoxXML that behaves exactly as the document's own: both run through the simulator's interpreter
 * with the same callees give the same transcripts.
 */
class DocumentIvrTest {
  private static final VoxtelesysSimulator SIMULATOR = new VoxtelesysSimulator("unused");
  private static final VoxtelesysProvider PROVIDER = new VoxtelesysProvider();

  @AfterAll
  static void close() {
    SIMULATOR.close();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DocumentIvrTest.class.getResourceAsStream("/voxtelesys/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Stream<Arguments> cases() {
    List<Callee> simple =
        List.of(
            Callee.answering(),
            Callee.builder().presses("1").build(),
            Callee.builder().presses("2").build(),
            Callee.builder().presses("2").target("+15556668888", Callee.Target.BUSY).build(),
            Callee.builder().presses("9").build(),
            Callee.builder().presses("2").hangUpAfter(4).build(),
            Callee.builder().pickup(Callee.Pickup.BUSY).build());
    List<Callee> complex =
        List.of(
            Callee.answering(),
            Callee.builder().presses("1").build(),
            Callee.builder().presses("2").presses("2233").presses("1111").build(),
            Callee.builder().presses("2").presses("2233").presses("9999").build(),
            Callee.builder().presses("2").presses("3344").presses("1111").build(),
            Callee.builder().presses("2").presses("3344").presses("9999").build(),
            Callee.builder().presses("2").presses("3344").presses("0000").build(),
            Callee.builder().presses("2").presses("2233").says("nine").build(),
            Callee.builder().presses("2").presses("4455").build(),
            Callee.builder().presses("2").silent().build(),
            Callee.builder().presses("3").build(),
            Callee.builder().presses("7").build(),
            Callee.builder().presses("2").presses("22#").build(),
            Callee.builder().presses("1").target("+15556667777", Callee.Target.NO_ANSWER).build());
    return Stream.concat(
        simple.stream().map(c -> Arguments.of("simple-ivr.xml", SeedFlows.simpleIvr(), c)),
        complex.stream().map(c -> Arguments.of("complex-ivr.xml", SeedFlows.complexIvr(), c)));
  }

  @ParameterizedTest(name = "{0} with {2}")
  @MethodSource("cases")
  @DisplayName("The document's VoxXML and ours give the same transcript for the same callee")
  void sameBehaviour(String document, CallFlow flow, Callee callee) throws IOException {
    Transcript theirs = SIMULATOR.run(resource(document), callee);
    Transcript ours = SIMULATOR.run(PROVIDER.compile(flow), callee);
    assertThat(ours.toJsonLines()).isEqualTo(theirs.toJsonLines());
    assertThat(ours.observations()).isNotEmpty();
  }
}
