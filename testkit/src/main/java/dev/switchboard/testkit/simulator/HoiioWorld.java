package dev.switchboard.testkit.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every session the Hoiio simulator knows, the statuses answered to requests naming sessions it
 * does not know, and the numbering of sessions, rooms and recordings. Requests and call runs (each
 * on its own thread) reach it concurrently, so it holds only concurrent maps and counters; a
 * session guards its own state.
 */
final class HoiioWorld {
  private static final String RECORDINGS = "http://recordings.hoiio.example/rec-";

  private final Map<String, HoiioSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, List<String>> unknownSessions = new ConcurrentHashMap<>();
  private final AtomicInteger sessionNumbers = new AtomicInteger();
  private final AtomicInteger roomNumbers = new AtomicInteger();
  private final Set<String> rooms = ConcurrentHashMap.newKeySet();
  private final AtomicInteger recordingNumbers = new AtomicInteger();

  /**
   * A new session, {@code S-<n>} with its {@code txn_ref} {@code TX-<n>}: {@code dest} for a Dial,
   * {@code from} and {@code to} for an incoming call.
   */
  HoiioSession newSession(String dest, String from, String to, HoiioSession.State state) {
    int number = sessionNumbers.incrementAndGet();
    HoiioSession session = new HoiioSession("S-" + number, "TX-" + number, dest, from, to, state);
    sessions.put(session.id(), session);
    return session;
  }

  /** The session with this id, or null. */
  HoiioSession session(String id) {
    return sessions.get(id);
  }

  /** The session whose Dial or Answer had the transaction reference {@code txnRef}, or null. */
  HoiioSession byTxnRef(String txnRef) {
    return sessions.values().stream()
        .filter(s -> s.txnRef().equals(txnRef))
        .findFirst()
        .orElse(null);
  }

  /** Records the status answered to a request naming {@code session}, known or not. */
  void record(String session, String status) {
    HoiioSession known = sessions.get(session);
    if (known != null) {
      known.record(status);
      return;
    }
    List<String> unknown =
        unknownSessions.computeIfAbsent(
            session, id -> Collections.synchronizedList(new ArrayList<>()));
    unknown.add(status);
  }

  /** The statuses answered to the requests naming {@code session}, in order. */
  List<String> statuses(String session) {
    HoiioSession known = sessions.get(session);
    if (known != null) {
      return known.answers();
    }
    List<String> unknown = unknownSessions.get(session);
    if (unknown == null) {
      return List.of();
    }
    // A synchronized list must be copied under its own lock.
    synchronized (unknown) {
      return List.copyOf(unknown);
    }
  }

  /** A room id for a Transfer to {@code room:} without one: {@code R-<n>}. */
  /**
   * The room a Transfer to {@code room:<requested>} joins: a new room for an empty id, the room for
   * an id this world gave, or null for any other id.
   */
  String room(String requested) {
    if (requested.isEmpty()) {
      String created = "R-" + roomNumbers.incrementAndGet();
      rooms.add(created);
      return created;
    }
    return rooms.contains(requested) ? requested : null;
  }

  /** A new recording's download URL. */
  String nextRecordingUrl() {
    return RECORDINGS + recordingNumbers.incrementAndGet() + ".mp3";
  }
}
