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
  @DisplayName("A key filed into a slot whose bucket was emptied and dropped is still found")
  void refiledAfterBucketDropped() {
    ExpiryIndex<String> index = new ExpiryIndex<>();
    Instant at = T0.plusMillis(1500);
    index.file("a", nanos(at));
    index.remove("a", nanos(at));
    index.file("b", nanos(at));
    assertThat(index.takeExpired(nanos(T0.plusSeconds(2)), 10)).containsExactly("b");
    index.file("c", nanos(at));
    assertThat(index.takeExpired(nanos(T0.plusSeconds(2)), 10)).containsExactly("c");
  }

  @Test
  @DisplayName(
      "A key filed into a slot whose bucket a sweep dropped, after another slot was filed into, is"
          + " still found")
  void refiledAfterSweptBucket() {
    ExpiryIndex<String> index = new ExpiryIndex<>();
    Instant early = T0.plusMillis(1500);
    index.file("a", nanos(early));
    index.file("b", nanos(T0.plusSeconds(60)));
    assertThat(index.takeExpired(nanos(T0.plusSeconds(2)), 10)).containsExactly("a");
    index.file("c", nanos(early));
    assertThat(index.takeExpired(nanos(T0.plusSeconds(2)), 10)).containsExactly("c");
  }

  @Test
  @DisplayName(
      "A time rounds up to the end of its slot, one on a slot's end stays, never stays never")
  void slotEnd() {
    assertThat(ExpiryIndex.slotEnd(1)).isEqualTo(ExpiryIndex.SLOT_NANOS);
    assertThat(ExpiryIndex.slotEnd(ExpiryIndex.SLOT_NANOS)).isEqualTo(ExpiryIndex.SLOT_NANOS);
    assertThat(ExpiryIndex.slotEnd(ExpiryIndex.SLOT_NANOS + 1))
        .isEqualTo(2 * ExpiryIndex.SLOT_NANOS);
    assertThat(ExpiryIndex.slotEnd(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
  }

  private static long nanos(Instant instant) {
    return EpochNanos.of(instant);
  }

  /** The index works by whole slots: what expires within the current slot waits. */
  private static long slot(Instant expires) {
    long nanos = nanos(expires);
    long slot = Math.floorDiv(nanos, ExpiryIndex.SLOT_NANOS);
    return nanos % ExpiryIndex.SLOT_NANOS == 0 ? slot : slot + 1;
  }

  private static long currentSlot(Instant now) {
    return Math.floorDiv(nanos(now), ExpiryIndex.SLOT_NANOS);
  }

  @Test
  @DisplayName(
      "Whatever is filed, moved and removed, a sweep takes exactly what has expired, and the"
          + " lock-free check tells when there is some")
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
          if (filed != null) {
            index.remove(key, nanos(filed));
          }
          index.file(key, nanos(expires));
          model.put(key, expires);
        }
        case 2 -> {
          if (filed != null) {
            index.remove(key, nanos(filed));
            model.remove(key);
          }
        }
        default -> {
          now = now.plusMillis(random.nextInt(400));
          Instant at = now;
          List<Integer> taken = index.takeExpired(nanos(at), Integer.MAX_VALUE);
          Set<Integer> expected = new HashSet<>();
          model.forEach(
              (k, e) -> {
                if (slot(e) <= currentSlot(at)) {
                  expected.add(k);
                }
              });
          assertThat(taken).as("step %d", step).containsExactlyInAnyOrderElementsOf(expected);
          assertThat(index.mayHaveExpired(nanos(at)))
              .as("step %d, after the sweep", step)
              .isFalse();
          Instant later = at.plusSeconds(10);
          assertThat(index.mayHaveExpired(nanos(later)))
              .as("step %d, ten seconds on", step)
              .isEqualTo(model.values().stream().anyMatch(e -> slot(e) <= currentSlot(later)));
          taken.forEach(model::remove);
        }
      }
    }
  }
}
