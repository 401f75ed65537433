package dev.switchboard.example;

import dev.switchboard.event.CallEnded;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Say;
import dev.switchboard.spring.boot.IncomingCallHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Answers every incoming call with a menu, and logs how calls end. */
@Component
public class Ivr implements IncomingCallHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Ivr.class);

  static final CallFlow MENU =
      CallFlow.of(
          Say.of("Thank you for calling."),
          Gather.builder()
              .say("For opening hours, press 1. To hear this again, press 2.")
              .branch("1", Hangup.after(Say.of("We are open from nine to five. Goodbye.")))
              .branch("2", Say.of("Sorry, the menu ends here in this example. Goodbye."))
              .build(),
          Say.of("We did not hear you. Goodbye."));

  @Override
  public CallFlow answer(IncomingCall call) {
    return MENU;
  }

  @EventListener
  void ended(CallEnded ended) {
    LOG.info("Call {} ended: {}", ended.callId(), ended.status());
  }
}
