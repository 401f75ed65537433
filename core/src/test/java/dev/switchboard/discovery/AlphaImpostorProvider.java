package dev.switchboard.discovery;

/** A second provider claiming the id {@code alpha}, as a stale or forked jar would. */
public class AlphaImpostorProvider extends FakeProvider {
  public AlphaImpostorProvider() {
    super("alpha");
  }
}
