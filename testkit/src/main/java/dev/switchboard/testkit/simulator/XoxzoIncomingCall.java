package dev.switchboard.testkit.simulator;

/**
 * A call the {@link XoxzoSimulator} made to a rented DIN: what the DIN's action URL answered. What
 * the caller then observed is {@link XoxzoSimulator#awaitTranscript} of {@code id}.
 *
 * @param id the simulator's own id for the call; Xoxzo sends the application none
 * @param caller the number that called, as sent in {@code caller}
 * @param din the DIN called, as sent in {@code recipient}
 * @param status the action URL's HTTP status, 0 when it could not be reached
 * @param action the answer's body: one action line when the application answered the call
 */
public record XoxzoIncomingCall(String id, String caller, String din, int status, String action) {}
