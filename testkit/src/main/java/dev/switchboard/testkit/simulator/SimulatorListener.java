package dev.switchboard.testkit.simulator;

import dev.switchboard.testkit.Transcript;

/**
 * Told what a {@link VendorSimulator} does as it happens, e.g. to write it down as JSON lines while
 * calls run. Called on the simulator's threads; a listener that throws is logged and ignored.
 */
public interface SimulatorListener {
  /** An exchange on the wire, once answered: a request to the vendor or a callback. */
  default void exchanged(WireExchange exchange) {}

  /** A call ended, with what its callee observed. */
  default void finished(String callId, Transcript transcript) {}
}
