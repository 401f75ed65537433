package dev.switchboard.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The callee's side of one call in progress: what has been observed so far, which scripted input
 * the next gather gets, and whether the callee has hung up. The reference interpreter and every
 * vendor simulator keep their calls' state in one of these, so the callee behaves identically in
 * all of them. Not thread-safe: one call is driven by one thread at a time.
 */
public final class SimulatedCall {
  private final Callee callee;
  private final List<Observation> observations = new ArrayList<>();
  private int gathers;
  private boolean over;

  public SimulatedCall(Callee callee) {
    this.callee = callee;
  }

  public Callee callee() {
    return callee;
  }

  /**
   * Records what the callee observes. Returns false when the call is over: it already was, or the
   * callee hangs up now because the scripted number of observations is reached (SEM-10), in which
   * case a {@code hangup} by {@code callee} is recorded.
   */
  public boolean observe(Observation observation) {
    if (over) {
      return false;
    }
    observations.add(observation);
    if (callee.hangUpAfter().isPresent()
        && observations.size() >= callee.hangUpAfter().getAsInt()) {
      end(new Observation.HungUp("callee"));
      return false;
    }
    return true;
  }

  /** Ends the call with a final observation, such as a hang-up by the flow; no-op once over. */
  public void end(Observation last) {
    if (!over) {
      observations.add(last);
      over = true;
    }
  }

  /** The scripted input for the next gather (SEM-15). */
  public CalleeInput nextGatherInput() {
    return callee.inputFor(gathers++);
  }

  public boolean isOver() {
    return over;
  }

  /** What has been observed so far. */
  public Transcript transcript() {
    return new Transcript(observations);
  }
}
