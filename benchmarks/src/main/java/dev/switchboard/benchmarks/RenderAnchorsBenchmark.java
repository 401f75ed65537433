package dev.switchboard.benchmarks;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Say;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.testkit.SeedFlows;
import dev.switchboard.voxtelesys.VoxtelesysProvider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P1: a new flow compiled and rendered to a vendor document, beside its two anchors in the same
 * run. Twilio's Java SDK builds the same IVR as TwiML and calls {@code toXml()} (TwiML has no
 * branch, so its document is the IVR without the If: 15 elements to VoxXML's 16); the limit is a
 * hand-written {@code StringBuilder} producing exactly Switchboard's bytes, escaping included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderAnchorsBenchmark {
  private final VoxtelesysProvider provider = new VoxtelesysProvider();
  private final CallFlow simpleIvr = SeedFlows.simpleIvr();
  private final CallFlow complexIvr = SeedFlows.complexIvr();

  @Setup
  public void sameBytes() {
    if (!limit().equals(switchboard())) {
      throw new IllegalStateException(
          "the limit must write Switchboard's bytes:\n" + limit() + "\n" + switchboard());
    }
  }

  /** Switchboard: the flow checked for nothing, compiled to the model and written. */
  @Benchmark
  public String switchboard() {
    return provider.compile(simpleIvr);
  }

  /** The Voxtelesys document's Complex IVR, 60 elements, for scale. */
  @Benchmark
  public String switchboardComplexIvr() {
    return provider.compile(complexIvr);
  }

  /** Twilio's SDK building the same IVR and writing it. */
  @Benchmark
  public String twilio() {
    return new VoiceResponse.Builder()
        .say(say("Thank you for calling"))
        .gather(
            new Gather.Builder()
                .inputs(Gather.Input.DTMF)
                .timeout(60)
                .numDigits(1)
                .finishOnKey("#")
                .say(say("For United States support, press 1."))
                .say(say("For Canadian support, press 2."))
                .build())
        .say(say("Dialing Canadian support. Please wait."))
        .dial(new Dial.Builder().number(new Number.Builder("15556668888").build()).build())
        .say(say("Call has ended. Goodbye."))
        .hangup(new Hangup.Builder().build())
        .say(say("Dialing United States support. Please wait."))
        .dial(new Dial.Builder().number(new Number.Builder("15556667777").build()).build())
        .say(say("Call has ended. Goodbye."))
        .hangup(new Hangup.Builder().build())
        .build()
        .toXml();
  }

  private static Say say(String text) {
    return new Say.Builder(text)
        .voice(Say.Voice.POLLY_JOANNA)
        .language(Say.Language.EN_US)
        .loop(1)
        .build();
  }

  /** The limit: the same bytes as {@link #switchboard()}, written by hand. */
  @Benchmark
  public String limit() {
    StringBuilder out = new StringBuilder(1024);
    out.append("<Response>");
    say(out, "Thank you for calling");
    out.append(
        "<Gather timeout=\"60\" loop=\"3\" numDigits=\"1\" finishOnKey=\"#\" input=\"dtmf\">");
    say(out, "For United States support, press 1.");
    say(out, "For Canadian support, press 2.");
    out.append("</Gather><If variable=\"$GATHER\" test=\"EQUAL\" value=\"2\">");
    say(out, "Dialing Canadian support. Please wait.");
    number(out, "15556668888");
    say(out, "Call has ended. Goodbye.");
    out.append("<Hangup/></If>");
    say(out, "Dialing United States support. Please wait.");
    number(out, "15556667777");
    say(out, "Call has ended. Goodbye.");
    out.append("<Hangup/></Response>");
    return out.toString();
  }

  private static void say(StringBuilder out, String text) {
    out.append("<Say loop=\"1\" voice=\"Joanna\" language=\"en-US\">");
    escape(out, text);
    out.append("</Say>");
  }

  private static void number(StringBuilder out, String number) {
    out.append("<Dial><Number>");
    escape(out, number);
    out.append("</Number></Dial>");
  }

  private static void escape(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
  }
}
