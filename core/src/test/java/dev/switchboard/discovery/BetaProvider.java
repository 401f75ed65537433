package dev.switchboard.discovery;

/** A second good provider, with id {@code beta}. */
public class BetaProvider extends FakeProvider {
  public BetaProvider() {
    super("beta");
  }
}
