package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Say;
import dev.switchboard.testing.RecordingProvider;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VoiceClientTest {
  private static final SwitchboardConfig CONFIG =
      SwitchboardConfig.of(Map.of(RecordingProvider.TOKEN_KEY, "token"));

  private static RecordingProvider providerWithout(Capability... missing) {
    EnumSet<Capability> caps = EnumSet.allOf(Capability.class);
    List.of(missing).forEach(caps::remove);
    return new RecordingProvider("limited", Capabilities.of(caps));
  }

  private static VoiceClient client(RecordingProvider provider) {
    return Switchboard.builder().provider(provider).config(CONFIG).build();
  }

  @Nested
  @DisplayName("Refusing before sending")
  class Refusing {
    @Test
    @DisplayName("A flow with an undeclared verb is refused whole, and the provider is never asked")
    void undeclaredVerb() {
      RecordingProvider provider = providerWithout(Capability.PAUSE);
      try (VoiceClient voice = client(provider)) {
        CallFlow flow = CallFlow.of(Say.of("hi"), Pause.of(2));
        assertThatThrownBy(() -> voice.placeCall("+15550000000", "+15556667777", flow))
            .isInstanceOfSatisfying(
                UnsupportedCapabilityException.class,
                e -> {
                  assertThat(e.providerId()).hasValue("limited");
                  assertThat(e.gaps())
                      .extracting(CapabilityGap::toString)
                      .containsExactly("verbs[1] pause: pause");
                });
        assertThat(provider.placed).isEmpty();
      }
    }

    @Test
    @DisplayName("Operation gaps and flow gaps are reported together")
    void operationAndFlowGaps() {
      RecordingProvider provider =
          providerWithout(Capability.CALLER_ID, Capability.TAGS, Capability.PAUSE);
      try (VoiceClient voice = client(provider)) {
        CallRequest request =
            CallRequest.builder()
                .from("+15550000000")
                .to("+15556667777")
                .tag("reminder")
                .flow(CallFlow.of(Pause.of(1)))
                .build();
        assertThatThrownBy(() -> voice.placeCall(request))
            .isInstanceOfSatisfying(
                UnsupportedCapabilityException.class,
                e ->
                    assertThat(e.gaps())
                        .extracting(CapabilityGap::capability)
                        .containsExactly(Capability.CALLER_ID, Capability.TAGS, Capability.PAUSE));
        assertThat(provider.placed).isEmpty();
      }
    }

    @Test
    @DisplayName("Live-call operations the provider lacks are refused with the capability named")
    void liveOperations() {
      RecordingProvider provider =
          providerWithout(
              Capability.CALL_STATUS,
              Capability.CALL_LIST,
              Capability.HANGUP_CALL,
              Capability.MODIFY_CALL,
              Capability.HOLD,
              Capability.CONFERENCE_STATUS,
              Capability.NUMBER_MANAGEMENT);
      try (VoiceClient voice = client(provider)) {
        assertThatThrownBy(() -> voice.getCall("c1")).hasMessageContaining("call status");
        assertThatThrownBy(voice::listCalls).hasMessageContaining("call list");
        assertThatThrownBy(() -> voice.hangup("c1")).hasMessageContaining("hang up a live call");
        assertThatThrownBy(() -> voice.modifyCall("c1", CallFlow.of(Say.of("hi"))))
            .hasMessageContaining("modify a live call");
        assertThatThrownBy(() -> voice.hold("c1")).hasMessageContaining("hold");
        assertThatThrownBy(() -> voice.unhold("c1")).hasMessageContaining("hold");
        assertThatThrownBy(() -> voice.conferences().get("f1"))
            .hasMessageContaining("conference status");
        assertThatThrownBy(() -> voice.numbers().subscriptions())
            .hasMessageContaining("manage incoming numbers");
        assertThatThrownBy(() -> voice.numbers().route("s1", URI.create("https://app.example/in")))
            .hasMessageContaining("manage incoming numbers");
      }
    }

    @Test
    @DisplayName(
        "An outbound call whose flow rejects is refused: only incoming calls can be rejected")
    void outboundReject() {
      RecordingProvider provider = new RecordingProvider();
      try (VoiceClient voice = client(provider)) {
        assertThatThrownBy(
                () ->
                    voice.placeCall(
                        "+15550000000",
                        "+15556667777",
                        CallFlow.of(new dev.switchboard.flow.Reject())))
            .isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("verbs[0]"));
        assertThat(provider.placed).isEmpty();
      }
    }

    @ParameterizedTest(name = "id [{0}]")
    @ValueSource(strings = {"", " ", ".", "..", "a/b", "a?b", "a#b", "a b", "a\nb", "%2e%2e"})
    @DisplayName(
        "An id that would change the request's path is refused before sending, naming the field")
    void pathChangingIds(String id) {
      RecordingProvider provider = new RecordingProvider();
      try (VoiceClient voice = client(provider)) {
        for (Runnable operation :
            List.<Runnable>of(
                () -> voice.getCall(id),
                () -> voice.hangup(id),
                () -> voice.modifyCall(id, CallFlow.of(Say.of("hi"))),
                () -> voice.conferences().end(id),
                () -> voice.conferences().mute("f1", id, true))) {
          assertThatThrownBy(operation::run)
              .isInstanceOfSatisfying(
                  InvalidInputException.class,
                  e -> assertThat(e.field()).isIn("callId", "conferenceId", "participantId"));
        }
        assertThatThrownBy(() -> voice.hangup(null))
            .isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("callId"));
        assertThatThrownBy(() -> voice.placeCall(null))
            .isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("call"));
      }
    }

    @Test
    @DisplayName("A call-length limit is refused where the provider has none, and must be seconds")
    void maxDuration() {
      RecordingProvider provider = providerWithout(Capability.CALL_DURATION_LIMIT);
      try (VoiceClient voice = client(provider)) {
        CallRequest request =
            CallRequest.builder()
                .to("+15556667777")
                .maxDuration(java.time.Duration.ofMinutes(5))
                .flow(CallFlow.of(Say.of("hi")))
                .build();
        assertThatThrownBy(() -> voice.placeCall(request))
            .isInstanceOfSatisfying(
                UnsupportedCapabilityException.class,
                e ->
                    assertThat(e.gaps())
                        .extracting(CapabilityGap::capability)
                        .containsExactly(Capability.CALL_DURATION_LIMIT));
        assertThat(provider.placed).isEmpty();
      }
      for (java.time.Duration bad :
          List.of(
              java.time.Duration.ZERO,
              java.time.Duration.ofSeconds(-1),
              java.time.Duration.ofMillis(1500))) {
        assertThatThrownBy(
                () ->
                    CallRequest.builder()
                        .to("+15556667777")
                        .maxDuration(bad)
                        .flow(CallFlow.of(Say.of("hi")))
                        .build())
            .as(bad.toString())
            .isInstanceOfSatisfying(
                InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("call.maxDuration"));
      }
    }

    @Test
    @DisplayName("An invalid number is refused when the request is built, before any client exists")
    void invalidNumber() {
      assertThatThrownBy(() -> CallRequest.builder().to("5556667777"))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("call.to"));
    }
  }

  @Test
  @DisplayName("A flow the provider can run is passed on unchanged")
  void placesCall() {
    RecordingProvider provider = new RecordingProvider();
    try (VoiceClient voice = client(provider)) {
      CallFlow flow = CallFlow.of(Say.of("hello"));
      Call call = voice.placeCall("+15550000000", "+15556667777", flow);
      assertThat(call.id()).isEqualTo("call-1");
      assertThat(provider.placed)
          .singleElement()
          .satisfies(r -> assertThat(r.flow()).isEqualTo(flow));
      assertThat(voice.providerId()).isEqualTo("recording");
      assertThat(voice.verdict(flow).gaps()).isEmpty();
    }
  }

  @Test
  @DisplayName("Events a provider learns outside webhooks, e.g. by polling, reach every listener")
  void eventSink() {
    RecordingProvider provider = new RecordingProvider();
    java.util.List<dev.switchboard.event.CallEvent> events = new java.util.ArrayList<>();
    try (VoiceClient voice =
        Switchboard.builder().provider(provider).config(CONFIG).onEvent(events::add).build()) {
      dev.switchboard.event.CallEvent ended =
          new dev.switchboard.event.CallEnded(
              "recording",
              "c1",
              java.time.Instant.EPOCH,
              CallStatus.COMPLETED,
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              Map.of());
      provider.eventSink.accept(ended);
      assertThat(events).containsExactly(ended);
    }
  }

  @Test
  @DisplayName("Asking for the incoming-call URL without webhook configuration says what to set")
  void incomingUrlNeedsConfig() {
    try (VoiceClient voice = client(new RecordingProvider())) {
      assertThatThrownBy(voice::incomingCallUrl)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(SwitchboardConfig.WEBHOOK_BASE_URL);
    }
  }
}
