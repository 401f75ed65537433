package dev.switchboard.discovery;

/** A provider that constructs but whose {@link #id()} fails. */
public class ExplodingIdProvider extends FakeProvider {
  /** What {@link #id()} fails with, so tests can find it in messages. */
  public static final String FAILURE = "id of the exploding provider failed";

  public ExplodingIdProvider() {
    super("unused");
  }

  @Override
  public String id() {
    throw new IllegalStateException(FAILURE);
  }
}
