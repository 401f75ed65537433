package dev.switchboard.flow;

/**
 * Refuses an incoming call without answering it. Only the first verb of a flow may be a reject: an
 * answered call can no longer be refused.
 */
public record Reject() implements Verb {
  @Override
  public String name() {
    return "reject";
  }

  @Override
  public <R> R accept(VerbVisitor<R> visitor) {
    return visitor.reject(this);
  }
}
