package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClaimTableTest {
  @Test
  @DisplayName(
      "Whatever is claimed, unclaimed and left to expire, the table answers as a map of expiries"
          + " would, through growing, reused and rebuilt slots")
  void matchesModel() {
    Random random = new Random(7);
    ClaimTable table = new ClaimTable();
    Map<String, Long> model = new HashMap<>();
    long now = 1_000;
    for (int step = 0; step < 200_000; step++) {
      now += random.nextInt(3);
      String identity = "delivery:" + random.nextInt(5_000);
      if (random.nextInt(10) == 0) {
        table.unclaim(identity);
        model.remove(identity);
      } else {
        long expires = now + 1 + random.nextInt(400);
        Long before = model.get(identity);
        boolean first = before == null || now >= before;
        assertThat(table.claim(identity, now, expires)).as("step %d, claim", step).isEqualTo(first);
        if (first) {
          model.put(identity, expires);
        }
      }
      if (step % 1_000 == 0) {
        long at = now;
        assertThat(table.count(now))
            .as("step %d, count", step)
            .isEqualTo((int) model.values().stream().filter(e -> at < e).count());
      }
    }
  }

  @Test
  @DisplayName("Expired claims leave no trace: the table stays a few times what lives at once")
  void holdsOnlyWhatLives() {
    ClaimTable table = new ClaimTable();
    int peak = 0;
    for (int i = 0; i < 300_000; i++) {
      // A claim a tick, each for 1,000 ticks: about 1,000 live at any time.
      assertThat(table.claim("call-" + i, i, i + 1_000L)).isTrue();
      peak = Math.max(peak, table.capacity());
    }
    assertThat(table.count(300_000)).isEqualTo(999);
    // Each of 16 stripes holds about 63 live claims, in at most 3 × 2 × 63 slots, rounded up to a
    // power of two: 256; 300,000 claims kept would need 1,000 times that.
    assertThat(peak).isLessThanOrEqualTo(16 * 512);
  }

  @Test
  @DisplayName("An unclaimed identity can be claimed again at once; others keep their claims")
  void unclaimForgetsOnlyItsIdentity() {
    ClaimTable table = new ClaimTable();
    assertThat(table.claim("a", 0, 100)).isTrue();
    assertThat(table.claim("b", 0, 100)).isTrue();
    table.unclaim("a");
    table.unclaim("never claimed");
    assertThat(table.claim("b", 1, 100)).isFalse();
    assertThat(table.claim("a", 1, 100)).isTrue();
    assertThat(table.claim("a", 2, 100)).isFalse();
    assertThat(table.count(2)).isEqualTo(2);
  }
}
