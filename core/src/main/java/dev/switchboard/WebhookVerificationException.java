package dev.switchboard;

/**
 * A webhook request did not carry a valid Switchboard signature. It was refused and produced no
 * event.
 */
public class WebhookVerificationException extends VoiceException {
  private static final long serialVersionUID = 1L;

  public WebhookVerificationException(String message) {
    super(message);
  }
}
