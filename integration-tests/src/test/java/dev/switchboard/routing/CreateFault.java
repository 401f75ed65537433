package dev.switchboard.routing;

/** What a vendor does with one create request in a failover run. */
enum CreateFault {
  /** Passed on to the simulator, which creates the call and answers. */
  NONE(Effect.CREATES),
  /** As {@link #NONE}, but the answer comes late, within the time-out. */
  SLOW(Effect.CREATES),
  /** No connection can be opened: nothing reaches the vendor. */
  REFUSED(Effect.CREATES_NOTHING),
  /** 401 before the request is taken. */
  UNAUTHORIZED(Effect.CREATES_NOTHING),
  /** 429 before the request is taken. */
  RATE_LIMITED(Effect.CREATES_NOTHING),
  /** 500: whether the vendor created the call is unknown (here it did not). */
  SERVER_ERROR(Effect.AMBIGUOUS),
  /** 503: as {@link #SERVER_ERROR}. */
  UNAVAILABLE(Effect.AMBIGUOUS),
  /** The simulator creates the call, and the connection is reset before its answer. */
  RESET(Effect.AMBIGUOUS),
  /** The simulator creates the call, and its answer never comes. */
  TIMEOUT(Effect.AMBIGUOUS);

  /** What the fault does to the call, as the client can know it. */
  enum Effect {
    /** A call is created and its id comes back. */
    CREATES,
    /** Provably no call is created: another provider may be tried. */
    CREATES_NOTHING,
    /** A call may have been created: no other provider may be tried. */
    AMBIGUOUS
  }

  private final Effect effect;

  CreateFault(Effect effect) {
    this.effect = effect;
  }

  Effect effect() {
    return effect;
  }

  /** Whether the simulator receives the create, and so creates the call. */
  boolean reachesSimulator() {
    return this == NONE || this == SLOW || this == RESET || this == TIMEOUT;
  }
}
