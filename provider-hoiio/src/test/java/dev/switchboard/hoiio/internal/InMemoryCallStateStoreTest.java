package dev.switchboard.hoiio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Say;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InMemoryCallStateStoreTest {
  /** A clock that moves when told to; provider tests cannot use the testkit's here. */
  private static final class Moving extends Clock {
    private Instant now = Instant.parse("2026-12-05T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  @DisplayName(
      "A call whose notifications never come is forgotten once its lifetime passes since its last"
          + " change")
  void expires() {
    Moving clock = new Moving();
    InMemoryCallStateStore store = new InMemoryCallStateStore(clock);
    CallState state = CallState.start("k", "S-1", CallFlow.of(Say.of("Hi")), "");
    store.put(state);
    clock.advance(InMemoryCallStateStore.LIFETIME.minusSeconds(1));
    assertThat(store.get("k")).hasValue(state);
    assertThat(store.bySession("S-1")).hasValue(state);
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.get("k")).isEmpty();
    assertThat(store.bySession("S-1")).isEmpty();
    assertThat(store.size()).isZero();
  }
}
