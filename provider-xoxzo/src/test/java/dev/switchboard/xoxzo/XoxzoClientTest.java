package dev.switchboard.xoxzo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.AuthenticationException;
import dev.switchboard.Call;
import dev.switchboard.CallNotFoundException;
import dev.switchboard.CallRequest;
import dev.switchboard.CallStatus;
import dev.switchboard.ConferenceDialOut;
import dev.switchboard.DialedConference;
import dev.switchboard.InvalidInputException;
import dev.switchboard.LiveConference;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.UnsupportedCapabilityException;
import dev.switchboard.Violation;
import dev.switchboard.VoiceClient;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Say;
import dev.switchboard.provider.support.HttpTimeouts;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.Observation;
import dev.switchboard.testkit.junit.SimulatedVendor;
import dev.switchboard.testkit.junit.SimulatedVoice;
import dev.switchboard.testkit.simulator.XoxzoSimulator;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.xoxzo.internal.XoxzoApi;
import dev.switchboard.xoxzo.internal.XoxzoTestAccess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The provider end to end over loopback HTTP against the Xoxzo simulator. */
@SimulatedVendor("xoxzo")
class XoxzoClientTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private SimulatedVoice voice;
  private XoxzoSimulator simulator;
  private final AtomicInteger deliveries = new AtomicInteger();

  /** How many deliveries the application "loses" (answers 500) before answering 200. */
  private final AtomicInteger lose = new AtomicInteger();

  private final List<CallEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start(SimulatedVoice voice) {
    this.voice = voice;
    this.simulator = voice.simulator(XoxzoSimulator.class);
    voice.afterWebhook(
        response -> {
          deliveries.incrementAndGet();
          return lose.getAndDecrement() > 0 ? WebhookResponse.serverError() : response;
        });
    voice.connect(builder -> builder.onEvent(events::add));
  }

  /** A client of its own with {@code token} instead of the one the simulator accepts. */
  private VoiceClient connect(String token) {
    return Switchboard.builder()
        .provider(XoxzoProvider.ID)
        .config(
            voice
                .config()
                .withOverrides(SwitchboardConfig.of(Map.of(XoxzoProvider.AUTH_TOKEN, token))))
        .build();
  }

  private String credential(String key) {
    return voice.config().get(key).orElseThrow();
  }

  private Call place(CallFlow flow) {
    return voice.client().placeCall("+818012345678", "+818011112222", flow);
  }

  @Nested
  @DisplayName("Calls")
  class Calls {
    @Test
    @DisplayName("A reminder by text-to-speech is spoken, reported as ended, and readable by id")
    void tts() {
      Call call =
          place(CallFlow.of(Say.builder("明日は十時に予約があります。").language("ja-JP").build(), Hangup.now()));
      assertThat(simulator.awaitTranscript(call.id(), WAIT).observations())
          .containsExactly(
              new Observation.Said("明日は十時に予約があります。", "ja-JP", "female"),
              new Observation.HungUp("flow"));
      assertThat(voice.client().getCall(call.id()).status()).isEqualTo(CallStatus.COMPLETED);
      assertThat(events).singleElement().isInstanceOf(CallEnded.class);
    }

    @Test
    @DisplayName("Tags are sent and read back with the call")
    void tags() {
      Call call =
          voice
              .client()
              .placeCall(
                  CallRequest.builder()
                      .from("+818012345678")
                      .to("+818011112222")
                      .tag("reminder")
                      .tag("march")
                      .flow(CallFlow.of(Play.of("http://www.mysite.com/123.mp3")))
                      .build());
      simulator.awaitTranscript(call.id(), WAIT);
      assertThat(voice.client().getCall(call.id()).tags()).containsExactly("reminder", "march");
    }

    @Test
    @DisplayName("A callback redelivered ten times until answered 200 yields one event")
    void redelivered() {
      lose.set(9);
      Call call = place(CallFlow.of(Play.of("http://www.mysite.com/123.mp3")));
      simulator.awaitTranscript(call.id(), WAIT);
      assertThat(deliveries).hasValue(10);
      assertThat(events)
          .singleElement()
          .isInstanceOfSatisfying(
              CallEnded.class, e -> assertThat(e.callId()).isEqualTo(call.id()));
    }

    @Test
    @DisplayName("A call's callback URL cannot report another call, nor arrive on another path")
    void forgedCallback() {
      Call call = place(CallFlow.of(Play.of("http://www.mysite.com/123.mp3")));
      simulator.awaitTranscript(call.id(), WAIT);
      String create =
          simulator.wireLog().stream()
              .filter(w -> w.uri().getPath().equals("/voice/simple/playbacks/"))
              .findFirst()
              .orElseThrow()
              .requestBody();
      String callback =
          java.net.URLDecoder.decode(
              create.replaceAll(".*callbackurl=([^&]*).*", "$1"),
              java.nio.charset.StandardCharsets.UTF_8);
      java.net.URI url = java.net.URI.create(callback);
      dev.switchboard.webhook.WebhookRequest forged =
          dev.switchboard.webhook.WebhookRequest.builder()
              .uri(url.getRawPath() + "?" + url.getRawQuery())
              .form(Map.of("callid", "someone-else", "status", "ANSWERED"))
              .build();
      assertThat(voice.client().handleWebhook(forged).response().status()).isEqualTo(403);
      assertThat(events).hasSize(1);
    }

    @Test
    @DisplayName("A busy callee ends the call as failed, and an unanswered one as no answer")
    void unanswered() {
      simulator.scriptNextCall(Callee.builder().pickup(Callee.Pickup.BUSY).build());
      Call busy = place(CallFlow.of(Say.of("Hi")));
      simulator.awaitTranscript(busy.id(), WAIT);
      simulator.scriptNextCall(Callee.builder().pickup(Callee.Pickup.NO_ANSWER).build());
      Call silent = place(CallFlow.of(Say.of("Hi")));
      simulator.awaitTranscript(silent.id(), WAIT);
      assertThat(events)
          .extracting(e -> ((CallEnded) e).status())
          .containsExactly(CallStatus.FAILED, CallStatus.NO_ANSWER);
    }
  }

  @Nested
  @DisplayName("Refusals and errors")
  class Errors {
    @Test
    @DisplayName(
        "More than one message, a gather, https audio or a missing caller never reach Xoxzo")
    void refusedBeforeSending() {
      assertThatThrownBy(() -> place(CallFlow.of(Say.of("One."), Say.of("Two."))))
          .isInstanceOf(UnsupportedCapabilityException.class)
          .hasMessageContaining("verbs[1] say: more than one message in a call");
      assertThatThrownBy(() -> place(CallFlow.of(Gather.builder().build())))
          .isInstanceOf(UnsupportedCapabilityException.class)
          .hasMessageContaining("gather keys");
      assertThatThrownBy(() -> place(CallFlow.of(Play.of("https://www.mysite.com/123.mp3"))))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("verbs[0].play.url"));
      assertThatThrownBy(
              () ->
                  voice
                      .client()
                      .placeCall(
                          CallRequest.builder()
                              .to("+818011112222")
                              .flow(CallFlow.of(Say.of("Hi")))
                              .build()))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("call.from"));
      assertThat(simulator.requestCount()).isZero();
    }

    @Test
    @DisplayName("A 400 with several field errors becomes one error listing each field and message")
    void fieldErrors() {
      XoxzoApi api =
          new XoxzoApi(
              HttpUrl.get(simulator.baseUrl() + "/"),
              credential(XoxzoProvider.SID),
              credential(XoxzoProvider.AUTH_TOKEN),
              HttpTimeouts.all(Duration.ofSeconds(5)));
      assertThatThrownBy(
              () -> XoxzoTestAccess.create(api, Map.of("recipient", "0801234", "tts_lang", " ")))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.vendorCode()).hasValue("400");
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .contains("caller", "recipient", "tts_message", "tts_lang");
                assertThat(e.violations())
                    .filteredOn(v -> v.field().equals("caller"))
                    .extracting(Violation::rule)
                    .containsExactly("This field is required.");
              });
    }

    @Test
    @DisplayName("A wrong token is an authentication error that does not show it")
    void wrongToken() {
      VoiceClient wrong = connect("wrong-token-canary");
      try {
        assertThatThrownBy(
                () -> wrong.placeCall("+818012345678", "+818011112222", CallFlow.of(Say.of("Hi"))))
            .isInstanceOfSatisfying(
                AuthenticationException.class,
                e -> {
                  assertThat(e.vendorCode()).hasValue("401");
                  assertThat(e.getMessage()).doesNotContain("wrong-token-canary");
                });
      } finally {
        wrong.close();
      }
    }

    @Test
    @DisplayName("An unknown call id is not found")
    void notFound() {
      assertThatThrownBy(() -> voice.client().getCall("no-such-call"))
          .isInstanceOfSatisfying(
              CallNotFoundException.class, e -> assertThat(e.vendorCode()).hasValue("404"));
    }
  }

  @Nested
  @DisplayName("Simple conference")
  class Conferences {
    private ConferenceDialOut.Builder request() {
      return ConferenceDialOut.builder().from("+818012345678").language("en-US");
    }

    @Test
    @DisplayName(
        "One participant is refused by the model, four by the provider, both before sending")
    void outOfRange() {
      assertThatThrownBy(() -> request().participant("+818011111111").build())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("conference.participants"));
      assertThatThrownBy(
              () ->
                  voice
                      .client()
                      .conferences()
                      .dialOut(
                          request()
                              .participant(
                                  "+818011111111",
                                  "+818022222222",
                                  "+818033333333",
                                  "+818044444444")
                              .build()))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.rule()).contains("2 or 3 participants"));
      assertThat(simulator.requestCount()).isZero();
    }

    @Test
    @DisplayName(
        "A dialled-out conference's status is read by its id: active until its last leg ends")
    void status() {
      simulator.holdCalls();
      DialedConference dialed =
          voice
              .client()
              .conferences()
              .dialOut(request().participant("+818011111111", "+818022222222").build());
      assertThat(voice.client().conferences().get(dialed.id()))
          .isEqualTo(new LiveConference(dialed.id(), XoxzoProvider.ID, dialed.id(), true));
      simulator.releaseCalls();
      for (Call leg : dialed.legs()) {
        simulator.awaitTranscript(leg.id(), WAIT);
      }
      assertThat(voice.client().conferences().get(dialed.id()))
          .isEqualTo(new LiveConference(dialed.id(), XoxzoProvider.ID, dialed.id(), false));
    }

    @Test
    @DisplayName("An unknown conference is not found; a blank id is refused before sending")
    void unknownConference() {
      assertThatThrownBy(() -> voice.client().conferences().get("no-such-conference"))
          .isInstanceOfSatisfying(
              CallNotFoundException.class, e -> assertThat(e.vendorCode()).hasValue("404"));
      int before = simulator.requestCount();
      assertThatThrownBy(() -> voice.client().conferences().get(" "))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("conferenceId"));
      assertThat(simulator.requestCount()).isEqualTo(before);
    }

    @Test
    @DisplayName("Two and three participants are each called and joined")
    void twoAndThree() {
      DialedConference two =
          voice
              .client()
              .conferences()
              .dialOut(request().participant("+818011111111", "+818022222222").build());
      assertThat(two.legs()).hasSize(2);
      DialedConference three =
          voice
              .client()
              .conferences()
              .dialOut(
                  request().participant("+818011111111", "+818022222222", "+818033333333").build());
      assertThat(three.legs()).hasSize(3);
      for (Call leg : three.legs()) {
        assertThat(simulator.awaitTranscript(leg.id(), WAIT).observations())
            .contains(new Observation.JoinedConference(three.id()));
      }
    }
  }
}
