package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Call;
import dev.switchboard.CallNotFoundException;
import dev.switchboard.CallStatus;
import dev.switchboard.Capabilities;
import dev.switchboard.Capability;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.UnsupportedCapabilityException;
import dev.switchboard.VoiceClient;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Say;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How an application uses the sandbox in its own tests. */
class SandboxProviderTest {
  private final SandboxProvider sandbox = new SandboxProvider();

  private final List<CallEvent> events = new CopyOnWriteArrayList<>();

  private VoiceClient connect(SandboxProvider provider) {
    return Switchboard.builder()
        .provider(provider)
        .config(SwitchboardConfig.empty())
        .onEvent(events::add)
        .build();
  }

  @Test
  @DisplayName(
      "A placed call runs against the scripted callee; its events reach the listeners and its transcript can be read")
  void scriptedCall() {
    CallFlow flow =
        CallFlow.of(Gather.builder().say("Press 1.").branch("1", Say.of("Thanks.")).build());
    sandbox.scriptNextCall(Callee.builder().presses("1").build());
    try (VoiceClient voice = connect(sandbox)) {
      Call call = voice.placeCall("+15550000000", "+15556667777", flow);
      assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
      assertThat(sandbox.transcript(call.id()).observations())
          .contains(
              new Observation.Gathered("1", ""),
              new Observation.Said("Thanks.", "en-US", "female"));
      assertThat(events)
          .anySatisfy(e -> assertThat(e).isInstanceOf(DigitsGathered.class))
          .last()
          .isInstanceOf(CallEnded.class);
      assertThat(voice.getCall(call.id()).status()).isEqualTo(CallStatus.COMPLETED);
      assertThat(voice.listCalls()).extracting(Call::id).containsExactly(call.id());
    }
  }

  @Test
  @DisplayName("A busy callee gives a busy call and hears nothing")
  void busy() {
    sandbox.scriptNextCall(Callee.builder().pickup(Callee.Pickup.BUSY).build());
    try (VoiceClient voice = connect(sandbox)) {
      Call call = voice.placeCall("+15550000000", "+15556667777", CallFlow.of(Say.of("Hi")));
      assertThat(call.status()).isEqualTo(CallStatus.BUSY);
    }
  }

  @Test
  @DisplayName("A limited sandbox refuses what it lacks, so an application can test its fallbacks")
  void limited() {
    SandboxProvider limited =
        new SandboxProvider(Capabilities.of(Capability.OUTBOUND_CALL, Capability.SAY));
    try (VoiceClient voice = connect(limited)) {
      assertThatThrownBy(
              () ->
                  voice.placeCall(
                      "+15550000000", "+15556667777", CallFlow.of(Say.of("a"), Pause.of(1))))
          .isInstanceOf(UnsupportedCapabilityException.class);
      assertThat(limited.callCount()).isZero();
    }
  }

  @Test
  @DisplayName("An unknown call id is reported as not found")
  void unknownCall() {
    assertThatThrownBy(() -> sandbox.transcript("nope")).isInstanceOf(CallNotFoundException.class);
  }

  @Test
  @DisplayName("The sandbox is not registered for discovery, so it never makes discovery ambiguous")
  void notDiscoverable() {
    assertThat(ServiceLoader.load(dev.switchboard.spi.VoiceProvider.class).stream())
        .noneMatch(p -> p.type().equals(SandboxProvider.class));
  }
}
