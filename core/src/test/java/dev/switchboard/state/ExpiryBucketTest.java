package dev.switchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExpiryBucketTest {
  /** A key whose hash is chosen, so that keys can be made to collide. */
  private record Key(int id, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.id == id;
    }
  }

  @Test
  @DisplayName(
      "Whatever is added, removed and drained, in part or whole, the bucket holds what a set"
          + " would, colliding hashes included")
  void matchesModel() {
    Random random = new Random(5);
    ExpiryBucket<Key> bucket = new ExpiryBucket<>(0);
    Set<Key> model = new HashSet<>();
    for (int step = 0; step < 50_000; step++) {
      int id = random.nextInt(2_000);
      // A tenth of the hashes fall on four values: long probe runs, through taken slots.
      Key key = new Key(id, id % 10 == 0 ? id % 4 : id);
      switch (random.nextInt(10)) {
        case 0, 1, 2, 3, 4 ->
            assertThat(bucket.add(key)).as("step %d, add", step).isEqualTo(model.add(key));
        case 5, 6, 7 ->
            assertThat(bucket.remove(key)).as("step %d, remove", step).isEqualTo(model.remove(key));
        default -> {
          int limit = random.nextInt(3) == 0 ? Integer.MAX_VALUE : 1 + random.nextInt(50);
          List<Key> taken = new ArrayList<>();
          bucket.drainTo(taken, limit);
          assertThat(taken.size())
              .as("step %d, drained", step)
              .isEqualTo(Math.min(limit, model.size()));
          assertThat(model).as("step %d, drained", step).containsAll(taken);
          taken.forEach(model::remove);
        }
      }
      assertThat(bucket.size()).as("step %d, size", step).isEqualTo(model.size());
      assertThat(bucket.isEmpty()).isEqualTo(model.isEmpty());
    }
    List<Key> rest = new ArrayList<>();
    bucket.drainTo(rest, Integer.MAX_VALUE);
    assertThat(rest).containsExactlyInAnyOrderElementsOf(model);
  }
}
