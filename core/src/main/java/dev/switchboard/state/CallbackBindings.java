package dev.switchboard.state;

/**
 * Remembers which call or conference each signed callback URL speaks for, so that a URL issued for
 * one call can never report or drive another. A binding is named by a key the provider chooses (the
 * call reference the URL carries, never reused) and goes through these states:
 *
 * <ul>
 *   <li><b>reserved</b> ({@link #reserve}): the URL is about to leave with a request that creates
 *       its subject, whose id only the answer will tell. A claim on the key waits, for a bounded
 *       time, until the answer {@linkplain #bind binds} or {@linkplain #release releases} it.
 *   <li><b>open</b> ({@link #openForFirstUse}): the vendor alone will name the subject, and no
 *       answer ever will (a conference's id). The first claim of the right kind binds it.
 *   <li><b>bound</b> ({@link #bind}, {@link #bindNew}): claims naming exactly this subject are
 *       admitted.
 *   <li><b>ended</b> ({@link #end}): the subject is over; its own re-sent callbacks are admitted
 *       for a grace period, then nothing is.
 *   <li><b>released</b> ({@link #release}): nothing proves what the URL speaks for; every claim is
 *       refused, and the key can never be bound.
 * </ul>
 *
 * Everything else is refused: an unknown key, another subject, an expired binding. A key never
 * changes what it speaks for and never comes back from ended or released. Every binding expires on
 * its own, so a store never grows without bound. Implementations are thread-safe and make each
 * transition atomically; a store shared by several replicas makes a URL's binding hold on all of
 * them.
 */
public interface CallbackBindings {

  /**
   * Reserves {@code key} before its URL leaves in a request that creates the subject.
   *
   * @throws IllegalStateException when the key was used before
   */
  void reserve(String key);

  /**
   * Opens {@code key} for a subject of {@code kind} that only the vendor's first request will name:
   * that request binds it, and every other subject is refused from then on.
   *
   * @throws IllegalStateException when the key was used before
   */
  void openForFirstUse(String key, CallbackSubject.Kind kind);

  /**
   * Binds {@code key} to {@code subject}: a new key, or one {@linkplain #reserve reserved}, whose
   * waiting claims are then judged. Binding a key to the subject it has again does nothing.
   *
   * @throws IllegalStateException when the key is bound to another subject, open, ended or released
   */
  void bind(String key, CallbackSubject subject);

  /**
   * Binds {@code key} to {@code subject} only when no key was bound to that subject before: for a
   * request that announces a new call, which must never name a call already known. A subject is
   * known until its first key's lifetime passes, or the grace period after that key {@linkplain
   * #end ended}, whichever is sooner.
   *
   * @return whether the key was bound; false when the subject is already known under another key
   * @throws IllegalStateException as {@link #bind} does
   */
  boolean bindNew(String key, CallbackSubject subject);

  /**
   * The request that was to create {@code key}'s subject failed, or may not have created it: every
   * claim on the key is refused from now on, including those waiting, since nothing can prove what
   * it speaks for.
   */
  void release(String key);

  /**
   * {@code key}'s subject has ended: its own callbacks are admitted for the grace period (vendors
   * re-send), then refused. A key not yet bound is released. Does nothing for an unknown key, or
   * one already ended.
   */
  void end(String key);

  /**
   * Whether a request that names {@code claimed} may speak through the URL bound as {@code key}.
   * Waits, for a bounded time, while the key is reserved. Binds an open key of the claimed kind.
   */
  boolean admit(String key, CallbackSubject claimed);
}
