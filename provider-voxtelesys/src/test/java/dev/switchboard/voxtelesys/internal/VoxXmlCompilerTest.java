package dev.switchboard.voxtelesys.internal;

import static dev.switchboard.voxtelesys.internal.XmlAssert.assertSameXml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.ConferenceBeep;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.GatherInput;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Reject;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.VoiceGender;
import dev.switchboard.testkit.SeedFlows;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VoxXmlCompilerTest {
  private static final URI CALLBACK =
      URI.create("https://app.example/hooks/voxtelesys/callback?sb_call=c1&sb_sig=ab");
  private final VoxXmlCompiler plain = new VoxXmlCompiler(Optional.empty());
  private final VoxXmlCompiler withCallbacks = new VoxXmlCompiler(Optional.of(CALLBACK));

  @Nested
  @DisplayName("Prompts")
  class Prompts {
    @Test
    @DisplayName("Say carries the Polly voice for its language and gender, and its loop")
    void say() {
      CallFlow flow =
          CallFlow.of(
              Say.of("Hello"),
              Say.builder("Bonjour").language("fr-FR").gender(VoiceGender.MALE).loop(2).build());
      assertSameXml(
          "<Response>"
              + "<Say voice='Joanna' language='en-US' loop='1'>Hello</Say>"
              + "<Say voice='Mathieu' language='fr-FR' loop='2'>Bonjour</Say>"
              + "</Response>",
          plain.compile(flow));
    }

    @Test
    @DisplayName(
        "Markup-looking text is escaped, so VoxXML speaks it instead of reading it as commands")
    void escaping() {
      String text = "</Say><Hangup/> Tom & \"Jerry\" <speak>";
      String xml = plain.compile(CallFlow.of(Say.of(text)));
      assertThat(xml).doesNotContain("<Hangup/>").contains("&lt;/Say&gt;&lt;Hangup/&gt; Tom &amp;");
      assertThat(dev.switchboard.voxtelesys.internal.voxxml.VoxXml.read(xml).commands())
          .singleElement()
          .satisfies(
              say ->
                  assertThat(((dev.switchboard.voxtelesys.internal.voxxml.VoxSay) say).text)
                      .isEqualTo(text));
    }

    @Test
    @DisplayName("Play and Pause keep their loop and length")
    void playAndPause() {
      assertSameXml(
          "<Response><Play loop='3'>https://a.example/x.mp3</Play><Pause length='60'/></Response>",
          plain.compile(CallFlow.of(Play.of("https://a.example/x.mp3", 3), Pause.of(60))));
    }
  }

  @Nested
  @DisplayName("Gathers and branches")
  class Gathers {
    @Test
    @DisplayName(
        "The seed IVR compiles to the document's own shape: Gather, then an If per branch ending in Hangup")
    void seedIvr() {
      assertSameXml(
          "<Response>"
              + "<Say voice='Joanna' language='en-US' loop='1'>Thank you for calling</Say>"
              + "<Gather input='dtmf' loop='3' numDigits='1' timeout='60' finishOnKey='#'>"
              + "<Say voice='Joanna' language='en-US' loop='1'>For United States support, press 1.</Say>"
              + "<Say voice='Joanna' language='en-US' loop='1'>For Canadian support, press 2.</Say>"
              + "</Gather>"
              + "<If variable='$GATHER' test='EQUAL' value='2'>"
              + "<Say voice='Joanna' language='en-US' loop='1'>Dialing Canadian support. Please wait.</Say>"
              + "<Dial><Number>15556668888</Number></Dial>"
              + "<Say voice='Joanna' language='en-US' loop='1'>Call has ended. Goodbye.</Say>"
              + "<Hangup/>"
              + "</If>"
              + "<Say voice='Joanna' language='en-US' loop='1'>Dialing United States support. Please wait.</Say>"
              + "<Dial><Number>15556667777</Number></Dial>"
              + "<Say voice='Joanna' language='en-US' loop='1'>Call has ended. Goodbye.</Say>"
              + "<Hangup/>"
              + "</Response>",
          plain.compile(SeedFlows.simpleIvr()));
    }

    @Test
    @DisplayName(
        "A branch that does not end in a hangup gets one, so it replaces the rest of the flow")
    void branchEndsInHangup() {
      Gather gather =
          Gather.builder()
              .input(GatherInput.DTMF, GatherInput.SPEECH)
              .finishOnKey("")
              .branch("1|english", Say.of("English"))
              .branch("2")
              .build();
      assertSameXml(
          "<Response>"
              + "<Gather input='dtmf speech' loop='1' numDigits='1' timeout='5' finishOnKey=''"
              + " language='en-US' speechTimeout='3'/>"
              + "<If variable='$GATHER' test='EQUAL' value='1|english'>"
              + "<Say voice='Joanna' language='en-US' loop='1'>English</Say><Hangup/></If>"
              + "<If variable='$GATHER' test='EQUAL' value='2'><Hangup/></If>"
              + "</Response>",
          plain.compile(CallFlow.of(gather)));
    }

    @Test
    @DisplayName(
        "A speech gather names its language and speech timeout; a gather without them the"
            + " defaults")
    void speechLanguage() {
      Gather french =
          Gather.builder()
              .input(GatherInput.SPEECH)
              .language("fr-FR")
              .speechTimeout(8)
              .prompt(Say.builder("Dites oui ou non.").language("fr-FR").build())
              .build();
      Gather playOnly =
          Gather.builder()
              .input(GatherInput.DTMF, GatherInput.SPEECH)
              .prompt(Play.of("https://a.example/menu.mp3", 1))
              .build();
      assertSameXml(
          "<Response>"
              + "<Gather input='speech' loop='1' numDigits='1' timeout='5' finishOnKey='#'"
              + " language='fr-FR' speechTimeout='8'>"
              + "<Say voice='Celine' language='fr-FR' loop='1'>Dites oui ou non.</Say>"
              + "</Gather>"
              + "<Gather input='dtmf speech' loop='1' numDigits='1' timeout='5' finishOnKey='#'"
              + " language='en-US' speechTimeout='3'>"
              + "<Play loop='1'>https://a.example/menu.mp3</Play>"
              + "</Gather>"
              + "</Response>",
          plain.compile(CallFlow.of(french, playOnly)));
    }

    @Test
    @DisplayName("Callbacks are requested with the vendor's keywords, at the signed URL")
    void callbacks() {
      String xml =
          withCallbacks.compile(
              CallFlow.of(
                  Gather.builder().build(), Transfer.to("+15556667777"), Conference.room("r1")));
      assertSameXml(
          "<Response>"
              + "<Gather input='dtmf' loop='1' numDigits='1' timeout='5' finishOnKey='#'"
              + " statusCallback='"
              + CALLBACK.toString().replace("&", "&amp;")
              + "' statusCallbackEvent='fullResult' statusCallbackMethod='POST'/>"
              + "<Dial statusCallback='"
              + CALLBACK.toString().replace("&", "&amp;")
              + "' statusCallbackEvent='ringing answered complete noConnect' statusCallbackMethod='POST'>"
              + "<Number>15556667777</Number></Dial>"
              + "<Conference muted='false' beep='true' startConferenceOnEnter='true' endConferenceOnExit='false'"
              + " statusCallback='"
              + CALLBACK.toString().replace("&", "&amp;")
              + "' statusCallbackEvent='start end join leave dtmf mute unmute muteAll unmuteAll'"
              + " statusCallbackMethod='POST'>r1</Conference>"
              + "</Response>",
          xml);
    }
  }

  @Test
  @DisplayName("A parallel transfer dials every number in one Dial, with the caller id as digits")
  void parallelTransfer() {
    Transfer transfer =
        Transfer.builder().to("+15556667777", "+15556668888").callerId("+15550001111").build();
    assertSameXml(
        "<Response><Dial callerId='15550001111'>"
            + "<Number>15556667777</Number><Number>15556668888</Number></Dial></Response>",
        plain.compile(CallFlow.of(transfer)));
  }

  @Test
  @DisplayName("Conference options, hang-up prompts and reject map one to one")
  void conferenceHangupReject() {
    Conference moderator =
        Conference.builder("2233")
            .muted(true)
            .beep(ConferenceBeep.ON_EXIT)
            .startOnEnter(false)
            .endOnExit(true)
            .label("bob")
            .build();
    assertSameXml(
        "<Response><Conference muted='true' beep='onExit' startConferenceOnEnter='false'"
            + " endConferenceOnExit='true' participantLabel='bob'>2233</Conference>"
            + "<Say voice='Joanna' language='en-US' loop='1'>Bye</Say><Hangup/></Response>",
        plain.compile(CallFlow.of(moderator, Hangup.after(Say.of("Bye")))));
    assertSameXml("<Response><Reject/></Response>", plain.compile(CallFlow.of(new Reject())));
  }
}
