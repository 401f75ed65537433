package dev.switchboard.event;

/** How a transfer ended. */
public enum TransferOutcome {
  /** A target answered and the bridge has ended. */
  ANSWERED,
  /** No target answered in time. */
  NO_ANSWER,
  /** The target was busy. */
  BUSY,
  /** The transfer could not be placed. */
  FAILED
}
