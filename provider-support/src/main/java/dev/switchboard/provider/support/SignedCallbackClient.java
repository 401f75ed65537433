package dev.switchboard.provider.support;

import dev.switchboard.spi.ProviderClient;
import dev.switchboard.state.CallbackBindings;
import dev.switchboard.state.InMemoryCallbackBindings;

/**
 * A client whose vendor calls back on URLs it signs: it keeps the {@link CallbackBindings} core
 * gives it, so that each URL speaks for the one call or conference it was bound to. Until core
 * gives one, the bindings are the client's own, in memory.
 */
public abstract class SignedCallbackClient implements ProviderClient {
  private volatile CallbackBindings bindings = new InMemoryCallbackBindings();

  @Override
  public final void setCallbackBindings(CallbackBindings bindings) {
    this.bindings = bindings;
  }

  /** Where this client reserves, binds and ends its callback URLs. */
  protected final CallbackBindings bindings() {
    return bindings;
  }
}
