package dev.switchboard.spring.boot;

import dev.switchboard.event.CallEvent;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Say;
import dev.switchboard.testkit.EventLog;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** An application as a team would write it: an IVR bean, and a bean that listens to calls. */
@SpringBootApplication
public class TestApplication {
  static final CallFlow IVR =
      CallFlow.of(
          Say.of("Thanks for calling."),
          Gather.builder().say("Press 1 for sales.").branch("1", Say.of("Sales.")).build());

  @Bean
  IncomingCallHandler ivr() {
    return call -> IVR;
  }

  @Bean
  EventLog events() {
    return new EventLog();
  }

  @Bean
  Listener listener(EventLog events) {
    return new Listener(events);
  }

  /** Receives Switchboard's events as Spring application events. */
  static final class Listener {
    private final EventLog events;

    Listener(EventLog events) {
      this.events = events;
    }

    @EventListener
    void on(CallEvent event) {
      events.accept(event);
    }
  }
}
