package dev.switchboard.internal;

import dev.switchboard.state.InMemoryCallbackBindings;
import dev.switchboard.state.StateStore;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookResult;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 *
 * <p>Deliveries are claimed in the {@link StateStore}'s ledger before they are handled, so a repeat
 * that reaches another replica sharing the store, or this one after a restart, is recognised too;
 * it is answered 200 with an empty body and no events. A failed handling is unclaimed, so that a
 * retry is handled afresh. Within this instance, concurrent deliveries of one identity wait for the
 * first and get its response, which is kept for the {@code capacity} most recently seen, as long as
 * their bodies come to no more than {@value #MAX_KEPT_CHARS} characters together.
 */
public final class WebhookDeduplicator {
  /** How long a handled delivery is recognised: the callback bindings' default grace period. */
  public static final Duration DEFAULT_RETENTION = InMemoryCallbackBindings.DEFAULT_GRACE;

  /**
   * How many characters of response bodies the kept responses hold at most. Every kept response is
   * live at each young collection, which copies it: 10,000 answers of a kilobyte and more were a
   * quarter of what each one copied under load. Vendors re-send after seconds, so the responses
   * that matter are those of the moment, which this holds at any rate.
   */
  static final int MAX_KEPT_CHARS = 1 << 20;

  /** Guarded by itself, as is {@link #keptChars}. */
  private final Map<String, CompletableFuture<WebhookResult>> seen =
      new LinkedHashMap<>(16, 0.75f, true);

  /** The body characters of the responses {@link #seen} holds. */
  private long keptChars;

  private final int capacity;
  private final StateStore ledger;
  private final Duration retention;

  /** A de-duplicator keeping {@code capacity} responses, its ledger in {@code ledger}. */
  public WebhookDeduplicator(int capacity, StateStore ledger) {
    this(capacity, ledger, DEFAULT_RETENTION);
  }

  /**
   * @param capacity how many first responses are kept
   * @param ledger where handled deliveries are claimed
   * @param retention how long a handled delivery is recognised
   */
  public WebhookDeduplicator(int capacity, StateStore ledger, Duration retention) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.capacity = capacity;
    this.ledger = ledger;
    this.retention = retention;
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
      trim();
    }
    if (earlier != null) {
      return await(earlier, identity, handler);
    }
    boolean first;
    try {
      first = ledger.claim("delivery:" + key, retention);
    } catch (RuntimeException e) {
      forget(key, mine, e);
      throw e;
    }
    if (!first) {
      // Handled before, here or on another replica, and its response is not at hand.
      WebhookResult repeat = WebhookResult.of(WebhookResponse.ok());
      keep(key, mine, repeat);
      return repeat;
    }
    try {
      WebhookResult result = handler.get();
      // Repeats get the response only, so only the response is kept: not the events, whose raw
      // fields were most of what 10,000 remembered deliveries held.
      keep(key, mine, WebhookResult.of(result.response()));
      return result;
    } catch (RuntimeException | Error e) {
      ledger.unclaim("delivery:" + key);
      forget(key, mine, e);
      throw e;
    }
  }

  /**
   * Completes {@code mine} with {@code response} and counts its body, if it is still kept; then
   * drops the eldest responses beyond the bounds. A response dropped before it completed is not
   * counted, so the count is always that of the responses kept.
   */
  private void keep(String key, CompletableFuture<WebhookResult> mine, WebhookResult response) {
    synchronized (seen) {
      mine.complete(response);
      if (seen.get(key) == mine) {
        keptChars += chars(mine);
      }
      trim();
    }
  }

  /** Drops the eldest responses while more are kept than the bounds allow; under the lock. */
  private void trim() {
    Iterator<CompletableFuture<WebhookResult>> eldest = seen.values().iterator();
    while ((seen.size() > capacity || keptChars > MAX_KEPT_CHARS) && eldest.hasNext()) {
      keptChars -= chars(eldest.next());
      eldest.remove();
    }
  }

  /** The body characters of a response kept, counted once it has completed. */
  private static long chars(CompletableFuture<WebhookResult> response) {
    return response.isDone() && !response.isCompletedExceptionally()
        ? response.join().response().body().length()
        : 0;
  }

  private void forget(String key, CompletableFuture<WebhookResult> mine, Throwable e) {
    synchronized (seen) {
      seen.remove(key, mine);
    }
    mine.completeExceptionally(e);
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

  /** How many responses are remembered; for tests of the bound. */
  public int size() {
    synchronized (seen) {
      return seen.size();
    }
  }

  /** A fixed-size digest, so that memory does not depend on what a vendor puts in a request. */
  private static String fingerprint(String identity) {
    return HexFormat.of().formatHex(Sha256.of(identity));
  }
}
