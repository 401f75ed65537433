package dev.switchboard.internal;

import dev.switchboard.state.CallbackBindings;
import dev.switchboard.state.CallbackSubject;

/**
 * One provider's view of a store shared with others: its keys and subjects are prefixed with its
 * id, so that two vendors' references or call ids can never meet in one store.
 */
public final class ScopedCallbackBindings implements CallbackBindings {
  private final String scope;
  private final CallbackBindings store;

  /**
   * @param providerId the provider whose keys this view holds
   * @param store the store shared by every provider of the application
   */
  public ScopedCallbackBindings(String providerId, CallbackBindings store) {
    this.scope = providerId + ":";
    this.store = store;
  }

  private CallbackSubject scoped(CallbackSubject subject) {
    return new CallbackSubject(subject.kind(), scope + subject.id());
  }

  @Override
  public void reserve(String key) {
    store.reserve(scope + key);
  }

  @Override
  public void openForFirstUse(String key, CallbackSubject.Kind kind) {
    store.openForFirstUse(scope + key, kind);
  }

  @Override
  public void bind(String key, CallbackSubject subject) {
    store.bind(scope + key, scoped(subject));
  }

  @Override
  public boolean bindNew(String key, CallbackSubject subject) {
    return store.bindNew(scope + key, scoped(subject));
  }

  @Override
  public void release(String key) {
    store.release(scope + key);
  }

  @Override
  public void end(String key) {
    store.end(scope + key);
  }

  @Override
  public boolean admit(String key, CallbackSubject claimed) {
    return store.admit(scope + key, scoped(claimed));
  }
}
