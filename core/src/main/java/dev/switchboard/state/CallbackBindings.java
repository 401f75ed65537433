package dev.switchboard.state;

/**
 * Remembers which call or conference each signed callback URL speaks for, so that a URL issued for
 * one call can never report or drive another. A binding is named by a key the provider chooses
 * (usually the call reference the URL carries) and goes through these states:
 *
 * <ul>
 *   <li><b>reserved</b> ({@link #reserve}): the URL is about to leave with a request that creates
 *       its subject, whose id only the answer will tell. A request claiming the key waits, for a
 *       bounded time, until the answer {@link #bind binds} or {@link #release releases} it.
 *   <li><b>open</b> ({@link #openForFirstUse}): the vendor alone will name the subject, and no
 *       answer ever will (a conference's id). The first request claiming the key binds it.
 *   <li><b>bound</b> ({@link #bind}): requests naming exactly this subject are admitted.
 *   <li><b>ended</b> ({@link #end}): the subject is over; its own re-sent callbacks are admitted
 *       for a grace period, then nothing is.
 * </ul>
 *
 * Everything else is refused: an unknown or released key, another subject, an expired binding.
 * Every binding expires on its own, so a store never grows without bound. Implementations are
 * thread-safe; a store shared by several replicas makes a URL's binding hold on all of them.
 */
public interface CallbackBindings {

  /**
   * Reserves {@code key} before its URL leaves in a request that creates the subject. Requests
   * claiming it wait until {@link #bind} or {@link #release}.
   */
  void reserve(String key);

  /**
   * Opens {@code key} for a subject of {@code kind} that only the vendor's first request will name:
   * that request binds it, and every other subject is refused from then on.
   */
  void openForFirstUse(String key, CallbackSubject.Kind kind);

  /**
   * Binds {@code key} to {@code subject}, settling a reservation.
   *
   * @throws IllegalStateException when the key is already bound to another subject: a URL never
   *     changes what it speaks for
   */
  void bind(String key, CallbackSubject subject);

  /**
   * The request that was to create {@code key}'s subject failed, or may not have created it:
   * whatever claims the key is refused from now on, since nothing can prove what it speaks for.
   */
  void release(String key);

  /**
   * {@code key}'s subject has ended: its own callbacks are admitted for the grace period (vendors
   * re-send), then refused. Does nothing for an unknown key.
   */
  void end(String key);

  /**
   * Whether a request that names {@code claimed} may speak through the URL bound as {@code key}.
   * Waits, for a bounded time, while the key is reserved. Binds an open key of the claimed kind.
   */
  boolean admit(String key, CallbackSubject claimed);
}
