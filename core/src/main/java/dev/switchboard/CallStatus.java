package dev.switchboard;

/** Where a call is in its life, in neutral terms. */
public enum CallStatus {
  /** Accepted by the vendor, not yet dialling. */
  QUEUED(false),
  /** The callee's phone is ringing. */
  RINGING(false),
  /** Answered and running. */
  IN_PROGRESS(false),
  /** Ended normally after being answered. */
  COMPLETED(true),
  /** The callee was busy. */
  BUSY(true),
  /** The callee did not answer. */
  NO_ANSWER(true),
  /** The call could not be placed or was aborted by an error. */
  FAILED(true),
  /** The vendor reported a status Switchboard does not know. */
  UNKNOWN(false);

  private final boolean isFinal;

  CallStatus(boolean isFinal) {
    this.isFinal = isFinal;
  }

  /** True when the status can no longer change. */
  public boolean isFinal() {
    return isFinal;
  }
}
