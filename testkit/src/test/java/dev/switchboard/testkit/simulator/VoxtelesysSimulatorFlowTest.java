package dev.switchboard.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.GatherInput;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.VoiceGender;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.CalleeInput;
import dev.switchboard.testkit.Observation;
import dev.switchboard.testkit.Observation.Gathered;
import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.JoinedConference;
import dev.switchboard.testkit.Observation.Paused;
import dev.switchboard.testkit.Observation.Played;
import dev.switchboard.testkit.Observation.Said;
import dev.switchboard.testkit.Observation.Transferred;
import dev.switchboard.testkit.Observation.Unanswered;
import dev.switchboard.testkit.ReferenceInterpreter;
import dev.switchboard.testkit.SeedFlows;
import dev.switchboard.testkit.Transcript;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The simulator's VoxXML interpreter, run directly with {@link VoxtelesysSimulator#run}. */
class VoxtelesysSimulatorFlowTest {
  /** The Voxtelesys document's "Simple IVR", as printed there. */
  static final String SIMPLE_IVR =
      """
      <Response>
      <Say voice='Joanna' language='en-US'>Thank you for calling</Say>
      <Gather input='dtmf' loop='3' repeatDelay='5' numDigits='1' timeout='60'>
      <Say voice='Joanna' language='en-US'>For United States support, press 1.</Say>
      <Say voice='Joanna' language='en-US'>For Canadian support, press 2.</Say>
      </Gather>
      <If variable='$GATHER' test='EQUAL' value='2'>
      <Say voice='Joanna' language='en-US' loop='1' repeatDelay='3'>Dialing Canadian support. Please wait.</Say>
      <Number>15556668888</Number>
      <Say voice='Joanna' language='en-US' loop='1'>Call has ended. Goodbye.</Say>
      <Hangup/>
      </If>
      <Say voice='Joanna' language='en-US' loop='1' repeatDelay='3'>Dialing United States support. Please wait.</Say>
      <Number>15556667777</Number>
      <Say voice='Joanna' language='en-US' loop='1'>Call has ended. Goodbye.</Say>
      <Hangup/>
      </Response>
      """;

  /** The Voxtelesys document's "Complex IVR", as printed there. */
  static final String COMPLEX_IVR =
      """
      <Response>
      <Say voice='Joanna' language='en-US' loop='1'>Hello, and welcome.</Say>
      <Gather input='dtmf' loop='3' repeatDelay='5' numDigits='1' timeout='60'>
      <Say voice='Joanna' language='en-US'>For support, press one.</Say>
      <Say voice='Joanna' language='en-US'>To join a conference, press two.</Say>
      <Say voice='Joanna' language='en-US'>For updates on hours of operation, press three.</Say>
      </Gather>
      <If variable='$GATHER' test='EQUAL' value='1'>
      <Say voice='Joanna' language='en-US' loop='1' repeatDelay='3'>Dialing support. Please wait.</Say>
      <Number>15556667777</Number>
      <Say voice='Joanna' language='en-US' loop='1'>Call has ended. Goodbye.</Say>
      <Hangup/>
      </If>
      <If variable='$GATHER' test='EQUAL' value='2'>
      <Gather input='dtmf' loop='1' repeatDelay='5' numDigits='4' timeout='30'>
      <Say voice='Joanna' language='en-US'>Please enter conference ID</Say>
      </Gather>
      <If variable='$GATHER' test='EQUAL' value='2233'>
      <Gather input='dtmf speech' loop='1' repeatDelay='7' numDigits='4' timeout='10'>
      <Say voice='Joanna' language='en-US'>Please enter pin</Say>
      </Gather>
      <If variable='$GATHER' test='EQUAL' value='1111'>
      <Conference muted='false' startConferenceOnEnter='false' beep='true'>2233</Conference>
      <Say voice='Joanna' language='en-US'>Conference has ended. Thank you</Say>
      <Hangup/>
      </If>
      <If variable='$GATHER' test='EQUAL' value='9999'>
      <Conference startConferenceOnEnter='true' endConferenceOnExit='true' muted='false' beep='true'>2233</Conference>
      <Say voice='Joanna' language='en-US'>Conference has ended. Thank you</Say>
      <Hangup/>
      </If>
      <Say voice='Joanna' language='en-US'>Invalid pin. Goodbye.</Say>
      <Hangup/>
      </If>
      <If variable='$GATHER' test='EQUAL' value='3344'>
      <Gather input='dtmf speech' loop='1' repeatDelay='7' numDigits='4' timeout='10'>
      <Say voice='Joanna' language='en-US'>Please enter pin</Say>
      </Gather>
      <If variable='$GATHER' test='EQUAL' value='1111'>
      <Conference muted='false' startConferenceOnEnter='false' beep='true'>3344</Conference>
      <Say voice='Joanna' language='en-US'>Conference has ended. Thank you</Say>
      <Hangup/>
      </If>
      <If variable='$GATHER' test='EQUAL' value='9999'>
      <Conference startConferenceOnEnter='true' endConferenceOnExit='true' muted='false' beep='true'>3344</Conference>
      <Say voice='Joanna' language='en-US'>Conference has ended. Thank you</Say>
      <Hangup/>
      </If>
      <Say voice='Joanna' language='en-US'>Invalid pin. Goodbye.</Say>
      <Hangup/>
      </If>
      <Say voice='Joanna' language='en-US'>Invalid conference. Goodbye.</Say>
      <Hangup/>
      </If>
      <If variable='$GATHER' test='EQUAL' value='3'>
      <Play>https://example.com/hours-of-operation.mp3</Play>
      <Hangup/>
      </If>
      <Say voice='Joanna' language='en-US'>No option selected. Goodbye.</Say>
      </Response>
      """;

  private VoxtelesysSimulator simulator;

  @BeforeEach
  void start() {
    simulator = new VoxtelesysSimulator(VoxTestSupport.KEY);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private static Said say(String text) {
    return new Said(text, "en-US", "female");
  }

  private static Gathered keys(String digits) {
    return new Gathered(digits, "");
  }

  private static final HungUp BY_FLOW = new HungUp("flow");

  private static Observation[] repeat(int times, Observation... pass) {
    List<Observation> all = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      all.addAll(List.of(pass));
    }
    return all.toArray(new Observation[0]);
  }

  private static Transcript transcript(Object... parts) {
    List<Observation> all = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Observation[] many) {
        all.addAll(List.of(many));
      } else {
        all.add((Observation) part);
      }
    }
    return new Transcript(all);
  }

  private Transcript run(String voxXml, Callee callee) {
    return simulator.run(voxXml, callee);
  }

  private static String response(String body) {
    return "<Response>" + body + "</Response>";
  }

  @Nested
  @DisplayName("The document's Simple IVR")
  class SimpleIvr {
    private final Observation[] menu = {
      say("For United States support, press 1."), say("For Canadian support, press 2.")
    };

    @Test
    @DisplayName("[SEM-04] Pressing 2 dials Canadian support, then says goodbye and hangs up")
    void canada() {
      assertThat(run(SIMPLE_IVR, Callee.builder().presses("2").build()))
          .isEqualTo(
              transcript(
                  say("Thank you for calling"),
                  menu,
                  keys("2"),
                  say("Dialing Canadian support. Please wait."),
                  new Transferred(List.of("+15556668888"), "answered", "+15556668888"),
                  say("Call has ended. Goodbye."),
                  BY_FLOW));
    }

    @Test
    @DisplayName("[SEM-03] A silent caller hears the menu three times, then US support is dialled")
    void silence() {
      assertThat(run(SIMPLE_IVR, Callee.answering()))
          .isEqualTo(
              transcript(
                  say("Thank you for calling"),
                  repeat(3, menu),
                  keys(""),
                  say("Dialing United States support. Please wait."),
                  new Transferred(List.of("+15556667777"), "answered", "+15556667777"),
                  say("Call has ended. Goodbye."),
                  BY_FLOW));
    }

    @Test
    @DisplayName(
        "[SEM-07] When US support does not answer, the caller still hears goodbye after the"
            + " attempt")
    void unansweredTransfer() {
      Callee callee =
          Callee.builder().presses("1").target("+15556667777", Callee.Target.NO_ANSWER).build();
      assertThat(run(SIMPLE_IVR, callee))
          .isEqualTo(
              transcript(
                  say("Thank you for calling"),
                  menu,
                  keys("1"),
                  say("Dialing United States support. Please wait."),
                  new Transferred(List.of("+15556667777"), "unanswered", ""),
                  say("Call has ended. Goodbye."),
                  BY_FLOW));
    }
  }

  @Nested
  @DisplayName("The document's Complex IVR")
  class ComplexIvr {
    private final Observation[] menu = {
      say("For support, press one."),
      say("To join a conference, press two."),
      say("For updates on hours of operation, press three.")
    };
    private final Said welcome = say("Hello, and welcome.");
    private final Said conferenceId = say("Please enter conference ID");
    private final Said pin = say("Please enter pin");

    @Test
    @DisplayName("[SEM-04] Option 1 dials support and hangs up after it")
    void support() {
      assertThat(run(COMPLEX_IVR, Callee.builder().presses("1").build()))
          .isEqualTo(
              transcript(
                  welcome,
                  menu,
                  keys("1"),
                  say("Dialing support. Please wait."),
                  new Transferred(List.of("+15556667777"), "answered", "+15556667777"),
                  say("Call has ended. Goodbye."),
                  BY_FLOW));
    }

    @Test
    @DisplayName(
        "[SEM-08] Room 2233 with the listener PIN joins the conference, then thanks and hangs up")
    void listener() {
      Callee callee = Callee.builder().presses("2").presses("2233").presses("1111").build();
      assertThat(run(COMPLEX_IVR, callee))
          .isEqualTo(
              transcript(
                  welcome,
                  menu,
                  keys("2"),
                  conferenceId,
                  keys("2233"),
                  pin,
                  keys("1111"),
                  new JoinedConference("2233"),
                  say("Conference has ended. Thank you"),
                  BY_FLOW));
    }

    @Test
    @DisplayName("Room 3344 with the moderator PIN joins room 3344")
    void moderator() {
      Callee callee = Callee.builder().presses("2").presses("3344").presses("9999").build();
      assertThat(run(COMPLEX_IVR, callee))
          .isEqualTo(
              transcript(
                  welcome,
                  menu,
                  keys("2"),
                  conferenceId,
                  keys("3344"),
                  pin,
                  keys("9999"),
                  new JoinedConference("3344"),
                  say("Conference has ended. Thank you"),
                  BY_FLOW));
    }

    @Test
    @DisplayName("A PIN spoken to the 'dtmf speech' gather is taken as the PIN")
    void spokenPin() {
      Callee callee = Callee.builder().presses("2").presses("2233").says("1111").build();
      assertThat(run(COMPLEX_IVR, callee))
          .isEqualTo(
              transcript(
                  welcome,
                  menu,
                  keys("2"),
                  conferenceId,
                  keys("2233"),
                  pin,
                  new Gathered("", "1111"),
                  new JoinedConference("2233"),
                  say("Conference has ended. Thank you"),
                  BY_FLOW));
    }

    @Test
    @DisplayName(
        "[SEM-04] A wrong PIN ends in 'Invalid pin' without reaching the outer fall-through")
    void wrongPin() {
      Callee callee = Callee.builder().presses("2").presses("2233").presses("1234").build();
      assertThat(run(COMPLEX_IVR, callee))
          .isEqualTo(
              transcript(
                  welcome,
                  menu,
                  keys("2"),
                  conferenceId,
                  keys("2233"),
                  pin,
                  keys("1234"),
                  say("Invalid pin. Goodbye."),
                  BY_FLOW));
    }

    @Test
    @DisplayName("[SEM-06] Keys stop at the finish key #, which is not part of the conference ID")
    void finishKey() {
      Callee callee = Callee.builder().presses("2").presses("22#33").build();
      assertThat(run(COMPLEX_IVR, callee))
          .isEqualTo(
              transcript(
                  welcome,
                  menu,
                  keys("2"),
                  conferenceId,
                  keys("22"),
                  say("Invalid conference. Goodbye."),
                  BY_FLOW));
    }

    @Test
    @DisplayName("[SEM-06] Keys beyond numDigits are dropped: 22334 is room 2233")
    void extraDigits() {
      Callee callee = Callee.builder().presses("2").presses("22334").presses("9999").build();
      assertThat(run(COMPLEX_IVR, callee).observations())
          .contains(keys("2233"), new JoinedConference("2233"));
    }

    @Test
    @DisplayName("A silent conference ID plays its prompt once (loop 1) and is invalid")
    void silentConferenceId() {
      Callee callee = Callee.builder().presses("2").silent().build();
      assertThat(run(COMPLEX_IVR, callee))
          .isEqualTo(
              transcript(
                  welcome,
                  menu,
                  keys("2"),
                  conferenceId,
                  keys(""),
                  say("Invalid conference. Goodbye."),
                  BY_FLOW));
    }

    @Test
    @DisplayName("Option 3 plays the hours of operation and hangs up")
    void hours() {
      assertThat(run(COMPLEX_IVR, Callee.builder().presses("3").build()))
          .isEqualTo(
              transcript(
                  welcome,
                  menu,
                  keys("3"),
                  new Played("https://example.com/hours-of-operation.mp3"),
                  BY_FLOW));
    }

    @Test
    @DisplayName(
        "[SEM-05] Silence replays the menu three times, then the fall-through says goodbye and"
            + " the document's end hangs up")
    void silence() {
      assertThat(run(COMPLEX_IVR, Callee.answering()))
          .isEqualTo(
              transcript(
                  welcome,
                  repeat(3, menu),
                  keys(""),
                  say("No option selected. Goodbye."),
                  BY_FLOW));
    }

    @Test
    @DisplayName("[SEM-06] Words to the DTMF-only menu count as silence")
    void wordsToDtmf() {
      assertThat(run(COMPLEX_IVR, Callee.builder().says("two").build()))
          .isEqualTo(
              transcript(
                  welcome,
                  repeat(3, menu),
                  keys(""),
                  say("No option selected. Goodbye."),
                  BY_FLOW));
    }

    @Test
    @DisplayName("A finish key pressed first answers the menu after one pass, with no input")
    void finishKeyFirst() {
      assertThat(run(COMPLEX_IVR, Callee.builder().presses("#").build()))
          .isEqualTo(
              transcript(welcome, menu, keys(""), say("No option selected. Goodbye."), BY_FLOW));
    }

    @Test
    @DisplayName("[SEM-10] A caller who hangs up after three observations ends the call at once")
    void calleeHangsUp() {
      assertThat(run(COMPLEX_IVR, Callee.builder().hangUpAfter(3).build()))
          .isEqualTo(transcript(welcome, menu[0], menu[1], new HungUp("callee")));
    }

    @Test
    @DisplayName("[SEM-12] A busy or absent callee observes nothing of the document")
    void unanswered() {
      assertThat(run(COMPLEX_IVR, Callee.builder().pickup(Callee.Pickup.BUSY).build()))
          .isEqualTo(Transcript.of(new Unanswered("busy")));
      assertThat(run(COMPLEX_IVR, Callee.builder().pickup(Callee.Pickup.NO_ANSWER).build()))
          .isEqualTo(Transcript.of(new Unanswered("no-answer")));
    }
  }

  static Stream<Arguments> seedCallees() {
    Map<String, Callee> callees =
        Map.ofEntries(
            Map.entry("silent", Callee.answering()),
            Map.entry("presses 1", Callee.builder().presses("1").build()),
            Map.entry("presses 2", Callee.builder().presses("2").build()),
            Map.entry("presses 3", Callee.builder().presses("3").build()),
            Map.entry("presses 9", Callee.builder().presses("9").build()),
            Map.entry("presses #", Callee.builder().presses("#").build()),
            Map.entry("says two", Callee.builder().says("two").build()),
            Map.entry(
                "2, 2233, 1111",
                Callee.builder().presses("2").presses("2233").presses("1111").build()),
            Map.entry(
                "2, 3344, 9999",
                Callee.builder().presses("2").presses("3344").presses("9999").build()),
            Map.entry(
                "2, 3344, says 1111",
                Callee.builder().presses("2").presses("3344").says("1111").build()),
            Map.entry(
                "2, 2233, 12",
                Callee.builder().presses("2").presses("2233").presses("12#").build()),
            Map.entry("2, 4455", Callee.builder().presses("2").presses("4455").build()),
            Map.entry("2, silent", Callee.builder().presses("2").silent().build()),
            Map.entry(
                "1, support busy",
                Callee.builder().presses("1").target("+15556667777", Callee.Target.BUSY).build()),
            Map.entry(
                "2, Canada unanswered",
                Callee.builder()
                    .presses("2")
                    .target("+15556668888", Callee.Target.NO_ANSWER)
                    .build()),
            Map.entry("hangs up after 1", Callee.builder().hangUpAfter(1).build()),
            Map.entry("hangs up after 5", Callee.builder().hangUpAfter(5).build()),
            Map.entry(
                "hangs up after 8",
                Callee.builder().presses("2").presses("2233").hangUpAfter(8).build()),
            Map.entry("busy", Callee.builder().pickup(Callee.Pickup.BUSY).build()),
            Map.entry("no answer", Callee.builder().pickup(Callee.Pickup.NO_ANSWER).build()));
    List<String> names = new ArrayList<>(callees.keySet());
    Collections.sort(names);
    List<Arguments> arguments = new ArrayList<>();
    for (String name : names) {
      arguments.add(Arguments.of("simple", name, callees.get(name)));
      arguments.add(Arguments.of("complex", name, callees.get(name)));
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} IVR, callee {1}")
  @MethodSource("seedCallees")
  @DisplayName(
      "[SEM-04] The document's IVRs give the reference interpreter's transcript for the seed"
          + " flows")
  void agreesWithReference(String ivr, String name, Callee callee) {
    boolean simple = ivr.equals("simple");
    CallFlow flow = simple ? SeedFlows.simpleIvr() : SeedFlows.complexIvr();
    assertThat(run(simple ? SIMPLE_IVR : COMPLEX_IVR, callee))
        .isEqualTo(ReferenceInterpreter.run(flow, callee));
  }

  @Nested
  @DisplayName("Verbs")
  class Verbs {
    @Test
    @DisplayName("Say replaces $GATHER with the last input, keys or words")
    void gatherSubstitution() {
      String voxXml =
          response(
              "<Say>Before $GATHER.</Say>"
                  + "<Gather numDigits='3'><Say>Enter three digits</Say></Gather>"
                  + "<Say>You entered $GATHER, I repeat, $GATHER</Say>"
                  + "<Gather input='speech'><Say>Say a word</Say></Gather>"
                  + "<Say>You said $GATHER</Say>");
      Callee callee = Callee.builder().presses("123").says("banana").build();
      assertThat(run(voxXml, callee))
          .isEqualTo(
              transcript(
                  say("Before ."),
                  say("Enter three digits"),
                  keys("123"),
                  say("You entered 123, I repeat, 123"),
                  say("Say a word"),
                  new Gathered("", "banana"),
                  say("You said banana"),
                  BY_FLOW));
    }

    @Test
    @DisplayName(
        "[SEM-11] Say takes language and gender from the voice, the language attribute winning")
    void voices() {
      String voxXml =
          response(
              "<Say voice='Matthew'>Hi</Say>"
                  + "<Say voice='Celine'>Bonjour</Say>"
                  + "<Say voice='Hans' language='de-DE' loop='2'>Hallo</Say>"
                  + "<Say voice='Aditi' language='hi-IN'>Namaste</Say>"
                  + "<Say>&lt;speak&gt;literal&lt;/speak&gt;</Say>"
                  + "<Say> spaced  as written </Say>");
      assertThat(run(voxXml, Callee.answering()))
          .isEqualTo(
              transcript(
                  new Said("Hi", "en-US", "male"),
                  new Said("Bonjour", "fr-FR", "female"),
                  new Said("Hallo", "de-DE", "male"),
                  new Said("Hallo", "de-DE", "male"),
                  new Said("Namaste", "hi-IN", "female"),
                  say("<speak>literal</speak>"),
                  say(" spaced  as written "),
                  BY_FLOW));
    }

    @Test
    @DisplayName("[SEM-11] Play repeats per loop; Pause is heard with its length, 1 by default")
    void playAndPause() {
      String voxXml =
          response("<Play loop='2'>http://example.com/a.mp3</Play><Pause/><Pause length='60'/>");
      assertThat(run(voxXml, Callee.answering()))
          .isEqualTo(
              transcript(
                  new Played("http://example.com/a.mp3"),
                  new Played("http://example.com/a.mp3"),
                  new Paused(1),
                  new Paused(60),
                  BY_FLOW));
    }

    @Test
    @DisplayName("loop='0' repeats until the callee hangs up, or 100 times")
    void loopForever() {
      String voxXml = response("<Say loop='0'>Again</Say><Say>Done</Say>");
      assertThat(run(voxXml, Callee.builder().hangUpAfter(7).build()).observations())
          .hasSize(8)
          .endsWith(say("Again"), new HungUp("callee"));
      assertThat(run(voxXml, Callee.answering()).observations())
          .hasSize(102)
          .endsWith(say("Again"), say("Done"), BY_FLOW);
    }

    @Test
    @DisplayName(
        "[SEM-07] Dial rings its numbers in parallel; the first in order that answers wins and"
            + " the caller goes on after the bridge")
    void parallelDial() {
      String voxXml =
          response(
              "<Dial><Number>15550000001</Number><Number>15550000002</Number>"
                  + "<Number>15550000003</Number></Dial><Say>After the bridge</Say>");
      List<String> all = List.of("+15550000001", "+15550000002", "+15550000003");
      Callee firstBusy =
          Callee.builder()
              .target("+15550000001", Callee.Target.BUSY)
              .target("+15550000002", Callee.Target.ANSWERS)
              .build();
      assertThat(run(voxXml, firstBusy))
          .isEqualTo(
              transcript(
                  new Transferred(all, "answered", "+15550000002"),
                  say("After the bridge"),
                  BY_FLOW));
      Callee nobody =
          Callee.builder()
              .target("+15550000001", Callee.Target.NO_ANSWER)
              .target("+15550000002", Callee.Target.BUSY)
              .target("+15550000003", Callee.Target.NO_ANSWER)
              .build();
      assertThat(run(voxXml, nobody))
          .isEqualTo(
              transcript(new Transferred(all, "unanswered", ""), say("After the bridge"), BY_FLOW));
    }

    @Test
    @DisplayName("Dial with a literal number transfers to it")
    void literalDial() {
      assertThat(run(response("<Dial>15550000009</Dial>"), Callee.answering()))
          .isEqualTo(
              transcript(
                  new Transferred(List.of("+15550000009"), "answered", "+15550000009"), BY_FLOW));
    }

    @Test
    @DisplayName("Dial holding a Conference joins that room")
    void dialConference() {
      assertThat(
              run(
                  response("<Dial><Conference>room7</Conference></Dial><Say>Left</Say>"),
                  Callee.answering()))
          .isEqualTo(transcript(new JoinedConference("room7"), say("Left"), BY_FLOW));
    }

    @Test
    @DisplayName(
        "[BRANCH-04] If matches any of the |-separated values, and NOTEQUAL matches none of them")
    void ifValues() {
      String voxXml =
          response(
              "<Gather><Say>Pick</Say></Gather>"
                  + "<If variable='$GATHER' test='EQUAL' value='1|3'><Say>Odd</Say></If>"
                  + "<If variable='$GATHER' test='NOTEQUAL' value='1|3'><Say>Not odd</Say></If>");
      assertThat(run(voxXml, Callee.builder().presses("3").build()).observations())
          .containsExactly(say("Pick"), keys("3"), say("Odd"), BY_FLOW);
      assertThat(run(voxXml, Callee.builder().presses("2").build()).observations())
          .containsExactly(say("Pick"), keys("2"), say("Not odd"), BY_FLOW);
    }

    @Test
    @DisplayName(
        "Keys given to a speech-only gather count as silence, and a finish key may be none")
    void gatherInputs() {
      String speech = response("<Gather input='speech' loop='2'><Say>Speak</Say></Gather>");
      assertThat(run(speech, Callee.builder().presses("5").build()))
          .isEqualTo(transcript(say("Speak"), say("Speak"), keys(""), BY_FLOW));
      String noFinish = response("<Gather numDigits='3' finishOnKey=''></Gather>");
      assertThat(run(noFinish, Callee.builder().presses("1#2").build()))
          .isEqualTo(transcript(keys("1#2"), BY_FLOW));
      String star = response("<Gather numDigits='5' finishOnKey='*'></Gather>");
      assertThat(run(star, Callee.builder().presses("12#*9").build()))
          .isEqualTo(transcript(keys("12#"), BY_FLOW));
    }

    @Test
    @DisplayName("[SEM-13] Hangup ends the call and Reject does nothing on an outbound call")
    void hangupAndReject() {
      assertThat(
              run(response("<Reject/><Say>Hi</Say><Hangup/><Say>Never</Say>"), Callee.answering()))
          .isEqualTo(transcript(say("Hi"), BY_FLOW));
      assertThat(run(response(""), Callee.answering())).isEqualTo(transcript(BY_FLOW));
    }

    @Test
    @DisplayName(
        "[SEM-02] VoxXML written as the readings table maps a neutral flow gives the reference"
            + " transcript")
    void readingsMapping() {
      CallFlow flow =
          CallFlow.builder()
              .verb(Say.builder("Bonjour").language("fr-FR").gender(VoiceGender.MALE).build())
              .gather(
                  Gather.builder()
                      .numDigits(2)
                      .attempts(2)
                      .finishOnKey("*")
                      .input(GatherInput.DTMF, GatherInput.SPEECH)
                      .say("Two digits or a word")
                      .branch("12|sales", Say.of("Sales"), Hangup.now())
                      .build())
              .verb(Transfer.to("+15550000001", "+15550000002"))
              .pause(2)
              .build();
      String voxXml =
          """
          <Response>
          <Say voice="Mathieu" language="fr-FR" loop="1">Bonjour</Say>
          <Gather input="dtmf speech" loop="2" numDigits="2" timeout="5" finishOnKey="*">\
          <Say voice="Joanna" language="en-US" loop="1">Two digits or a word</Say></Gather>
          <If variable="$GATHER" test="EQUAL" value="12|sales">\
          <Say voice="Joanna" language="en-US" loop="1">Sales</Say><Hangup/></If>
          <Dial callerId="15550009999"><Number>15550000001</Number><Number>15550000002</Number></Dial>
          <Pause length="2"/>
          </Response>
          """;
      List<Callee> callees =
          List.of(
              Callee.answering(),
              Callee.builder().presses("123").build(),
              Callee.builder().presses("1*").build(),
              Callee.builder().says("sales").build(),
              Callee.builder().input(new CalleeInput("12", "sales")).build(),
              Callee.builder().presses("9").target("+15550000001", Callee.Target.NO_ANSWER).build(),
              Callee.builder().hangUpAfter(2).build());
      for (Callee callee : callees) {
        assertThat(run(voxXml, callee))
            .as("callee %s", callee)
            .isEqualTo(ReferenceInterpreter.run(flow, callee));
      }
    }
  }

  @Nested
  @DisplayName("Documents the API refuses")
  class Refused {
    @Test
    @DisplayName("A document without a Response root is refused with 5105")
    void noRoot() {
      assertThatThrownBy(() -> run("<Say>Hello!</Say>", Callee.answering()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("5105");
      assertThatThrownBy(() -> run("  ", Callee.answering())).hasMessageStartingWith("5105");
    }

    @Test
    @DisplayName("Malformed XML, unknown verbs and values outside the documented ones are 5106")
    void badSyntax() {
      for (String body :
          List.of(
              "<Say>unclosed",
              "<Record/>",
              "<Pause length='0'/>",
              "<Pause length='61'/>",
              "<Say loop='two'>x</Say>",
              "<Say voice='Bob'>x</Say>",
              "<Say>  </Say>",
              "<Gather numDigits='0'/>",
              "<Gather input='voice'/>",
              "<Gather repeatDelay='7s'/>",
              "<Gather><Pause/></Gather>",
              "<Gather statusCallbackEvent='fullResult complete_input'/>",
              "<If variable='$GATHER' test='SAME' value='1'/>",
              "<If variable='$GATHER' test='EQUAL' value='A'/>",
              "<If variable='$GATHER' test='EQUAL'/>",
              "<Number>+15556667777</Number>",
              "<Dial>15556667777<Number>15556667777</Number></Dial>",
              "<Conference participantLabel='Bob'>room</Conference>",
              "<Conference>room 1</Conference>",
              "<Play>ftp://example.com/a.mp3</Play>",
              "<Say numdigits='1'>x</Say>",
              "<SetMute muted='true'/>",
              "<Hangup>now</Hangup>",
              "text")) {
        assertThatThrownBy(() -> run(response(body), Callee.answering()))
            .as(body)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("5106");
      }
      assertThatThrownBy(
              () ->
                  run(
                      "<!DOCTYPE r [<!ENTITY x 'y'>]><Response><Say>&x;</Say></Response>",
                      Callee.answering()))
          .hasMessageStartingWith("5106");
    }
  }
}
