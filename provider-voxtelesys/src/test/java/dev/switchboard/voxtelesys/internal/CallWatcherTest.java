package dev.switchboard.voxtelesys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.CallStatus;
import dev.switchboard.event.CallEnded;
import dev.switchboard.provider.support.HttpTimeouts;
import dev.switchboard.testkit.EventLog;
import dev.switchboard.testkit.simulator.VoxtelesysSimulator;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The call watcher against the simulator: every watched call's end is reported once. */
class CallWatcherTest {
  private static final String KEY = "watcher-test-key";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private VoxtelesysSimulator simulator;
  private VoxtelesysApi api;
  private CallWatcher watcher;
  private final EventLog ends = new EventLog();
  private final Map<String, List<String>> keys = new ConcurrentHashMap<>();

  @BeforeEach
  void start() {
    simulator = new VoxtelesysSimulator(KEY);
    simulator.start();
    api =
        new VoxtelesysApi(HttpUrl.get(simulator.baseUrl().toString()), KEY, HttpTimeouts.all(WAIT));
    watcher = new CallWatcher(api, Duration.ofMillis(20));
    watcher.sink(
        (ended, bindingKeys) -> {
          keys.put(ended.callId(), bindingKeys);
          ends.accept(ended);
        });
  }

  @AfterEach
  void stop() {
    watcher.close();
    api.close();
    simulator.close();
  }

  private String place() {
    return api.createCall("15556667777", "15556668888", "<Response><Say>Hello</Say></Response>")
        .get("id")
        .asString();
  }

  @Test
  @DisplayName(
      "A refused listing ends the watch with CallEnded UNKNOWN and the refusal, not retries forever")
  void refusedListing() {
    // Every listing is refused, as a page size the vendor does not take would be.
    simulator.failNext("GET", "/calls", 422, Integer.MAX_VALUE);
    String id = place();
    watcher.watch(id, "key-1");
    CallEnded ended = ends.awaitEnd(id, WAIT);
    assertThat(ended.status()).isEqualTo(CallStatus.UNKNOWN);
    assertThat(ended.raw()).containsEntry("error.code", "422");
    assertThat(ended.raw().get("error.description")).contains("GET /calls", "422");
    assertThat(keys.get(id)).containsExactly("key-1");
  }

  @Test
  @DisplayName(
      "A call the vendor leaves out of complete listings ends as UNKNOWN, not watched for 12 h")
  void unlisted() {
    place();
    watcher.watch("never-listed", "key-9");
    CallEnded ended = ends.awaitEnd("never-listed", WAIT);
    assertThat(ended.status()).isEqualTo(CallStatus.UNKNOWN);
    assertThat(ended.raw().get("error.description"))
        .contains(CallWatcher.MISSES + " complete listings");
    assertThat(keys.get("never-listed")).containsExactly("key-9");
  }

  @Test
  @DisplayName(
      "A poll that ends more than a slice of calls reports each once, spread over the interval")
  void endsSpread() {
    Duration interval = Duration.ofSeconds(1);
    int calls = 3 * CallWatcher.ENDS_PER_SLICE;
    EventLog spreadEnds = new EventLog();
    Map<String, Long> reported = new ConcurrentHashMap<>();
    try (CallWatcher spreading = new CallWatcher(api, interval)) {
      spreading.sink(
          (ended, bindingKeys) -> {
            reported.putIfAbsent(ended.callId(), System.nanoTime());
            spreadEnds.accept(ended);
          });
      for (int i = 0; i < calls; i++) {
        spreading.watch("never-listed-" + i, "key-" + i);
      }
      spreadEnds.await(e -> spreadEnds.size() >= calls, WAIT);
    }
    assertThat(reported).hasSize(calls);
    assertThat(spreadEnds.count(CallEnded.class)).isEqualTo(calls);
    // Three slices start evenly from the listing's end until three quarters of the interval from
    // the poll's start, so the last starts some 500 ms after the first: even a listing that took
    // half a second would leave it 150 ms. Without the spread, all end within a few milliseconds.
    long first = Collections.min(reported.values());
    long last = Collections.max(reported.values());
    assertThat(Duration.ofNanos(last - first)).isGreaterThanOrEqualTo(interval.dividedBy(10));
  }

  @Test
  @DisplayName("Server errors while listing are retried, and the call's real end is reported")
  void serverErrorsRetried() {
    simulator.failNext("GET", "/calls", 500, 3);
    String id = place();
    watcher.watch(id, "key-1");
    assertThat(ends.awaitEnd(id, WAIT).status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(simulator.wireLog()).filteredOn(w -> w.status() == 500).hasSize(3);
    assertThat(ends.count(CallEnded.class)).isEqualTo(1);
  }

  @Test
  @DisplayName("A watch is stored as the JSON Jackson writes, and read back whatever its keys hold")
  void watchJson() {
    List<String> keys =
        List.of("in-889317ac", "mod-\"quoted\" \\ back", "out-\u0001\n\t", "in-caf\u00e9 \u2603");
    String written = new CallWatcher.Watch(keys).write();
    ObjectNode tree = JsonMapper.builder().build().createObjectNode();
    keys.forEach(tree.putArray("keys")::add);
    assertThat(written).isEqualTo(tree.toString());
    assertThat(CallWatcher.Watch.read(written).keys()).isEqualTo(keys);
    assertThat(CallWatcher.Watch.read("{\"keys\":[]}").keys()).isEmpty();
    assertThatThrownBy(() -> CallWatcher.Watch.read("{\"keys\":[1]}"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CallWatcher.Watch.read("[\"in-1\"]"))
        .isInstanceOf(IllegalStateException.class);
  }
}
