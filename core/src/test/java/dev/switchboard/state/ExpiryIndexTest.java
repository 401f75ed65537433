package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExpiryIndexTest {
  private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

  @Test
  @DisplayName("A key filed into a second whose bucket was emptied and dropped is still found")
  void refiledAfterBucketDropped() {
    ExpiryIndex<String> index = new ExpiryIndex<>();
    Instant at = T0.plusMillis(1500);
    index.file("a", null, at);
    index.remove("a", at);
    index.file("b", null, at);
    assertThat(index.takeExpired(T0.plusSeconds(2), 10)).containsExactly("b");
    index.file("c", null, at);
    assertThat(index.takeExpired(T0.plusSeconds(2), 10)).containsExactly("c");
  }

  @Test
  @DisplayName("Whatever is filed, moved and removed, a sweep takes exactly what has expired")
  void matchesModel() {
    Random random = new Random(18);
    ExpiryIndex<Integer> index = new ExpiryIndex<>();
    Map<Integer, Instant> model = new HashMap<>();
    Instant now = T0;
    for (int step = 0; step < 20_000; step++) {
      int key = random.nextInt(500);
      Instant filed = model.get(key);
      switch (random.nextInt(4)) {
        case 0, 1 -> {
          Instant expires = now.plusMillis(random.nextInt(5_000));
          index.file(key, filed, expires);
          model.put(key, expires);
        }
        case 2 -> {
          if (filed != null) {
            index.remove(key, filed);
            model.remove(key);
          }
        }
        default -> {
          now = now.plusMillis(random.nextInt(400));
          Instant at = now;
          List<Integer> taken = index.takeExpired(at, Integer.MAX_VALUE);
          Set<Integer> expected = new HashSet<>();
          // The index works by whole seconds: what expires within the current second waits.
          model.forEach(
              (k, e) -> {
                long second = e.getNano() == 0 ? e.getEpochSecond() : e.getEpochSecond() + 1;
                if (second <= at.getEpochSecond()) {
                  expected.add(k);
                }
              });
          assertThat(taken).as("step %d", step).containsExactlyInAnyOrderElementsOf(expected);
          taken.forEach(model::remove);
        }
      }
    }
  }
}
