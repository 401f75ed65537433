package dev.switchboard.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.state.CallbackSubject;
import dev.switchboard.state.InMemoryCallbackBindings;
import dev.switchboard.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Expired bindings leave memory as later writes go by, without anything scanning them all. */
class InMemoryCallbackBindingsSweepTest {
  private static final Duration GRACE = Duration.ofSeconds(20);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T10:00:00.500Z"));
  private final InMemoryCallbackBindings bindings =
      new InMemoryCallbackBindings(clock, GRACE, Duration.ofHours(24), Duration.ofMillis(300));

  @Test
  @DisplayName("Ended calls' bindings are gone a grace period after their end; live ones stay")
  void endedCallsLeave() {
    for (int i = 0; i < 300; i++) {
      bindings.bindNew("ended-" + i, CallbackSubject.call("ended-" + i));
      bindings.end("ended-" + i);
    }
    bindings.bind("live", CallbackSubject.call("live"));
    clock.advance(GRACE.plusSeconds(1));

    for (int i = 0; i < 10; i++) {
      bindings.bindNew("new-" + i, CallbackSubject.call("new-" + i));
    }

    assertThat(bindings.size()).isEqualTo(11);
    assertThat(bindings.admit("live", CallbackSubject.call("live"))).isTrue();
    assertThat(bindings.admit("ended-0", CallbackSubject.call("ended-0"))).isFalse();
    assertThat(bindings.bindNew("again", CallbackSubject.call("ended-0"))).isTrue();
  }

  @Test
  @DisplayName("A key ended after it was first filed leaves at its grace, not at its lifetime")
  void refiledOnEnd() {
    bindings.bind("k", CallbackSubject.call("a"));
    clock.advance(Duration.ofHours(1));
    bindings.end("k");
    clock.advance(GRACE.plusSeconds(1));

    bindings.bind("other", CallbackSubject.call("b"));

    assertThat(bindings.size()).isEqualTo(1);
  }
}
