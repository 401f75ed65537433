package dev.switchboard.discovery;

/** A good provider with id {@code alpha}. */
public class AlphaProvider extends FakeProvider {
  public AlphaProvider() {
    super("alpha");
  }
}
