package dev.switchboard.hoiio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Say;
import dev.switchboard.state.InMemoryStateStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two replicas sharing one store, each remembering the versions it read. */
class StoredCallStatesTest {
  private final InMemoryStateStore shared = new InMemoryStateStore();
  private final StoredCallStates one = new StoredCallStates(shared);
  private final StoredCallStates two = new StoredCallStates(shared);
  private final CallState start =
      CallState.start("k", "S-1", CallFlow.of(Say.of("Hi"), Say.of("Bye")), "");

  @Test
  @DisplayName("A write from a read another replica has overtaken fails, and a fresh read wins")
  void overtaken() {
    one.put(start);
    CallState read = one.get("k").orElseThrow();
    CallState theirs = read.withSession("S-2");
    assertThat(two.replace(two.get("k").orElseThrow(), theirs)).isTrue();

    assertThat(one.replace(read, read.withSession("S-3"))).isFalse();
    assertThat(one.get("k")).hasValue(theirs);
    assertThat(one.replace(theirs, theirs.withSession("S-3"))).isTrue();
    assertThat(two.get("k").orElseThrow().session()).isEqualTo("S-3");
  }

  @Test
  @DisplayName(
      "A remembered version that is stale while the state is the same again does not refuse the"
          + " write")
  void sameStateAgain() {
    one.put(start);
    CallState read = one.get("k").orElseThrow();
    CallState other = read.withSession("S-2");
    assertThat(two.replace(two.get("k").orElseThrow(), other)).isTrue();
    assertThat(two.replace(other, read)).isTrue();

    assertThat(one.replace(read, read.withSession("S-3"))).isTrue();
    assertThat(two.get("k").orElseThrow().session()).isEqualTo("S-3");
  }

  @Test
  @DisplayName("Removing with a read another replica has overtaken removes nothing")
  void removeOvertaken() {
    one.put(start);
    CallState read = one.get("k").orElseThrow();
    CallState theirs = read.withSession("S-2");
    assertThat(two.replace(two.get("k").orElseThrow(), theirs)).isTrue();

    assertThat(one.remove(read)).isFalse();
    assertThat(two.get("k")).hasValue(theirs);
    assertThat(one.remove(one.get("k").orElseThrow())).isTrue();
    assertThat(two.get("k")).isEmpty();
  }
}
