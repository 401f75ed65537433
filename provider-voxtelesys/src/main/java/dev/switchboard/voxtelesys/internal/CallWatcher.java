package dev.switchboard.voxtelesys.internal;

import dev.switchboard.event.CallEnded;
import dev.switchboard.provider.support.CallbackFields;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
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
 * until each reaches a final status. State is one id per call in flight.
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
    Instant now = Instant.now();
    watched.values().removeIf(watch -> watch.until().isBefore(now));
    if (watched.isEmpty()) {
      return;
    }
    Set<String> pending = new HashSet<>(watched.keySet());
    try (Stream<JsonNode> calls = api.calls()) {
      Iterator<JsonNode> it = calls.iterator();
      while (!pending.isEmpty() && it.hasNext()) {
        JsonNode call = it.next();
        String id = call.path("id").asString("");
        if (pending.remove(id) && Wire.callStatus(call.path("status").asString("")).isFinal()) {
          Watch watch = watched.remove(id);
          if (watch != null) {
            sink.accept(ended(call), watch.keys());
          }
        }
      }
    } catch (RuntimeException e) {
      // The next tick tries again; a call's end is reported late rather than never.
      LOG.warn("Reading Voxtelesys call statuses failed: {}", e.getMessage());
    }
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
