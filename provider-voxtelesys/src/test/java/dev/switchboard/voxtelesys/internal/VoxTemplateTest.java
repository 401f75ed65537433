package dev.switchboard.voxtelesys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Say;
import dev.switchboard.testkit.RandomFlows;
import dev.switchboard.testkit.SeedFlows;
import dev.switchboard.voxtelesys.VoxtelesysProvider;
import dev.switchboard.voxtelesys.internal.voxxml.VoxXml;
import dev.switchboard.voxtelesys.internal.voxxml.VoxXmlWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Answering from a template gives the very bytes JAXB writes for the flow compiled afresh with the
 * same URLs, for every seed flow Voxtelesys can run and 200 random ones.
 */
class VoxTemplateTest {
  private static final String CALL =
      "https://app.example/hooks/voxtelesys/callback?sb_call=out-1&sb_sig=0a1b";

  private static String conference(int index) {
    return "https://app.example/hooks/voxtelesys/conference?sb_call=out-1.c" + index + "&sb_sig=9f";
  }

  private static void assertSameBytes(CallFlow flow) {
    List<Integer> asked = new ArrayList<>();
    String fromTemplate =
        VoxTemplate.of(flow)
            .render(
                VoxXmlWriter.attributeValue(CALL),
                index -> {
                  asked.add(index);
                  return VoxXmlWriter.attributeValue(conference(index));
                });
    int[] rooms = {0};
    VoxXmlCompiler compiler =
        new VoxXmlCompiler(
            Optional.of(URI.create(CALL)), room -> Optional.of(URI.create(conference(rooms[0]++))));
    assertThat(fromTemplate).isEqualTo(VoxXml.marshal(compiler.document(flow)));
    assertThat(asked).as("each conference URL asked once, in order").hasSize(rooms[0]);
    for (int i = 0; i < asked.size(); i++) {
      assertThat(asked.get(i)).isEqualTo(i);
    }
  }

  @Test
  @DisplayName("Every seed flow Voxtelesys can run")
  void seedFlows() {
    VoxtelesysProvider provider = new VoxtelesysProvider();
    SeedFlows.all().values().stream()
        .filter(flow -> provider.verdict(flow).ok())
        .forEach(VoxTemplateTest::assertSameBytes);
  }

  @Test
  @DisplayName("200 random flows")
  void randomFlows() {
    RandomFlows flows = new RandomFlows(18L, new VoxtelesysProvider());
    for (int i = 0; i < 200; i++) {
      assertSameBytes(flows.nextFlow());
    }
  }

  @Test
  @DisplayName("Several rooms get their own URLs, and text like a marker stays text")
  void rooms() {
    assertSameBytes(
        CallFlow.of(
            Say.of("urn:switchboard:call"),
            Gather.builder()
                .say("Press 1 for sales, 2 for support.")
                .branch("1", Conference.room("sales"))
                .branch("2", Conference.room("support"))
                .build()));
  }

  @Test
  @DisplayName("The cache keeps one template per flow, and starts afresh when full")
  void cache() {
    VoxTemplates templates = new VoxTemplates();
    CallFlow flow = CallFlow.of(Say.of("Hello"));
    assertThat(templates.of(flow)).isSameAs(templates.of(CallFlow.of(Say.of("Hello"))));
    for (int i = 0; i < VoxTemplates.CAPACITY + 10; i++) {
      templates.of(CallFlow.of(Say.of("Hello " + i)));
    }
    assertThat(templates.size()).isLessThanOrEqualTo(VoxTemplates.CAPACITY);
  }
}
