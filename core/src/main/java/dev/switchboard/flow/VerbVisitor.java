package dev.switchboard.flow;

/**
 * One method per kind of verb, so that code which must treat every verb ({@link
 * dev.switchboard.Capabilities}, {@link CallFlow#walk()}, a provider's compiler, the reference
 * interpreter) is checked by the compiler: a new verb adds a method here, and every visitor fails
 * to compile until it handles it. Java 17 has no exhaustive switch over a sealed type; this is what
 * gives the same guarantee.
 *
 * @param <R> what the visit returns; {@link Void} when it only acts
 */
public interface VerbVisitor<R> {
  R say(Say say);

  R play(Play play);

  R pause(Pause pause);

  R gather(Gather gather);

  R record(Record record);

  R recordCall(RecordCall recordCall);

  R transfer(Transfer transfer);

  R conference(Conference conference);

  R hangup(Hangup hangup);

  R reject(Reject reject);

  R redirect(Redirect redirect);
}
