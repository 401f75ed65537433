package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EpochNanosTest {
  @Test
  @DisplayName("An instant keeps its every nanosecond, and one past the year 2262 saturates")
  void ofInstant() {
    Instant at = Instant.parse("2026-12-05T10:00:00.123456789Z");
    assertThat(EpochNanos.of(at)).isEqualTo(at.getEpochSecond() * 1_000_000_000L + 123_456_789L);
    assertThat(EpochNanos.of(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
    assertThat(EpochNanos.of(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  @DisplayName("A time to live too long to add saturates to never, instead of wrapping to the past")
  void plusSaturates() {
    long now = EpochNanos.of(Instant.parse("2026-12-05T10:00:00Z"));
    assertThat(EpochNanos.plus(now, Duration.ofSeconds(20))).isEqualTo(now + 20_000_000_000L);
    assertThat(EpochNanos.plus(now, Duration.ofDays(365L * 1_000))).isEqualTo(Long.MAX_VALUE);
    assertThat(EpochNanos.plus(now, Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)))
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  @DisplayName("Times round to a unit as the expiry index needs: up for an expiry, down for now")
  void units() {
    long second = 1_000_000_000L;
    assertThat(EpochNanos.ceil(1_000_000_000L, second)).isEqualTo(1);
    assertThat(EpochNanos.ceil(1_000_000_001L, second)).isEqualTo(2);
    assertThat(EpochNanos.ceil(-1L, second)).isEqualTo(0);
    assertThat(EpochNanos.floor(1_999_999_999L, second)).isEqualTo(1);
    assertThat(EpochNanos.floor(-1L, second)).isEqualTo(-1);
    assertThat(EpochNanos.ceil(Long.MAX_VALUE, second)).isEqualTo(Long.MAX_VALUE / second + 1);
    assertThat(EpochNanos.ceil(250_000_001L, 125_000_000L)).isEqualTo(3);
  }
}
