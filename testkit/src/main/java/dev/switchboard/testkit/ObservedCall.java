package dev.switchboard.testkit;

import java.util.Objects;

/**
 * A call that has ended, and what its callee observed.
 *
 * @param callId the vendor's id of the call
 * @param transcript what the callee observed
 */
public record ObservedCall(String callId, Transcript transcript) {
  public ObservedCall {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(transcript, "transcript");
  }
}
