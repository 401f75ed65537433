package dev.switchboard.testing;

import dev.switchboard.webhook.WebhookContext;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResult;

/** A provider whose webhook handling always fails with {@code message}. */
public final class FailingProvider extends RecordingProvider {
  private final String message;

  public FailingProvider(String message) {
    this.message = message;
  }

  @Override
  protected WebhookResult onWebhook(WebhookRequest request, WebhookContext context) {
    throw new IllegalStateException(message);
  }
}
