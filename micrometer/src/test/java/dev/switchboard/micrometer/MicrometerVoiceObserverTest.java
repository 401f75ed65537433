package dev.switchboard.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.VoiceObserver;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.IncomingCall;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MicrometerVoiceObserverTest {
  private final MeterRegistry meters = new SimpleMeterRegistry();
  private final ObservationRegistry observations = ObservationRegistry.create();
  private final MicrometerVoiceObserver observer;

  MicrometerVoiceObserverTest() {
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    observer = new MicrometerVoiceObserver(observations, meters);
  }

  @Test
  @DisplayName("An operation becomes a timer tagged with its provider, extra tags and outcome")
  void operations() {
    observer
        .begin(VoiceObserver.WEBHOOK, Map.of("provider", "hoiio"))
        .end("accepted", Map.of("endpoint", "/hoiio/notify"));
    observer.begin(VoiceObserver.WEBHOOK, Map.of("provider", "hoiio")).end("refused", Map.of());
    assertThat(
            meters
                .get("switchboard.webhook")
                .tags("provider", "hoiio", "endpoint", "/hoiio/notify", "outcome", "accepted")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(meters.get("switchboard.webhook").tag("outcome", "refused").timer().count())
        .isEqualTo(1);
  }

  @Test
  @DisplayName(
      "Events are counted by provider and type; calls in flight go up when placed or received and"
          + " down when they end")
  void eventsAndCallsInFlight() {
    observer.begin(VoiceObserver.CALL_PLACE, Map.of("provider", "hoiio")).end("placed");
    observer.delivered(
        "hoiio", new IncomingCall("hoiio", "S-2", Instant.EPOCH, "+65", "+65", Map.of()));
    assertThat(meters.get("switchboard.calls.in.flight").tag("provider", "hoiio").gauge().value())
        .isEqualTo(2);
    observer.delivered(
        "hoiio",
        new CallEnded(
            "hoiio",
            "S-2",
            Instant.EPOCH,
            dev.switchboard.CallStatus.COMPLETED,
            Optional.empty(),
            Optional.empty(),
            Map.of()));
    assertThat(meters.get("switchboard.calls.in.flight").tag("provider", "hoiio").gauge().value())
        .isEqualTo(1);
    assertThat(meters.get("switchboard.events").tag("type", "CallEnded").counter().count())
        .isEqualTo(1);
  }
}
