package dev.switchboard.voxtelesys.internal;

import dev.switchboard.CallStatus;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.RateLimitedException;
import dev.switchboard.VoiceException;
import dev.switchboard.event.CallEnded;
import dev.switchboard.provider.support.CallbackFields;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reports {@link CallEnded} for placed calls. The v1 API sends no callback when a call ends and has
 * no endpoint for one call, so the watcher reads the call list, one listing for all watched calls,
 * until each reaches a final status, or until the vendor refuses the listing, which ends the watch
 * with status {@link CallStatus#UNKNOWN}. State is one id per call in flight.
 */
final class CallWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CallWatcher.class);

  private final VoxtelesysApi api;

  /** How long a call is watched at most; calls are listed for 7 days, and none lasts this long. */
  static final Duration MAX_WATCH = Duration.ofHours(12);

  /** The calls watched, with the keys their callback URLs are bound by. */
  private final Map<String, Watch> watched = new ConcurrentHashMap<>();

  private final ScheduledExecutorService timer;
  private volatile BiConsumer<CallEnded, List<String>> sink = (event, keys) -> {};

  CallWatcher(VoxtelesysApi api, Duration interval) {
    this.api = api;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "voxtelesys-call-watcher");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(
        this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
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
    if (!callId.isEmpty()) {
      watched.merge(
          callId,
          new Watch(Instant.now().plus(MAX_WATCH), List.of(bindingKey)),
          (before, added) -> new Watch(before.until(), concat(before.keys(), added.keys())));
    }
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  private void tick() {
    try {
      poll();
    } catch (RuntimeException e) {
      // The executor runs no more ticks after one throws: log, and keep watching.
      LOG.warn("Watching Voxtelesys calls failed: {}", e.toString());
    }
  }

  /**
   * Lists the calls until every watched one is found, and reports those that reached a final
   * status. A listing the vendor cannot serve now (I/O, 5xx, 429) is tried again at the next tick;
   * one it refuses (422, 401, 404) would be refused again, so the calls it did not reach are ended
   * as {@link CallStatus#UNKNOWN} with the refusal instead of being watched without end.
   */
  private void poll() {
    Instant now = Instant.now();
    watched.values().removeIf(watch -> watch.until().isBefore(now));
    if (watched.isEmpty()) {
      return;
    }
    Set<String> pending = new HashSet<>(watched.keySet());
    List<JsonNode> finished = new ArrayList<>();
    VoiceException refusal = null;
    try (Stream<JsonNode> calls = api.calls()) {
      Iterator<JsonNode> it = calls.iterator();
      while (!pending.isEmpty() && it.hasNext()) {
        JsonNode call = it.next();
        if (pending.remove(call.path("id").asString(""))
            && Wire.callStatus(call.path("status").asString("")).isFinal()) {
          finished.add(call);
        }
      }
    } catch (ProviderUnavailableException | RateLimitedException e) {
      LOG.warn("Reading Voxtelesys call statuses failed, trying again: {}", e.getMessage());
    } catch (VoiceException e) {
      LOG.warn(
          "Voxtelesys refused the call list; ending the watch of {}: {}", pending, e.getMessage());
      refusal = e;
    }
    // Reported after the listing, so that a failing event sink is not taken for a refused list.
    for (JsonNode call : finished) {
      report(call.path("id").asString(""), ended(call));
    }
    if (refusal != null) {
      for (String id : pending) {
        report(id, unknown(id, refusal));
      }
    }
  }

  private void report(String callId, CallEnded event) {
    Watch watch = watched.remove(callId);
    if (watch != null) {
      sink.accept(event, watch.keys());
    }
  }

  /** The end of a call whose status can no longer be read, with the refusal as its error. */
  private static CallEnded unknown(String callId, VoiceException refusal) {
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("error.code", refusal.vendorCode().orElse(""));
    raw.put("error.description", refusal.getMessage());
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

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private record Watch(Instant until, List<String> keys) {}
}
