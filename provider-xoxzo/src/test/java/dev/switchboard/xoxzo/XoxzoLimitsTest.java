package dev.switchboard.xoxzo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Call;
import dev.switchboard.CallRequest;
import dev.switchboard.Capability;
import dev.switchboard.ConferenceDialOut;
import dev.switchboard.InvalidInputException;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.UnsupportedCapabilityException;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Say;
import dev.switchboard.testkit.Observation;
import dev.switchboard.testkit.simulator.XoxzoSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Xoxzo's documented limits, held before anything is sent, and no limit the document does not set:
 * through the real provider against the simulator, so that both are seen to agree.
 */
class XoxzoLimitsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String FROM = "+818012345678";
  private static final String TO = "+818011112222";

  private XoxzoSimulator simulator;
  private VoiceClient voice;

  @BeforeEach
  void start() {
    simulator = new XoxzoSimulator(XoxzoConformanceTest.SID, XoxzoConformanceTest.TOKEN);
    simulator.start();
    voice =
        Switchboard.builder()
            .provider(XoxzoProvider.ID)
            .config(
                SwitchboardConfig.of(
                    Map.of(
                        XoxzoProvider.SID, XoxzoConformanceTest.SID,
                        XoxzoProvider.AUTH_TOKEN, XoxzoConformanceTest.TOKEN,
                        XoxzoProvider.BASE_URL, simulator.baseUrl().toString())))
            .build();
  }

  @AfterEach
  void stop() {
    voice.close();
    simulator.close();
  }

  private static CallRequest.Builder call(String... tags) {
    CallRequest.Builder request =
        CallRequest.builder().from(FROM).to(TO).flow(CallFlow.of(Say.of("Hello.")));
    for (String tag : tags) {
      request.tag(tag);
    }
    return request;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"vip, gold", "vip,gold", " vip", "vip ", "\tvip"})
  @DisplayName(
      "A tag Xoxzo would split at a comma or strip of spaces is refused, named, before sending")
  void tagsXoxzoWouldChange(String bad) {
    assertThatThrownBy(() -> voice.placeCall(call("reminder", bad).build()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("call.tags[1]");
              assertThat(e.rule()).containsAnyOf("comma", "space");
            });
    assertThat(simulator.requestCount()).isZero();
  }

  @Test
  @DisplayName("A tag with inner spaces is sent and read back unchanged")
  void tagWithInnerSpace() {
    Call call = voice.placeCall(call("vip gold", "march").build());
    assertThat(call.tags()).containsExactly("vip gold", "march");
    simulator.awaitTranscript(call.id(), WAIT);
    assertThat(voice.getCall(call.id()).tags()).containsExactly("vip gold", "march");
  }

  @Test
  @DisplayName(
      "A Japanese number that keeps its trunk 0 (+810...) is refused, named, before sending")
  void japaneseTrunkZero() {
    assertThatThrownBy(
            () ->
                voice.placeCall(
                    CallRequest.builder()
                        .from(FROM)
                        .to("+81080111122")
                        .flow(CallFlow.of(Say.of("Hi")))
                        .build()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("call.to");
              assertThat(e.rule()).contains("trunk 0");
            });
    assertThatThrownBy(
            () ->
                voice.placeCall(
                    CallRequest.builder()
                        .from("+81031234567")
                        .to(TO)
                        .flow(CallFlow.of(Say.of("Hi")))
                        .build()))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("call.from"));
    assertThatThrownBy(
            () ->
                voice
                    .conferences()
                    .dialOut(
                        ConferenceDialOut.builder()
                            .from(FROM)
                            .participant("+818011111111", "+81080222222")
                            .build()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("conference.participants[1]"));
    assertThat(simulator.requestCount()).isZero();
  }

  @Test
  @DisplayName("Text-to-speech takes any language code: the en/ja list is the conference's")
  void anyTtsLanguage() {
    Call call =
        voice.placeCall(
            call().flow(CallFlow.of(Say.builder("Bonjour.").language("fr").build())).build());
    assertThat(simulator.awaitTranscript(call.id(), WAIT).observations())
        .containsExactly(
            new Observation.Said("Bonjour.", "fr", "female"), new Observation.HungUp("flow"));
  }

  @Test
  @DisplayName("A regional voice other than en-US and ja-JP is a gap: tts_lang has no region")
  void regionalVoice() {
    assertThatThrownBy(
            () ->
                voice.placeCall(
                    call()
                        .flow(CallFlow.of(Say.builder("Hello.").language("en-GB").build()))
                        .build()))
        .isInstanceOfSatisfying(
            UnsupportedCapabilityException.class,
            e ->
                assertThat(e.gaps())
                    .singleElement()
                    .satisfies(g -> assertThat(g.capability()).isEqualTo(Capability.SAY_LANGUAGE)));
    assertThat(simulator.requestCount()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "http://www.mysite.com/audio/greeting",
        "http://www.mysite.com/greeting.wav",
        "http://www.mysite.com/dir_1/sub-dir/hello.world.MP3"
      })
  @DisplayName("A recording URL need not end in .mp3: the document sets no such rule")
  void noMp3Suffix(String url) {
    Call call = voice.placeCall(call().flow(CallFlow.of(Play.of(url))).build());
    assertThat(simulator.awaitTranscript(call.id(), WAIT).observations())
        .containsExactly(new Observation.Played(url), new Observation.HungUp("flow"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://www.mysite.com/123.mp3",
        "http://www.mysite.com/a.mp3?version=2",
        "http://www.mysite.com/my%20file.mp3"
      })
  @DisplayName("The documented recording URL rules still hold: http, and plain path characters")
  void documentedUrlRules(String url) {
    assertThatThrownBy(() -> voice.placeCall(call().flow(CallFlow.of(Play.of(url))).build()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .containsExactly("verbs[0].play.url"));
    assertThat(simulator.requestCount()).isZero();
  }

  @Test
  @DisplayName("Every broken rule of a call is named at once")
  void allAtOnce() {
    assertThatThrownBy(
            () ->
                voice.placeCall(
                    CallRequest.builder()
                        .from("+81031234567")
                        .to("+81080111122")
                        .tag("a,b")
                        .flow(CallFlow.of(Say.of("Hi")))
                        .build()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .isEqualTo(List.of("call.from", "call.to", "call.tags[0]")));
    assertThat(simulator.requestCount()).isZero();
  }
}
