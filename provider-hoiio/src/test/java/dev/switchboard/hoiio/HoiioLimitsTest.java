package dev.switchboard.hoiio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.CallRequest;
import dev.switchboard.Capability;
import dev.switchboard.CapabilityGap;
import dev.switchboard.InvalidInputException;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.UnsupportedCapabilityException;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.RecordCall;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.hoiio.internal.HoiioRules;
import dev.switchboard.testkit.simulator.HoiioSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Where Hoiio's blocks narrow the neutral model, refused before anything is sent. */
class HoiioLimitsTest {
  private final HoiioProvider provider = new HoiioProvider();

  @Test
  @DisplayName(
      "A message of 1000 characters with its markup is accepted, 1001 refused, naming the field")
  void messageLength() {
    // <speech language="zh-HK" gender="female"> and </speech> take 50 characters.
    provider.verdict(CallFlow.of(Say.builder("x".repeat(950)).language("zh-HK").build())).orThrow();
    assertThatThrownBy(
            () ->
                provider
                    .verdict(CallFlow.of(Say.builder("x".repeat(951)).language("zh-HK").build()))
                    .orThrow())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("verbs[0].say.text"));
  }

  @Test
  @DisplayName(
      "A gather's prompts together must fit one message, since Hoiio repeats it per attempt")
  void gatherPrompts() {
    assertThatThrownBy(
            () ->
                provider
                    .verdict(
                        CallFlow.of(
                            Gather.builder().say("a".repeat(500)).say("b".repeat(500)).build()))
                    .orThrow())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("verbs[0].gather.prompts"));
  }

  @Test
  @DisplayName("Tags longer than 256 characters together are refused")
  void tags() {
    assertThat(HoiioRules.tag(List.of("a".repeat(200), "b".repeat(55)))).hasSize(256);
    assertThatThrownBy(() -> HoiioRules.tag(List.of("a".repeat(200), "b".repeat(56))))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("call.tags"));
  }

  @Test
  @DisplayName(
      "Finish keys other than #, pauses, parallel transfers and verbs after a transfer are gaps")
  void gaps() {
    CallFlow flow =
        CallFlow.of(
            Gather.builder().finishOnKey("*").build(),
            new Record(List.of(), 30, ""),
            Pause.of(1),
            Transfer.to("+6561111111", "+6562222222"),
            Say.of("after"));
    assertThat(provider.verdict(flow).gaps())
        .extracting(CapabilityGap::capability)
        .containsExactly(
            Capability.PAUSE, Capability.PARALLEL_TRANSFER, Capability.CONTINUE_AFTER_BRIDGE);
    assertThat(
            provider
                .verdict(
                    CallFlow.of(
                        Gather.builder().finishOnKey("*").build(), new Record(List.of(), 30, "")))
                .gaps())
        .extracting(CapabilityGap::path)
        .containsExactly("verbs[0]", "verbs[1]");
  }

  @Test
  @DisplayName(
      "A second whole-call recording on the same path is a gap; on different branches it is not")
  void secondMonitor() {
    CallFlow twice =
        CallFlow.of(RecordCall.after(), Gather.builder().branch("1", RecordCall.after()).build());
    assertThat(provider.verdict(twice).gaps())
        .extracting(CapabilityGap::toString)
        .containsExactly(
            "verbs[1].branches[\"1\"][0] recordCall: a second whole-call recording (Hoiio monitors a call once)");
    CallFlow apart =
        CallFlow.of(
            Gather.builder()
                .branch("1", RecordCall.after())
                .branch("2", RecordCall.after())
                .build(),
            Hangup.now());
    assertThat(provider.verdict(apart).gaps()).isEmpty();
  }

  @Test
  @DisplayName(
      "A language Hoiio's documents do not show, or an audio file that is not .mp3, .wav or .gsm,"
          + " is refused before any request, naming where")
  void languagesAndAudioFormats() throws Exception {
    CallFlow french =
        CallFlow.of(
            Gather.builder().prompt(Say.builder("Bonjour").language("fr-FR").build()).build());
    assertThat(provider.verdict(french).gaps())
        .singleElement()
        .satisfies(
            gap -> {
              assertThat(gap.path()).isEqualTo("verbs[0].prompts[0]");
              assertThat(gap.capability()).isEqualTo(Capability.SAY_LANGUAGE);
            });
    CallFlow ogg = CallFlow.of(Say.of("Hi"), Play.of("https://cdn.example.com/tone.ogg"));
    assertThat(provider.verdict(ogg).violations())
        .extracting(v -> v.field())
        .containsExactly("verbs[1].play.url");
    assertThat(provider.verdict(CallFlow.of(Play.of("https://cdn.example.com/a.GSM"))).ok())
        .isTrue();
    assertThat(provider.verdict(CallFlow.of(Say.builder("請稍等").language("zh-HK").build())).ok())
        .isTrue();

    try (HoiioSimulator simulator =
            new HoiioSimulator(HoiioConformanceTest.APP, HoiioConformanceTest.TOKEN);
        VoiceClient voice = connect(simulator)) {
      assertThatThrownBy(() -> voice.placeCall("+6560000000", "+6561234567", french))
          .isInstanceOf(UnsupportedCapabilityException.class);
      assertThatThrownBy(() -> voice.placeCall("+6560000000", "+6561234567", ogg))
          .isInstanceOf(InvalidInputException.class);
      assertThat(simulator.requestCount()).isZero();
    }
  }

  @Test
  @DisplayName(
      "A call-length limit goes out as the Dial's max_duration; one past 86400 seconds is refused"
          + " before sending")
  void callLengthLimit() throws Exception {
    try (HoiioSimulator simulator =
            new HoiioSimulator(HoiioConformanceTest.APP, HoiioConformanceTest.TOKEN);
        VoiceClient voice = connect(simulator)) {
      assertThatThrownBy(
              () ->
                  voice.placeCall(
                      CallRequest.builder()
                          .to("+6561234567")
                          .maxDuration(Duration.ofSeconds(86_401))
                          .flow(CallFlow.of(Say.of("Hi")))
                          .build()))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("call.maxDuration"));
      assertThat(simulator.requestCount()).isZero();
      voice.placeCall(
          CallRequest.builder()
              .to("+6561234567")
              .maxDuration(Duration.ofSeconds(90))
              .flow(CallFlow.of(Say.of("Hi")))
              .build());
      assertThat(simulator.wireLog().get(0).requestBody()).contains("max_duration=90");
    }
  }

  @Test
  @DisplayName(
      "A tag Hoiio would split at a comma or strip of its spaces is refused before sending,"
          + " naming it")
  void commaTags() throws Exception {
    try (HoiioSimulator simulator =
            new HoiioSimulator(HoiioConformanceTest.APP, HoiioConformanceTest.TOKEN);
        VoiceClient voice = connect(simulator)) {
      for (String tag : List.of("vip, gold", " vip", "gold ")) {
        assertThatThrownBy(
                () ->
                    voice.placeCall(
                        CallRequest.builder()
                            .to("+6561234567")
                            .tag("ok")
                            .tag(tag)
                            .flow(CallFlow.of(Say.of("Hi")))
                            .build()))
            .isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("call.tags[1]"));
      }
      assertThat(simulator.requestCount()).isZero();
    }
  }

  private static VoiceClient connect(HoiioSimulator simulator) throws Exception {
    simulator.start();
    return Switchboard.builder()
        .provider(new HoiioProvider())
        .config(
            SwitchboardConfig.of(
                Map.of(
                    HoiioProvider.APP_ID,
                    HoiioConformanceTest.APP,
                    HoiioProvider.ACCESS_TOKEN,
                    HoiioConformanceTest.TOKEN,
                    HoiioProvider.BASE_URL,
                    simulator.baseUrl() + "/open/",
                    SwitchboardConfig.WEBHOOK_BASE_URL,
                    "https://app.example/hooks",
                    SwitchboardConfig.WEBHOOK_SECRET,
                    "limits-test-webhook-secret")))
        .build();
  }

  @Test
  @DisplayName(
      "Record and Monitor cannot follow an End block: in a transfer's on-failure flow they are"
          + " gaps, anywhere else they are not")
  void recordAfterTransfer() {
    CallFlow voicemailWhenNobodyAnswers =
        CallFlow.of(
            Transfer.builder()
                .to("+6562222222")
                .onFailure(
                    Say.of("Nobody is free."),
                    Record.after(Say.of("Leave a message.")),
                    Gather.builder().branch("1", RecordCall.after()).build())
                .build());
    assertThat(provider.verdict(voicemailWhenNobodyAnswers).gaps())
        .extracting(CapabilityGap::path, CapabilityGap::capability)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("verbs[0].onFailure[1]", Capability.RECORD),
            org.assertj.core.groups.Tuple.tuple(
                "verbs[0].onFailure[2].branches[\"1\"][0]", Capability.RECORD_CALL));
    assertThat(provider.verdict(CallFlow.of(Record.after(), RecordCall.after())).gaps()).isEmpty();
  }
}
