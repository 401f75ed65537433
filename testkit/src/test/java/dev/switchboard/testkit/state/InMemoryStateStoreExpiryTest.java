package dev.switchboard.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.state.InMemoryStateStore;
import dev.switchboard.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-memory store forgets what expired, and only that, however entries were renewed. */
class InMemoryStateStoreExpiryTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T10:00:00.250Z"));
  private final InMemoryStateStore store = new InMemoryStateStore(clock);

  @Test
  @DisplayName("A renewed entry of each kind lives to its new expiry, not its first")
  void renewed() {
    store.create("value", "a", Duration.ofSeconds(10));
    store.add("set", "m", Duration.ofSeconds(10));
    store.lease("lease", "me", Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(5));
    long version = store.get("value").orElseThrow().version();
    store.replace("value", version, "b", Duration.ofSeconds(60));
    store.add("set", "n", Duration.ofSeconds(60));
    store.lease("lease", "me", Duration.ofSeconds(60));

    clock.advance(Duration.ofSeconds(10));
    assertThat(store.size()).isEqualTo(3);
    assertThat(store.get("value").orElseThrow().value()).isEqualTo("b");
    assertThat(store.members("set")).containsExactlyInAnyOrder("m", "n");

    clock.advance(Duration.ofSeconds(50));
    assertThat(store.size()).isZero();
  }

  @Test
  @DisplayName("Entries expire at their time to the millisecond, and a claim can be made again")
  void expiresOnTime() {
    assertThat(store.claim("delivery", Duration.ofMillis(1500))).isTrue();
    store.create("value", "a", Duration.ofMillis(1500));

    clock.advance(Duration.ofMillis(1499));
    assertThat(store.claim("delivery", Duration.ofSeconds(1))).isFalse();
    assertThat(store.get("value")).isPresent();
    clock.advance(Duration.ofMillis(1));
    assertThat(store.get("value")).isEmpty();
    assertThat(store.claim("delivery", Duration.ofSeconds(1))).isTrue();
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "A set lives its time to live from its last add, rounded up to an eighth of a second, and"
          + " one that lives for ever does not overflow")
  void setExpiryRoundsUp() {
    // 10:00:00.250 plus 1.51 s is 10:00:01.760, which rounds up to 10:00:01.875.
    store.add("set", "m", Duration.ofMillis(1510));
    store.add("forever", "m", Duration.ofSeconds(Long.MAX_VALUE));

    clock.advance(Duration.ofMillis(1624));
    assertThat(store.members("set")).containsExactly("m");
    clock.advance(Duration.ofMillis(1));
    assertThat(store.members("set")).isEmpty();
    assertThat(store.members("forever")).containsExactly("m");
  }

  @Test
  @DisplayName("What was deleted, unclaimed, emptied or released is gone, and its expiry too")
  void removed() {
    store.create("value", "a", Duration.ofSeconds(10));
    store.claim("delivery", Duration.ofSeconds(10));
    store.add("set", "m", Duration.ofSeconds(10));
    store.lease("lease", "me", Duration.ofSeconds(10));

    store.delete("value", store.get("value").orElseThrow().version());
    store.unclaim("delivery");
    store.remove("set", "m");
    store.release("lease", "me");
    assertThat(store.size()).isZero();

    store.create("value", "again", Duration.ofSeconds(60));
    clock.advance(Duration.ofSeconds(30));
    assertThat(store.get("value").orElseThrow().value()).isEqualTo("again");
  }
}
