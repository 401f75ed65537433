package dev.switchboard.micrometer;

import dev.switchboard.VoiceObserver;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.IncomingCall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Switchboard's operations as Micrometer observations, and its events as meters:
 *
 * <ul>
 *   <li>{@code switchboard.call.place}, {@code switchboard.webhook}, {@code
 *       switchboard.vendor.request}: one observation each time, with the tags {@link VoiceObserver}
 *       names and {@code outcome}; with a meter handler on the registry (as Spring Boot sets up),
 *       timers of the same names, and spans with a tracing bridge;
 *   <li>{@code switchboard.events}: a counter by {@code provider} and event {@code type};
 *   <li>{@code switchboard.calls.in.flight}: a gauge by {@code provider}, calls placed or received
 *       and not yet ended, as this instance has seen them.
 * </ul>
 *
 * Every tag is of low cardinality: never a number, an id, a URL's query or a secret.
 */
public final class MicrometerVoiceObserver implements VoiceObserver {
  private final ObservationRegistry observations;
  private final MeterRegistry meters;
  private final Map<String, AtomicLong> inFlight = new ConcurrentHashMap<>();

  public MicrometerVoiceObserver(ObservationRegistry observations, MeterRegistry meters) {
    this.observations = observations;
    this.meters = meters;
  }

  @Override
  public Step begin(String operation, Map<String, String> tags) {
    Observation observation = Observation.createNotStarted(operation, observations);
    tags.forEach(observation::lowCardinalityKeyValue);
    observation.start();
    String provider = tags.getOrDefault("provider", "");
    return (outcome, more) -> {
      more.forEach(observation::lowCardinalityKeyValue);
      observation.lowCardinalityKeyValue("outcome", outcome);
      observation.stop();
      if (operation.equals(CALL_PLACE) && outcome.equals("placed")) {
        calls(provider).incrementAndGet();
      }
    };
  }

  @Override
  public void delivered(String providerId, CallEvent event) {
    Counter.builder("switchboard.events")
        .description("events delivered to the application")
        .tag("provider", providerId)
        .tag("type", event.getClass().getSimpleName())
        .register(meters)
        .increment();
    if (event instanceof IncomingCall) {
      calls(providerId).incrementAndGet();
    } else if (event instanceof CallEnded) {
      calls(providerId).updateAndGet(n -> Math.max(0, n - 1));
    }
  }

  private AtomicLong calls(String providerId) {
    return inFlight.computeIfAbsent(
        providerId,
        id -> {
          AtomicLong calls = new AtomicLong();
          Gauge.builder("switchboard.calls.in.flight", calls, AtomicLong::get)
              .description("calls placed or received and not yet ended, seen by this instance")
              .tag("provider", id)
              .register(meters);
          return calls;
        });
  }
}
