package dev.switchboard.voxtelesys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.testkit.RandomFlows;
import dev.switchboard.testkit.SeedFlows;
import dev.switchboard.voxtelesys.VoxtelesysProvider;
import dev.switchboard.voxtelesys.internal.voxxml.VoxConference;
import dev.switchboard.voxtelesys.internal.voxxml.VoxDial;
import dev.switchboard.voxtelesys.internal.voxxml.VoxGather;
import dev.switchboard.voxtelesys.internal.voxxml.VoxIf;
import dev.switchboard.voxtelesys.internal.voxxml.VoxNumber;
import dev.switchboard.voxtelesys.internal.voxxml.VoxResponse;
import dev.switchboard.voxtelesys.internal.voxxml.VoxSay;
import dev.switchboard.voxtelesys.internal.voxxml.VoxXml;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The writer that serves documents against JAXB, which defines them: the same bytes for every seed
 * flow, 200 random flows, with and without callbacks, and for text that needs escaping.
 */
class VoxXmlWriterTest {
  private static final URI CALLBACK =
      URI.create("https://app.example/hooks/voxtelesys/callback?sb_call=c1&sb_sig=ab");

  /** Not a URL a signer makes, but the writer must escape whatever an attribute holds. */
  private static final String ODD = "https://app.example/x?a=\"1\"&b=<2>";

  private static final VoxXmlCompiler PLAIN = new VoxXmlCompiler(Optional.empty());
  private static final VoxXmlCompiler SIGNED = new VoxXmlCompiler(Optional.of(CALLBACK));

  private static void assertSameBytes(VoxResponse document) {
    assertThat(VoxXml.write(document)).isEqualTo(VoxXml.marshal(document));
  }

  @Test
  @DisplayName("Every seed flow Voxtelesys can run, with and without callbacks")
  void seedFlows() {
    VoxtelesysProvider provider = new VoxtelesysProvider();
    int compared = 0;
    for (Map.Entry<String, CallFlow> seed : SeedFlows.all().entrySet()) {
      if (!provider.verdict(seed.getValue()).ok()) {
        continue;
      }
      compared++;
      assertSameBytes(PLAIN.document(seed.getValue()));
      assertSameBytes(SIGNED.document(seed.getValue()));
    }
    assertThat(compared).isGreaterThanOrEqualTo(4);
  }

  @Test
  @DisplayName("200 random flows the provider can run, with and without callbacks")
  void randomFlows() {
    RandomFlows flows = new RandomFlows(20261205L, new VoxtelesysProvider());
    for (int i = 0; i < 200; i++) {
      CallFlow flow = flows.nextFlow();
      assertSameBytes(PLAIN.document(flow));
      assertSameBytes(SIGNED.document(flow));
    }
  }

  @Test
  @DisplayName("Text and attributes that need escaping, non-ASCII text, and empty elements")
  void escaping() {
    VoxResponse document = new VoxResponse();
    VoxSay say = new VoxSay();
    say.text = "Tom & \"Jerry\" <speak> 'quoted' café 日本語 😀\ttab";
    say.language = "en-US\"<&>'";
    document.commands().add(say);
    VoxSay empty = new VoxSay();
    empty.text = "";
    document.commands().add(empty);
    document.commands().add(new VoxSay());
    VoxGather gather = new VoxGather();
    gather.statusCallback = ODD;
    gather.numDigits = 3;
    gather.finishOnKey = "#";
    document.commands().add(gather);
    VoxIf branch = new VoxIf();
    branch.variable = "$GATHER";
    branch.test = "EQUAL";
    branch.value = "1|2";
    document.commands().add(branch);
    VoxDial dial = new VoxDial();
    dial.callerId = "15550001111";
    VoxNumber number = new VoxNumber();
    number.number = "15556667777";
    number.statusCallback = CALLBACK.toString();
    dial.content().add(number);
    VoxConference room = new VoxConference();
    room.name = "sales & support";
    room.muted = false;
    dial.content().add(room);
    document.commands().add(dial);
    assertSameBytes(document);
    assertSameBytes(new VoxResponse());
  }
}
