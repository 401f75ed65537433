package dev.switchboard.spi;

import dev.switchboard.event.IncomingCall;
import dev.switchboard.flow.CallFlow;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a provider may use while handling one verified webhook request.
 *
 * @param callReference the call reference carried by the signed URL
 * @param signer signs the URLs of further callbacks for this call
 * @param incomingCalls the application's answer to an incoming call: the flow to run, or empty when
 *     the application takes no incoming calls
 */
public record WebhookContext(
    String callReference,
    WebhookSigner signer,
    Function<IncomingCall, Optional<CallFlow>> incomingCalls) {
  public WebhookContext {
    Objects.requireNonNull(callReference, "callReference");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(incomingCalls, "incomingCalls");
  }

  /** The flow that answers {@code call}, or empty when the application takes no incoming calls. */
  public Optional<CallFlow> flowFor(IncomingCall call) {
    return incomingCalls.apply(call);
  }
}
