package dev.switchboard.discovery;

/** A provider whose constructor fails, as one missing a dependency at run time would. */
public class ExplodingConstructorProvider extends FakeProvider {
  /** What the constructor fails with, so tests can find it in messages. */
  public static final String FAILURE = "constructor of the exploding provider failed";

  public ExplodingConstructorProvider() {
    super("exploding-constructor");
    throw new IllegalStateException(FAILURE);
  }
}
