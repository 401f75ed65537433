package dev.switchboard.spi;

import dev.switchboard.event.IncomingCall;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.state.CallbackBindings;
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
 * @param bindings what each signed URL speaks for; a provider binds the URLs it issues while
 *     handling the request, and ends a binding when its call or conference ends
 */
public record WebhookContext(
    String callReference,
    WebhookSigner signer,
    Function<IncomingCall, Optional<CallFlow>> incomingCalls,
    CallbackBindings bindings) {
  public WebhookContext {
    Objects.requireNonNull(callReference, "callReference");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(incomingCalls, "incomingCalls");
    Objects.requireNonNull(bindings, "bindings");
  }

  /** The flow that answers {@code call}, or empty when the application takes no incoming calls. */
  public Optional<CallFlow> flowFor(IncomingCall call) {
    return incomingCalls.apply(call);
  }
}
