package dev.switchboard.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.state.CallbackSubject;
import dev.switchboard.state.InMemoryStateStore;
import dev.switchboard.state.StoredCallbackBindings;
import dev.switchboard.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two replicas sharing one store: the replica that bound a key judges claims on it without reading
 * the store, and must still judge them as the store would.
 */
class StoredCallbackBindingsReplicasTest {
  private static final Duration GRACE = Duration.ofMinutes(15);
  private static final Duration LIFETIME = Duration.ofHours(24);
  private static final CallbackSubject CALL_A = CallbackSubject.call("call-a");
  private static final CallbackSubject CALL_B = CallbackSubject.call("call-b");

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T10:00:00Z"));
  private final InMemoryStateStore shared = new InMemoryStateStore(clock);
  private final StoredCallbackBindings binder = replica();
  private final StoredCallbackBindings other = replica();

  private StoredCallbackBindings replica() {
    return new StoredCallbackBindings(shared, clock, GRACE, LIFETIME, Duration.ofMillis(300));
  }

  @Test
  @DisplayName("A key ended on another replica is refused by the binder once the grace has passed")
  void endedElsewhere() {
    binder.bind("k", CALL_A);
    clock.advance(Duration.ofMinutes(5));
    other.end("k");

    clock.advance(GRACE.minusSeconds(1));
    assertThat(binder.admit("k", CALL_A)).isTrue();
    assertThat(binder.admit("k", CALL_B)).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(binder.admit("k", CALL_A)).isFalse();
    assertThat(other.admit("k", CALL_A)).isFalse();
  }

  @Test
  @DisplayName("A key its binder releases is refused everywhere at once")
  void releasedByBinder() {
    binder.bind("k", CALL_A);
    assertThat(binder.admit("k", CALL_A)).isTrue();

    binder.release("k");

    assertThat(binder.admit("k", CALL_A)).isFalse();
    assertThat(other.admit("k", CALL_A)).isFalse();
  }

  @Test
  @DisplayName("A binding whose lifetime ends within the grace period is refused from then on")
  void lifetimeEnds() {
    StoredCallbackBindings shortLived =
        new StoredCallbackBindings(
            shared, clock, GRACE, Duration.ofMinutes(10), Duration.ofMillis(300));
    shortLived.bind("k", CALL_A);

    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(shortLived.admit("k", CALL_A)).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(shortLived.admit("k", CALL_A)).isFalse();
  }
}
