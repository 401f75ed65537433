package dev.switchboard.hoiio.internal;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.FlowJson;
import dev.switchboard.state.StateStore;
import dev.switchboard.state.Versioned;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runner's call states in a shared {@link StateStore}, so that any replica can take a call's
 * next notification and a restart loses no call. A state is a few fields of JSON; its flow is
 * stored once, under the digest of its flow-file form, and named by that digest. Compare-and-set
 * compares the stored state with the one the runner read, and writes only if the store's version is
 * still the one it read.
 *
 * <p>Keys: {@code hoiio:call:<key>} (the state), {@code hoiio:session:<session>} (the key of a
 * session's call), {@code hoiio:flow:<sha-256>} (a flow). A call's state lives at most {@value
 * #LIFETIME_HOURS} hours and is deleted when the call ends; a flow lives as long after the last
 * call that started with it.
 */
public final class StoredCallStates implements CallStateStore {
  static final long LIFETIME_HOURS = 24;
  private static final Duration LIFETIME = Duration.ofHours(LIFETIME_HOURS);
  private static final int CACHED_FLOWS = 1000;
  private static final int REMEMBERED_READS = 10_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final StateStore store;

  /** Flows by digest, and digests by flow, for the flows in use: flows are few and never change. */
  private final Map<String, CallFlow> flows = lru();

  private final Map<CallFlow, String> digests = lru();

  /**
   * What this replica last read of each call, with the store's version of it. A notification reads
   * its call and then writes the next state by compare-and-set; the version read first spares the
   * write a second read. It is only a first try: when the store has moved on, the write fails and
   * the call is read afresh, so a stale entry costs a round trip, never a wrong write.
   */
  private final Map<String, Read> lastRead = new ConcurrentHashMap<>();

  /** A call's state as read, and the version of the stored value it was decoded from. */
  private record Read(CallState state, long version) {}

  public StoredCallStates(StateStore store) {
    this.store = store;
  }

  private static <K, V> Map<K, V> lru() {
    return Collections.synchronizedMap(
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > CACHED_FLOWS;
          }
        });
  }

  @Override
  public Optional<CallState> get(String key) {
    Optional<Versioned> stored = store.get(call(key));
    if (stored.isEmpty()) {
      lastRead.remove(key);
      return Optional.empty();
    }
    CallState state = decode(stored.get().value());
    if (lastRead.size() >= REMEMBERED_READS) {
      // Calls that never end must not make this grow; forgetting costs each call one read.
      lastRead.clear();
    }
    lastRead.put(key, new Read(state, stored.get().version()));
    return Optional.of(state);
  }

  /**
   * The version {@code expected} was read at, if this replica read it last; else the version stored
   * now, if the stored state is still {@code expected}.
   */
  private OptionalLong versionOf(CallState expected, boolean fresh) {
    if (!fresh) {
      Read read = lastRead.remove(expected.key());
      return read != null && read.state().equals(expected)
          ? OptionalLong.of(read.version())
          : OptionalLong.empty();
    }
    Optional<Versioned> current = store.get(call(expected.key()));
    return current.isPresent() && decode(current.get().value()).equals(expected)
        ? OptionalLong.of(current.get().version())
        : OptionalLong.empty();
  }

  @Override
  public Optional<CallState> bySession(String session) {
    return store.get(session(session)).flatMap(key -> get(key.value()));
  }

  @Override
  public void put(CallState state) {
    keepFlow(state.flow());
    Optional<Versioned> before = store.get(call(state.key()));
    if (before.isEmpty()) {
      store.create(call(state.key()), encode(state), LIFETIME);
    } else {
      store.replace(call(state.key()), before.get().version(), encode(state), LIFETIME);
    }
    index(state);
  }

  @Override
  public boolean replace(CallState expected, CallState next) {
    String value = encode(next);
    if (!write(
        expected, version -> store.replace(call(expected.key()), version, value, LIFETIME))) {
      return false;
    }
    if (!next.session().equals(expected.session())) {
      index(next);
    }
    return true;
  }

  @Override
  public boolean remove(CallState expected) {
    if (!write(expected, version -> store.delete(call(expected.key()), version))) {
      return false;
    }
    store
        .get(session(expected.session()))
        .filter(v -> v.value().equals(expected.key()))
        .ifPresent(v -> store.delete(session(expected.session()), v.version()));
    return true;
  }

  /**
   * Writes with {@code compareAndSet} at the version {@code expected} was last read at, and when
   * that fails or was not at hand, at the version stored now if it still holds {@code expected}.
   */
  private boolean write(CallState expected, LongPredicate compareAndSet) {
    for (boolean fresh : new boolean[] {false, true}) {
      OptionalLong version = versionOf(expected, fresh);
      if (version.isPresent() && compareAndSet.test(version.getAsLong())) {
        return true;
      }
    }
    return false;
  }

  private void index(CallState state) {
    if (!state.session().isEmpty()) {
      store.create(session(state.session()), state.key(), LIFETIME);
    }
  }

  /** Stores the flow under its digest, or makes the stored one live a lifetime from now. */
  private void keepFlow(CallFlow flow) {
    String digest = digest(flow);
    String json = FlowJson.write(flow);
    if (!store.create(flowKey(digest), json, LIFETIME)) {
      store
          .get(flowKey(digest))
          .ifPresent(v -> store.replace(flowKey(digest), v.version(), json, LIFETIME));
    }
  }

  private String encode(CallState state) {
    ObjectNode json = JSON.createObjectNode();
    json.put("key", state.key());
    json.put("session", state.session());
    json.put("flow", digest(state.flow()));
    json.put("tag", state.tag());
    json.put("path", state.path());
    json.put("index", state.index());
    json.put("block", state.block());
    json.put("awaiting", state.awaiting().name());
    json.put("verbIndex", state.verbIndex());
    json.put("dialStatus", state.dialStatus());
    json.put("hangingUp", state.hangingUp());
    json.put("holdRequested", state.holdRequested());
    return json.toString();
  }

  private CallState decode(String value) {
    JsonNode json = JSON.readTree(value);
    return new CallState(
        json.get("key").asString(),
        json.get("session").asString(),
        flow(json.get("flow").asString()),
        json.get("tag").asString(),
        json.get("path").asString(),
        json.get("index").asInt(),
        json.get("block").asInt(),
        BlockKind.valueOf(json.get("awaiting").asString()),
        json.get("verbIndex").asInt(),
        json.get("dialStatus").asString(),
        json.get("hangingUp").asBoolean(),
        json.get("holdRequested").asBoolean());
  }

  private CallFlow flow(String digest) {
    CallFlow cached = flows.get(digest);
    if (cached != null) {
      return cached;
    }
    CallFlow flow =
        FlowJson.parse(
            store
                .get(flowKey(digest))
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "the flow " + digest + " of a call in flight is no longer stored"))
                .value());
    flows.put(digest, flow);
    digests.put(flow, digest);
    return flow;
  }

  private String digest(CallFlow flow) {
    String cached = digests.get(flow);
    if (cached != null) {
      return cached;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String digest =
          HexFormat.of()
              .formatHex(sha.digest(FlowJson.write(flow).getBytes(StandardCharsets.UTF_8)));
      digests.put(flow, digest);
      flows.put(digest, flow);
      return digest;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static String call(String key) {
    return "hoiio:call:" + key;
  }

  private static String session(String session) {
    return "hoiio:session:" + session;
  }

  private static String flowKey(String digest) {
    return "hoiio:flow:" + digest;
  }
}
