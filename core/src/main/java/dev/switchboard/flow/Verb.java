package dev.switchboard.flow;

/**
 * One step of a {@link CallFlow}. The hierarchy is sealed, and code that handles every verb does so
 * through a {@link VerbVisitor}, which the compiler checks: a new verb does not compile until every
 * visitor handles it.
 */
public sealed interface Verb
    permits Prompt, Gather, Record, RecordCall, Transfer, Conference, Hangup, Reject, Redirect {

  /** The verb's name in flow files and error messages, e.g. {@code say} or {@code recordCall}. */
  String name();

  /** Calls the method of {@code visitor} for this kind of verb. */
  <R> R accept(VerbVisitor<R> visitor);
}
