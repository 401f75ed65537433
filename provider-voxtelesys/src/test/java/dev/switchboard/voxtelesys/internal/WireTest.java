package dev.switchboard.voxtelesys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WireTest {
  private static final Instant FALLBACK = Instant.EPOCH;

  @Test
  @DisplayName("A time reads as Instant.parse reads it, and falls back where Instant.parse fails")
  void timesAsInstantParse() {
    List<String> texts =
        List.of(
            "2021-08-30T20:49:35Z",
            "2021-07-27T19:02:19.979Z",
            "2024-02-29T23:59:59Z",
            "2023-02-29T10:00:00Z",
            "2021-13-01T00:00:00Z",
            "2021-08-30T24:00:00Z",
            "2016-12-31T23:59:60Z",
            "2021-08-30T20:49:35.5Z",
            "2021-08-30T20:49:35.123456Z",
            "2021-08-30T20:49:35+02:00",
            "2018-01-05T16:01:03Z06:00",
            "2021-08-30 20:49:35Z",
            "2021-08-3OT20:49:35Z",
            "+2021-08-30T20:49:35Z",
            "not a time");
    for (String text : texts) {
      Instant expected;
      try {
        expected = Instant.parse(text);
      } catch (DateTimeParseException e) {
        expected = FALLBACK;
      }
      assertThat(Wire.time(text, FALLBACK)).as(text).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("An empty time falls back")
  void emptyFallsBack() {
    assertThat(Wire.time("", FALLBACK)).isEqualTo(FALLBACK);
  }
}
