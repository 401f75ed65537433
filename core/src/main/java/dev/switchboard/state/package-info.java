/**
 * What Switchboard must remember between webhook requests, behind interfaces an application can
 * back with a shared store. Today: which call or conference each signed callback URL speaks for
 * ({@link dev.switchboard.state.CallbackBindings}).
 */
package dev.switchboard.state;
