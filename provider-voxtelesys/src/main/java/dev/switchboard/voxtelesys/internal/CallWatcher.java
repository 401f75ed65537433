package dev.switchboard.voxtelesys.internal;

import dev.switchboard.event.CallEnded;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
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

  /** The calls watched, with the key their callback URLs are bound by. */
  private final Map<String, Watch> watched = new ConcurrentHashMap<>();

  private final ScheduledExecutorService timer;
  private volatile BiConsumer<CallEnded, String> sink = (event, key) -> {};

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

  /** Where a call's end goes, with the binding key its callback URLs were issued under. */
  void sink(BiConsumer<CallEnded, String> sink) {
    this.sink = sink;
  }

  /** Watches {@code callId}, whose callback URLs are bound by {@code bindingKey}. */
  void watch(String callId, String bindingKey) {
    if (!callId.isEmpty()) {
      watched.put(callId, new Watch(Instant.now().plus(MAX_WATCH), bindingKey));
    }
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
            sink.accept(ended(call), watch.bindingKey());
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
        Wire.flatten(call));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private record Watch(Instant until, String bindingKey) {}
}
