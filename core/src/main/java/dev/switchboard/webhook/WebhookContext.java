package dev.switchboard.webhook;

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
 * @param endpoint the endpoint the request came to, one the provider declared
 * @param incomingCalls the application's answer to an incoming call: the flow to run, which the
 *     provider can run exactly, or empty when the call is to be refused
 */
public record WebhookContext(
    String callReference,
    WebhookSigner signer,
    WebhookEndpoint endpoint,
    Function<IncomingCall, Optional<CallFlow>> incomingCalls) {
  public WebhookContext {
    Objects.requireNonNull(callReference, "callReference");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(incomingCalls, "incomingCalls");
  }

  /**
   * The flow that answers {@code call}, already checked against this provider, or empty when the
   * call is to be refused: the application takes no incoming calls, or gave a flow the provider
   * cannot run.
   */
  public Optional<CallFlow> flowFor(IncomingCall call) {
    return incomingCalls.apply(call);
  }
}
