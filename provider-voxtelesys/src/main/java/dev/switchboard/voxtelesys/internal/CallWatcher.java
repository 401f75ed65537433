package dev.switchboard.voxtelesys.internal;

import dev.switchboard.CallStatus;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.RateLimitedException;
import dev.switchboard.VoiceException;
import dev.switchboard.event.CallEnded;
import dev.switchboard.provider.support.CallbackFields;
import dev.switchboard.state.InMemoryStateStore;
import dev.switchboard.state.StateStore;
import dev.switchboard.state.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports {@link CallEnded} for placed calls. The v1 API sends no callback when a call ends and has
 * no endpoint for one call, so the watcher reads the call list, one listing for all watched calls,
 * until each reaches a final status, or until the vendor refuses the listing or leaves the call out
 * of {@value #MISSES} complete listings in a row; either ends the watch with status {@link
 * CallStatus#UNKNOWN}, so that nothing is watched for longer than the vendor knows the call.
 *
 * <p>What is watched lives in the {@link StateStore}: the set {@code voxtelesys:watched} of call
 * ids, and per call {@code voxtelesys:watch:<id>} (until when, and the binding keys of its URLs).
 * Of all the replicas sharing the store, the one holding the lease {@code voxtelesys:watcher} polls
 * for everyone's calls, so a call placed by a replica that stopped still has its end reported; a
 * holder that stops renewing loses the lease to another within three intervals. A call's end is
 * reported by whoever deletes its watch, which only one can.
 *
 * <p>A poll starts every interval. One that ends many calls reports them in slices spread until
 * three quarters of the interval have passed (see {@link #ENDS_PER_SLICE}), so a call's end may be
 * reported up to that long after the poll began.
 */
final class CallWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CallWatcher.class);

  private final VoxtelesysApi api;

  /** How long a call is watched at most; calls are listed for 7 days, and none lasts this long. */
  static final Duration MAX_WATCH = Duration.ofHours(12);

  /** Complete listings in a row without a call after which its end is reported as unknown. */
  static final int MISSES = 3;

  /**
   * How many ends one poll reports without a pause. A poll that ends more spreads them until three
   * quarters of the interval from its start have passed: ending a call touches its bindings and
   * watch, a few microseconds of cold memory each, and tens of thousands of them at once would take
   * a core from the webhook threads for a third of a second every interval.
   */
  static final int ENDS_PER_SLICE = 128;

  private static final String WATCHED = "voxtelesys:watched";
  private static final String WATCH = "voxtelesys:watch:";
  private static final String LEASE = "voxtelesys:watcher";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Who this watcher is, to the lease. */
  private final String holder = UUID.randomUUID().toString();

  private final Duration interval;
  private volatile StateStore store = new InMemoryStateStore();

  private final ScheduledExecutorService timer;

  /**
   * How many complete listings in a row have left each watched call out. Only the lease holder
   * counts, on the timer's one thread; a replica taking the lease over starts from nothing, which
   * delays an unlisted call's end by a few polls at most and spares a store write per call and
   * poll.
   */
  private final Map<String, Integer> misses = new HashMap<>();

  private volatile BiConsumer<CallEnded, List<String>> sink = (event, keys) -> {};

  CallWatcher(VoxtelesysApi api, Duration interval) {
    this.api = api;
    this.interval = interval;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "voxtelesys-call-watcher");
              thread.setDaemon(true);
              return thread;
            });
    timer.schedule(this::tick, interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Keeps what is watched in {@code store}, shared with the other replicas that use it. */
  void store(StateStore store) {
    this.store = store;
  }

  /** Where a call's end goes, with the binding keys its callback URLs were issued under. */
  void sink(BiConsumer<CallEnded, List<String>> sink) {
    this.sink = sink;
  }

  /**
   * Watches {@code callId}, one of whose documents has callback URLs bound by {@code bindingKey}; a
   * call given a new document is watched with the keys of both.
   */
  void watch(String callId, String bindingKey) {
    if (callId.isEmpty()) {
      return;
    }
    String first = new Watch(List.of(bindingKey)).write();
    // Most calls are watched once, so the create comes before any read.
    while (!store.create(WATCH + callId, first, MAX_WATCH)) {
      Optional<Versioned> before = store.get(WATCH + callId);
      if (before.isEmpty()) {
        // Its end was reported, or its watch expired, since the create: create it afresh.
        continue;
      }
      List<String> keys = new ArrayList<>(Watch.read(before.get().value()).keys());
      keys.add(bindingKey);
      if (store.replace(
          WATCH + callId, before.get().version(), new Watch(keys).write(), MAX_WATCH)) {
        break;
      }
    }
    store.add(WATCHED, callId, MAX_WATCH);
  }

  /**
   * Polls, then schedules the next poll an interval after this one began: a poll's ends are spread
   * over most of the interval, and waiting an interval after them would keep every call watched
   * that much longer. One that overran waits a quarter of an interval, so that a slow listing is
   * not read again back to back.
   */
  private void tick() {
    long started = System.nanoTime();
    try {
      poll(started);
    } catch (RuntimeException e) {
      // A tick that throws would schedule no more: log, and keep watching.
      LOG.warn("Watching Voxtelesys calls failed: {}", e.toString());
    }
    long next = Math.max(started + interval.toNanos(), System.nanoTime() + interval.toNanos() / 4);
    try {
      timer.schedule(this::tick, next - System.nanoTime(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      // Closed while polling: nothing more to watch.
    }
  }

  /**
   * Lists the calls until every watched one is found, and reports those that reached a final
   * status. A listing the vendor cannot serve now (I/O, 5xx, 429) is tried again at the next tick;
   * one it refuses (422, 401, 404) would be refused again, so the calls it did not reach are ended
   * as {@link CallStatus#UNKNOWN} with the refusal instead of being watched without end.
   */
  private void poll(long started) {
    if (!store.lease(LEASE, holder, interval.multipliedBy(3))) {
      // Another replica polls, and counts misses, now.
      misses.clear();
      return;
    }
    Set<String> watched = store.members(WATCHED);
    misses.keySet().retainAll(watched);
    if (watched.isEmpty()) {
      return;
    }
    // Only what the listing names is collected: the watched set is not copied again to strike
    // calls off, which cost more than the listing at thousands of calls.
    Set<String> listed = new HashSet<>();
    List<JsonNode> finished = new ArrayList<>();
    VoiceException refusal = null;
    boolean complete = false;
    try (Stream<JsonNode> calls = api.calls()) {
      Iterator<JsonNode> it = calls.iterator();
      while (listed.size() < watched.size() && it.hasNext()) {
        JsonNode call = it.next();
        String id = call.path("id").asString("");
        if (watched.contains(id) && listed.add(id)) {
          misses.remove(id);
          if (Wire.callStatus(call.path("status").asString("")).isFinal()) {
            finished.add(call);
          }
        }
      }
      complete = !it.hasNext();
    } catch (ProviderUnavailableException | RateLimitedException e) {
      LOG.warn("Reading Voxtelesys call statuses failed, trying again: {}", e.getMessage());
    } catch (VoiceException e) {
      LOG.warn(
          "Voxtelesys refused the call list; ending the watch of {} calls: {}",
          watched.size() - listed.size(),
          e.getMessage());
      refusal = e;
    }
    // Reported after the listing, so that a failing event sink is not taken for a refused list.
    List<Runnable> ends = new ArrayList<>();
    for (JsonNode call : finished) {
      ends.add(() -> report(call.path("id").asString(""), ended(call)));
    }
    if (refusal != null || complete) {
      VoiceException refused = refusal;
      for (String id : watched) {
        if (!listed.contains(id) && (refused != null || missed(id))) {
          ends.add(() -> report(id, refused != null ? refused(id, refused) : unlisted(id)));
        }
      }
    }
    reportSpread(ends, started + interval.toNanos() * 3 / 4);
  }

  /**
   * Counts a complete listing that left {@code callId} out; whether {@value #MISSES} in a row now
   * have, so that its watch ends: a call the vendor does not list will not be reported by it.
   */
  private boolean missed(String callId) {
    if (misses.merge(callId, 1, Integer::sum) < MISSES) {
      return false;
    }
    misses.remove(callId);
    return true;
  }

  /**
   * Runs {@code ends} a slice of {@value #ENDS_PER_SLICE} at a time, the slices' starts spread
   * evenly from now until {@code until} (a {@link System#nanoTime}). Stops when the watcher is
   * closed: an end not reported keeps its watch, so that whoever polls next finds the call again.
   */
  private void reportSpread(List<Runnable> ends, long until) {
    int slices = (ends.size() + ENDS_PER_SLICE - 1) / ENDS_PER_SLICE;
    long start = System.nanoTime();
    long every = slices <= 1 ? 0 : Math.max(0, until - start) / slices;
    for (int slice = 0; slice < slices; slice++) {
      long wait;
      while ((wait = start + slice * every - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
      ends.subList(slice * ENDS_PER_SLICE, Math.min(ends.size(), (slice + 1) * ENDS_PER_SLICE))
          .forEach(Runnable::run);
    }
  }

  /** Reports a call's end if this watcher is the one that ends its watch. */
  private void report(String callId, CallEnded event) {
    String key = WATCH + callId;
    Optional<Versioned> watch = store.get(key);
    if (watch.isEmpty()) {
      // Reported by another replica, or watched for longer than MAX_WATCH: nothing to end.
      store.remove(WATCHED, callId);
    } else if (store.delete(key, watch.get().version())) {
      store.remove(WATCHED, callId);
      sink.accept(event, Watch.read(watch.get().value()).keys());
    }
  }

  /** The end of a call the vendor refused to list. */
  private static CallEnded refused(String callId, VoiceException refusal) {
    return unknown(callId, refusal.vendorCode().orElse(""), refusal.getMessage());
  }

  /** The end of a call that {@value #MISSES} complete listings in a row left out. */
  private static CallEnded unlisted(String callId) {
    return unknown(
        callId, "", "Voxtelesys left the call out of " + MISSES + " complete listings in a row");
  }

  /** The end of a call whose status can no longer be read, with why as its error. */
  private static CallEnded unknown(String callId, String code, String description) {
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("error.code", code);
    raw.put("error.description", description);
    return new CallEnded(
        VoxtelesysApi.PROVIDER,
        callId,
        Instant.now(),
        CallStatus.UNKNOWN,
        Optional.empty(),
        Optional.empty(),
        raw);
  }

  private static CallEnded ended(JsonNode call) {
    Instant time =
        Wire.time(
            call.path("hangup_time").asString(call.path("modified_time").asString("")),
            Instant.now());
    return new CallEnded(
        VoxtelesysApi.PROVIDER,
        call.path("id").asString(""),
        time,
        Wire.callStatus(call.path("status").asString("")),
        Wire.duration(call),
        Optional.empty(),
        CallbackFields.flatten(call));
  }

  /** Stops polling, and hands the lease on at once rather than when it runs out. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      store.release(LEASE, holder);
    } catch (RuntimeException e) {
      LOG.debug("Could not give the watcher's lease back; it runs out on its own", e);
    }
  }

  /** One call's watch: the binding keys of its documents' callback URLs. */
  record Watch(List<String> keys) {
    /**
     * The watch {@link #write} wrote, read token by token: a tree for every call the watcher ends
     * cost it a seventh of its time.
     */
    static Watch read(String value) {
      List<String> keys = new ArrayList<>(2);
      try (JsonParser json = JSON.createParser(value)) {
        if (json.nextToken() != JsonToken.START_OBJECT
            || json.nextToken() != JsonToken.PROPERTY_NAME
            || !"keys".equals(json.currentName())
            || json.nextToken() != JsonToken.START_ARRAY) {
          throw new IllegalStateException("not a watch: " + value);
        }
        String key;
        while ((key = json.nextStringValue()) != null) {
          keys.add(key);
        }
        if (json.currentToken() != JsonToken.END_ARRAY) {
          throw new IllegalStateException("not a watch: " + value);
        }
      }
      return new Watch(keys);
    }

    /** The same JSON Jackson's tree would write, without building one for every watched call. */
    String write() {
      StringBuilder json = new StringBuilder(16 + 32 * keys.size()).append("{\"keys\":[");
      for (int i = 0; i < keys.size(); i++) {
        json.append(i == 0 ? "\"" : ",\"");
        JsonStringEncoder.getInstance().quoteAsString(keys.get(i), json);
        json.append('"');
      }
      return json.append("]}").toString();
    }
  }
}
