package dev.switchboard.flow;

/**
 * One step of a {@link CallFlow}. The hierarchy is sealed: a provider that handles every permitted
 * type handles every flow, and the compiler says so when a verb is added.
 */
public sealed interface Verb
    permits Prompt, Gather, Record, RecordCall, Transfer, Conference, Hangup, Reject, Redirect {

  /** The verb's name in flow files and error messages, e.g. {@code say} or {@code recordCall}. */
  String name();
}
