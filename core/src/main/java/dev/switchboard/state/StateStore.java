package dev.switchboard.state;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What Switchboard must remember between webhook requests, shared by every replica that uses the
 * same store: per-call values changed by compare-and-set, a ledger of handled deliveries, sets of
 * members, and leases that let exactly one replica drive a piece of work. Everything written has a
 * time to live, so a store never grows without bound.
 *
 * <p>Keys are plain strings chosen by Switchboard and its providers (a provider's keys start with
 * its id); values are text, usually JSON. A store adds its own namespace (a Redis store its key
 * prefix). Implementations are thread-safe, make every method atomic, and are found with {@link
 * java.util.ServiceLoader} through {@link StateStoreFactory}; {@link InMemoryStateStore} is the
 * default. {@code docs/deployment.md} lists the keys.
 *
 * <p>A store that cannot be reached throws {@link StateUnavailableException}; Switchboard never
 * takes that for "absent", so nothing is dropped silently.
 */
public interface StateStore extends AutoCloseable {

  /** The value of {@code key}, or empty when there is none or it expired. */
  Optional<Versioned> get(String key);

  /** Writes {@code key} only if it has no value; true when it was written. */
  boolean create(String key, String value, Duration ttl);

  /**
   * Writes {@code key} only if its version is still {@code expected}; true when it was written. The
   * time to live starts again.
   */
  boolean replace(String key, long expected, String value, Duration ttl);

  /** Deletes {@code key} only if its version is still {@code expected}; true when it was. */
  boolean delete(String key, long expected);

  /**
   * Records {@code identity} as handled for {@code window}: true the first time, false while an
   * earlier record lasts. This is how a delivery re-sent to any replica is recognised.
   */
  boolean claim(String identity, Duration window);

  /** Forgets a claimed identity, so that a delivery whose handling failed is handled afresh. */
  void unclaim(String identity);

  /** Adds {@code member} to the set {@code key}; the set lives {@code ttl} from this write. */
  void add(String key, String member, Duration ttl);

  /** Removes {@code member} from the set {@code key}. */
  void remove(String key, String member);

  /** The members of the set {@code key}; empty when there is none. */
  Set<String> members(String key);

  /**
   * Takes or renews the lease {@code name} for {@code holder}: true when {@code holder} holds it
   * for {@code ttl} from now, false while another holder's lease lasts. A holder that stops
   * renewing loses the lease when it runs out, and another can take it.
   */
  boolean lease(String name, String holder, Duration ttl);

  /** Gives the lease {@code name} back, if {@code holder} holds it. */
  void release(String name, String holder);

  /** Releases connections and threads; the default holds none. */
  @Override
  default void close() {}
}
