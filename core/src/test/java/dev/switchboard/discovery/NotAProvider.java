package dev.switchboard.discovery;

/** Registered as a provider by mistake: it does not implement the SPI. */
public class NotAProvider {
  public NotAProvider() {}
}
