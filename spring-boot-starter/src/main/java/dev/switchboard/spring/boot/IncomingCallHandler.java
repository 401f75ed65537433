package dev.switchboard.spring.boot;

import dev.switchboard.event.IncomingCall;
import dev.switchboard.flow.CallFlow;

/**
 * Answers incoming calls: an application bean of this type is given every incoming call and returns
 * the flow to answer it with. Without one, incoming calls are rejected.
 */
@FunctionalInterface
public interface IncomingCallHandler {
  CallFlow answer(IncomingCall call);
}
