package dev.switchboard.webhook;

import dev.switchboard.event.CallEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a webhook request came to: the neutral events it carried, and the response to send back.
 *
 * @param events the events, in the order the vendor reported them; empty for a refused or repeated
 *     request
 * @param response what to answer the vendor
 */
public record WebhookResult(List<CallEvent> events, WebhookResponse response) {
  public WebhookResult {
    events = List.copyOf(events);
    Objects.requireNonNull(response, "response");
  }

  /** A result with no events. */
  public static WebhookResult of(WebhookResponse response) {
    return new WebhookResult(List.of(), response);
  }
}
