package dev.switchboard.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small phone application on Spring Boot: callers reach an IVR ({@link Ivr}), and reminders are
 * placed through {@code POST /reminders} ({@link Reminders}). The Switchboard starter builds the
 * client from {@code application.properties} and serves the vendor's webhooks on this application's
 * own port.
 */
@SpringBootApplication
public class IvrApplication {
  public static void main(String[] args) {
    SpringApplication.run(IvrApplication.class, args);
  }
}
