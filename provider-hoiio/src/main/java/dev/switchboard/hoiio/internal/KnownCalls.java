package dev.switchboard.hoiio.internal;

import dev.switchboard.Call;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The calls this client placed or answered, by session, with the {@code txn_ref} Hoiio's status
 * query takes. The status matters most once a call is over, when the runner has forgotten it, so
 * this outlives the call; it keeps the most recent {@value #CAPACITY} calls.
 */
final class KnownCalls {
  static final int CAPACITY = 100_000;

  /** A call as it was placed or answered, and its transaction reference. */
  record Known(String txnRef, Call call) {}

  private final Map<String, Known> calls =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
          return size() > CAPACITY;
        }
      };

  synchronized void add(String txnRef, Call call) {
    if (!txnRef.isEmpty()) {
      calls.put(call.id(), new Known(txnRef, call));
    }
  }

  synchronized Optional<Known> get(String session) {
    return Optional.ofNullable(calls.get(session));
  }
}
