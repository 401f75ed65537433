package dev.switchboard.testing;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;

/**
 * The seed's simple VoxXML IVR as DESIGN section 9 writes it, for core's tests. (The testkit's
 * SeedFlows holds the same flow for providers; core's tests cannot depend on the testkit.)
 */
public final class SeedIvr {
  private SeedIvr() {}

  public static final CallFlow FLOW =
      CallFlow.builder()
          .say("Thank you for calling")
          .gather(
              Gather.builder()
                  .numDigits(1)
                  .timeout(60)
                  .attempts(3)
                  .say("For United States support, press 1.")
                  .say("For Canadian support, press 2.")
                  .branch(
                      "2",
                      Say.of("Dialing Canadian support. Please wait."),
                      Transfer.to("+15556668888"),
                      Say.of("Call has ended. Goodbye."),
                      Hangup.now())
                  .build())
          .say("Dialing United States support. Please wait.")
          .transfer("+15556667777")
          .say("Call has ended. Goodbye.")
          .hangup()
          .build();
}
