package dev.switchboard.xoxzo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Capability;
import dev.switchboard.FlowVerdict;
import dev.switchboard.NumberSubscription;
import dev.switchboard.Switchboard;
import dev.switchboard.UnsupportedCapabilityException;
import dev.switchboard.VoiceClient;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.EventLog;
import dev.switchboard.testkit.LoopbackWebhooks;
import dev.switchboard.testkit.Observation;
import dev.switchboard.testkit.ReferenceInterpreter;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.simulator.XoxzoIncomingCall;
import dev.switchboard.testkit.simulator.XoxzoSimulator;
import dev.switchboard.webhook.WebhookRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Incoming calls to a DIN over real loopback HTTP: the simulator GETs the DIN's action URL, the
 * application answers with a flow, and the provider answers Xoxzo with that flow's one action.
 */
class XoxzoIncomingTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CALLER = "+818011112222";

  private final EventLog events = new EventLog();
  private final AtomicReference<CallFlow> answer = new AtomicReference<>();
  private XoxzoSimulator simulator;
  private LoopbackWebhooks webhooks;
  private VoiceClient voice;
  private String din;

  @BeforeEach
  void start() {
    simulator = new XoxzoSimulator(XoxzoConformanceTest.SID, XoxzoConformanceTest.TOKEN);
    simulator.start();
    webhooks = LoopbackWebhooks.start();
    voice =
        webhooks.connect(
            Switchboard.builder()
                .provider(XoxzoProvider.ID)
                .onEvent(events)
                .onIncomingCall(call -> answer.get()),
            Map.of(
                XoxzoProvider.SID,
                XoxzoConformanceTest.SID,
                XoxzoProvider.AUTH_TOKEN,
                XoxzoConformanceTest.TOKEN,
                XoxzoProvider.BASE_URL,
                simulator.baseUrl().toString()));
    NumberSubscription rented =
        voice.numbers().subscribe(voice.numbers().available("JP").get(0).id());
    voice.numbers().route(rented.id(), voice.incomingCallUrl());
    din = rented.number().e164();
  }

  @AfterEach
  void stop() {
    webhooks.close();
    simulator.close();
  }

  static Stream<Arguments> oneActionFlows() {
    return Stream.of(
        Arguments.of(
            CallFlow.of(Play.of("http://www.mysite.com/welcome.mp3")),
            "playback http://www.mysite.com/welcome.mp3"),
        Arguments.of(
            CallFlow.of(Hangup.after(Say.builder("いらっしゃいませ").language("ja-JP").build())),
            "say ja \"いらっしゃいませ\""),
        Arguments.of(CallFlow.of(Say.of("Welcome.")), "say en \"Welcome.\""),
        Arguments.of(CallFlow.of(Transfer.to("+81336042000")), "transfer +81336042000"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("oneActionFlows")
  @DisplayName(
      "A call to the DIN is reported as IncomingCall and answered with the flow's one action,"
          + " which the caller hears as the flow means")
  void answered(CallFlow flow, String action) {
    answer.set(flow);
    XoxzoIncomingCall call = simulator.simulateIncomingCall(CALLER, din);
    assertThat(call.status()).isEqualTo(200);
    assertThat(call.action()).isEqualTo(action);
    assertThat(simulator.awaitTranscript(call.id(), WAIT))
        .isEqualTo(ReferenceInterpreter.run(flow, Callee.answering()));
    assertThat(events.events())
        .singleElement()
        .isInstanceOfSatisfying(
            IncomingCall.class,
            incoming -> {
              assertThat(incoming.providerId()).isEqualTo(XoxzoProvider.ID);
              assertThat(incoming.from()).isEqualTo(CALLER);
              assertThat(incoming.to()).isEqualTo(din);
              assertThat(incoming.callId()).isNotBlank();
            });
  }

  @Test
  @DisplayName(
      "Two calls from one caller to one DIN are byte-identical requests, and still two calls:"
          + " two IncomingCall events, two answers")
  void identicalRequestsAreTwoCalls() {
    answer.set(CallFlow.of(Play.of("http://www.mysite.com/welcome.mp3")));
    XoxzoIncomingCall first = simulator.simulateIncomingCall(CALLER, din);
    XoxzoIncomingCall second = simulator.simulateIncomingCall(CALLER, din);
    List<WebhookRequest> delivered = webhooks.delivered();
    assertThat(delivered).hasSize(2);
    assertThat(delivered.get(1).uri()).isEqualTo(delivered.get(0).uri());
    assertThat(List.of(first.action(), second.action()))
        .containsOnly("playback http://www.mysite.com/welcome.mp3");
    assertThat(simulator.awaitTranscript(second.id(), WAIT).observations())
        .startsWith(new Observation.Played("http://www.mysite.com/welcome.mp3"));
    assertThat(events.events())
        .hasSize(2)
        .allSatisfy(e -> assertThat(e).isInstanceOf(IncomingCall.class))
        .extracting(e -> e.callId())
        .doesNotHaveDuplicates();
  }

  static Stream<Arguments> beyondOneAction() {
    return Stream.of(
        Arguments.of(CallFlow.of(Say.of("One."), Say.of("Two.")), Capability.SEQUENCE),
        Arguments.of(CallFlow.of(Gather.builder().say("Press 1.").build()), Capability.GATHER_DTMF),
        Arguments.of(
            CallFlow.of(Transfer.to("+81336042000", "+81336042001")), Capability.PARALLEL_TRANSFER),
        Arguments.of(
            CallFlow.of(Transfer.builder().to("+81336042000").timeout(20).build()),
            Capability.TRANSFER_TIMEOUT),
        Arguments.of(
            CallFlow.of(Transfer.to("+81336042000"), Say.of("Goodbye.")),
            Capability.CONTINUE_AFTER_BRIDGE),
        Arguments.of(
            CallFlow.of(Say.builder("Hello.").language("en-GB").build()), Capability.SAY_LANGUAGE),
        Arguments.of(CallFlow.of(Hangup.now()), Capability.SAY));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("beyondOneAction")
  @DisplayName(
      "A flow that is more than one DIN action is a gap: the call is reported, answered with no"
          + " action, and refused")
  void refused(CallFlow flow, Capability lacking) {
    FlowVerdict verdict = new XoxzoProvider().incomingVerdict(flow);
    assertThat(verdict.gaps()).extracting(g -> g.capability()).contains(lacking);
    answer.set(flow);
    XoxzoIncomingCall call = simulator.simulateIncomingCall(CALLER, din);
    assertThat(call.status()).isEqualTo(200);
    assertThat(call.action()).isEmpty();
    assertThat(simulator.awaitTranscript(call.id(), WAIT))
        .isEqualTo(Transcript.of(new Observation.Rejected()));
    assertThat(events.count(IncomingCall.class)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "A DIN action's limits: text that fits between quotes on one line, a number without a"
          + " Japanese trunk 0, a recording URL Xoxzo takes")
  void actionLimits() {
    XoxzoProvider provider = new XoxzoProvider();
    assertThat(provider.incomingVerdict(CallFlow.of(Say.of("Say \"cheese\"."))).violations())
        .extracting(v -> v.field())
        .containsExactly("verbs[0].say.text");
    assertThat(provider.incomingVerdict(CallFlow.of(Say.of("One.\nTwo."))).violations())
        .extracting(v -> v.field())
        .containsExactly("verbs[0].say.text");
    assertThat(provider.incomingVerdict(CallFlow.of(Transfer.to("+81080111122"))).violations())
        .extracting(v -> v.field())
        .containsExactly("verbs[0].transfer.to[0]");
    assertThat(
            provider
                .incomingVerdict(CallFlow.of(Play.of("https://www.mysite.com/welcome.mp3")))
                .violations())
        .extracting(v -> v.field())
        .containsExactly("verbs[0].play.url");
    assertThat(provider.verdict(CallFlow.of(Say.of("Say \"cheese\"."))).ok())
        .as("an outbound call's text goes in a form field, not between quotes")
        .isTrue();
  }

  @Test
  @DisplayName("An outbound call still cannot transfer: Xoxzo's playback API has no such verb")
  void outboundTransferRefused() {
    assertThatThrownBy(
            () ->
                voice.placeCall("+818012345678", CALLER, CallFlow.of(Transfer.to("+81336042000"))))
        .isInstanceOfSatisfying(
            UnsupportedCapabilityException.class,
            e ->
                assertThat(e.gaps()).extracting(g -> g.capability()).contains(Capability.TRANSFER));
  }

  @Test
  @DisplayName(
      "The action URL takes only GETs naming caller and recipient: anything else is refused, no"
          + " event")
  void notAnIncomingCall() {
    URI url = voice.incomingCallUrl();
    String signed = url.getRawPath() + "?" + url.getRawQuery();
    assertThat(
            webhooks
                .send(
                    WebhookRequest.builder()
                        .method("GET")
                        .uri(signed + "&caller=" + CALLER)
                        .build())
                .status())
        .isEqualTo(403);
    assertThat(
            webhooks
                .send(
                    WebhookRequest.builder()
                        .method("POST")
                        .uri(signed)
                        .form(Map.of("caller", CALLER, "recipient", din))
                        .build())
                .status())
        .isEqualTo(405);
    assertThat(events.events()).isEmpty();
  }
}
