package dev.switchboard.internal;

import dev.switchboard.state.InMemoryCallbackBindings;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Makes a redelivered webhook request a no-op. Vendors retry (Xoxzo up to ten times) and may send a
 * notification twice; a repeat must neither emit its events again nor run the call's next step
 * again (for Hoiio, that would send a block twice). So the first delivery is handled, and every
 * identical one gets the first one's response with no events.
 *
 * <p>Identity is what the provider says makes two requests the same delivery (the vendor's event id
 * or its parsed fields, with the endpoint and the signed reference), never the raw request: a
 * replay with another method, an extra parameter or a re-encoded path is still the same delivery.
 * Concurrent deliveries of one identity wait for the first. A failed handling is forgotten, so that
 * a retry is handled afresh.
 *
 * <p>Memory is bounded two ways. The first responses are kept for the {@code capacity} most
 * recently seen deliveries; beyond that only a digest of each handled delivery is kept, for {@code
 * retention} (as long as a callback URL admits its call's re-sent callbacks), and a repeat found
 * only there is answered 200 with an empty body and no events.
 */
public final class WebhookDeduplicator {
  /** How long a handled delivery is recognised: the callback bindings' default grace period. */
  public static final Duration DEFAULT_RETENTION = InMemoryCallbackBindings.DEFAULT_GRACE;

  private final Map<String, CompletableFuture<WebhookResult>> seen;
  private final Map<String, Instant> handled = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration retention;
  private volatile Instant nextSweep;

  /** A de-duplicator keeping {@code capacity} responses and digests for the default retention. */
  public WebhookDeduplicator(int capacity) {
    this(capacity, Clock.systemUTC(), DEFAULT_RETENTION);
  }

  /**
   * @param capacity how many first responses are kept
   * @param clock tells the time, for retention
   * @param retention how long a handled delivery is recognised after its response is forgotten
   */
  public WebhookDeduplicator(int capacity, Clock clock, Duration retention) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.clock = clock;
    this.retention = retention;
    this.nextSweep = clock.instant().plus(retention);
    this.seen =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(
              Map.Entry<String, CompletableFuture<WebhookResult>> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * Handles the delivery {@code identity} with {@code handler} the first time it is seen;
   * afterwards returns the first response with no events.
   */
  public WebhookResult handle(String identity, Supplier<WebhookResult> handler) {
    String key = fingerprint(identity);
    CompletableFuture<WebhookResult> mine = new CompletableFuture<>();
    CompletableFuture<WebhookResult> earlier;
    synchronized (seen) {
      earlier = seen.putIfAbsent(key, mine);
    }
    if (earlier != null) {
      return await(earlier, identity, handler);
    }
    Instant now = clock.instant();
    Instant until = handled.get(key);
    if (until != null && now.isBefore(until)) {
      // Handled long enough ago that its response is forgotten, but not the delivery.
      WebhookResult repeat = WebhookResult.of(WebhookResponse.ok());
      mine.complete(repeat);
      return repeat;
    }
    try {
      WebhookResult result = handler.get();
      handled.put(key, now.plus(retention));
      mine.complete(result);
      sweepNowAndThen(now);
      return result;
    } catch (RuntimeException | Error e) {
      synchronized (seen) {
        seen.remove(key, mine);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private WebhookResult await(
      CompletableFuture<WebhookResult> earlier, String identity, Supplier<WebhookResult> handler) {
    try {
      return WebhookResult.of(earlier.get().response());
    } catch (ExecutionException e) {
      // The first delivery failed and was forgotten: this one is handled afresh, and keeps its
      // events, since no earlier delivery emitted them.
      return handle(identity, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an identical request", e);
    }
  }

  /** How many deliveries are remembered; for tests of the bound. */
  public int size() {
    synchronized (seen) {
      return seen.size();
    }
  }

  /** Drops expired digests at most once per retention period, so that deliveries stay cheap. */
  private void sweepNowAndThen(Instant now) {
    if (now.isBefore(nextSweep)) {
      return;
    }
    nextSweep = now.plus(retention);
    handled.values().removeIf(until -> !now.isBefore(until));
  }

  /** A fixed-size digest, so that memory does not depend on what a vendor puts in a request. */
  private static String fingerprint(String identity) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
