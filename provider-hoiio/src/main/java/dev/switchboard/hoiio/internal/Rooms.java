package dev.switchboard.hoiio.internal;

import dev.switchboard.InvalidInputException;
import dev.switchboard.state.StateStore;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.Versioned;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hoiio's room id for each neutral room name, in the state store under {@code hoiio:room:<name>}.
 * Hoiio assigns ids ({@code room:} with no id creates a room and the answer names it), so the first
 * caller to a name creates its room and later ones join it by id, on whichever replica they are.
 * The lease {@code hoiio:room-lock:<name>} keeps two first callers from creating two rooms.
 */
final class Rooms {
  private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);
  private static final String ROOM = "room:";

  /** How long a name keeps its room after the last caller joined it: longer than any call. */
  private static final Duration KEPT = Duration.ofHours(24);

  /** How long a creator may take: longer than a block request may. */
  private static final Duration LOCK = Duration.ofSeconds(30);

  private final Supplier<StateStore> store;
  private final HoiioApi api;

  Rooms(Supplier<StateStore> store, HoiioApi api) {
    this.store = store;
    this.api = api;
  }

  /**
   * Sends {@code transfer} into the Hoiio room for the neutral room {@code name}, creating it when
   * the name has none yet. A room id Hoiio refuses is forgotten (the room may have closed when its
   * last caller left) and the room created afresh: a refused Transfer connected nobody.
   */
  void join(String name, Map<String, String> transfer) {
    StateStore state = store.get();
    Optional<Versioned> known = state.get(key(name));
    if (known.isPresent() && joined(state, name, known.get(), transfer)) {
      return;
    }
    String holder = UUID.randomUUID().toString();
    lock(state, name, holder);
    try {
      // Another caller may have created it while this one waited.
      known = state.get(key(name));
      if (known.isPresent() && joined(state, name, known.get(), transfer)) {
        return;
      }
      transfer.put("dest", ROOM);
      String created = api.send(BlockKind.TRANSFER, transfer).path("room").asString("");
      if (!created.isEmpty()) {
        known = state.get(key(name));
        if (known.isEmpty()) {
          state.create(key(name), created, KEPT);
        } else {
          state.replace(key(name), known.get().version(), created, KEPT);
        }
      }
    } finally {
      state.release(lock(name), holder);
    }
  }

  /** Joins the known room; false when Hoiio no longer has it, which is then forgotten. */
  private boolean joined(
      StateStore state, String name, Versioned known, Map<String, String> transfer) {
    transfer.put("dest", ROOM + known.value());
    try {
      api.send(BlockKind.TRANSFER, transfer);
      state.replace(key(name), known.version(), known.value(), KEPT);
      return true;
    } catch (InvalidInputException e) {
      if (!e.vendorCode().orElse("").equals("error_dest_invalid")) {
        throw e;
      }
      LOG.debug("Hoiio refused room {} for {}; creating a new one", known.value(), name);
      state.delete(key(name), known.version());
      return false;
    }
  }

  private static void lock(StateStore state, String name, String holder) {
    long deadline = System.nanoTime() + LOCK.toNanos();
    long pause = Duration.ofMillis(2).toNanos();
    while (!state.lease(lock(name), holder, LOCK)) {
      if (System.nanoTime() > deadline) {
        throw new StateUnavailableException(
            "room " + name + " stayed locked for " + LOCK + " by another caller creating it", null);
      }
      LockSupport.parkNanos(pause);
      pause = Math.min(pause * 2, Duration.ofMillis(50).toNanos());
    }
  }

  private static String key(String name) {
    return "hoiio:room:" + name;
  }

  private static String lock(String name) {
    return "hoiio:room-lock:" + name;
  }
}
