package dev.switchboard.testkit.faults;

import dev.switchboard.Capability;

/**
 * An operation of {@code VoiceClient} that sends one request to the vendor and reads its answer.
 */
public enum FaultOperation {
  /** {@code placeCall}: the one that must never be sent twice. */
  CREATE(Capability.OUTBOUND_CALL),
  /** {@code getCall}. */
  STATUS(Capability.CALL_STATUS),
  /** {@code hangup}. */
  HANGUP(Capability.HANGUP_CALL),
  /** {@code listCalls}, read to its end. */
  LIST(Capability.CALL_LIST);

  private final Capability needs;

  FaultOperation(Capability needs) {
    this.needs = needs;
  }

  /** What a provider must declare for the operation to be tried. */
  public Capability needs() {
    return needs;
  }
}
