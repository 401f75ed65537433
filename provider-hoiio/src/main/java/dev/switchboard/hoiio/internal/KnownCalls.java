package dev.switchboard.hoiio.internal;

import dev.switchboard.Call;
import dev.switchboard.CallStatus;
import dev.switchboard.PhoneNumber;
import dev.switchboard.state.StateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calls this application placed or answered, by session, with the {@code txn_ref} Hoiio's
 * status query takes, kept in the state store under {@code hoiio:known:<session>} so that any
 * replica can answer for them. The status matters most once a call is over, when the runner has
 * forgotten it, so this outlives the call: {@value #DAYS} days.
 */
final class KnownCalls {
  static final long DAYS = 7;
  private static final Duration KEPT = Duration.ofDays(DAYS);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Supplier<StateStore> store;

  KnownCalls(Supplier<StateStore> store) {
    this.store = store;
  }

  /** A call as it was placed or answered, and its transaction reference. */
  record Known(String txnRef, Call call) {}

  void add(String txnRef, Call call) {
    if (txnRef.isEmpty()) {
      return;
    }
    ObjectNode json = JSON.createObjectNode();
    json.put("txnRef", txnRef);
    call.from().ifPresent(n -> json.put("from", n.e164()));
    call.to().ifPresent(n -> json.put("to", n.e164()));
    call.tags().forEach(json.putArray("tags")::add);
    store.get().create(key(call.id()), json.toString(), KEPT);
  }

  Optional<Known> get(String session) {
    return store
        .get()
        .get(key(session))
        .map(
            value -> {
              JsonNode json = JSON.readTree(value.value());
              List<String> tags = new ArrayList<>();
              json.path("tags").forEach(tag -> tags.add(tag.asString()));
              return new Known(
                  json.get("txnRef").asString(),
                  new Call(
                      session,
                      HoiioApi.PROVIDER,
                      CallStatus.UNKNOWN,
                      number(json.path("from")),
                      number(json.path("to")),
                      tags));
            });
  }

  private static Optional<PhoneNumber> number(JsonNode node) {
    return node.isMissingNode() ? Optional.empty() : Optional.of(PhoneNumber.of(node.asString()));
  }

  private static String key(String session) {
    return "hoiio:known:" + session;
  }
}
