package dev.switchboard.discovery;

/** A provider without the public no-argument constructor ServiceLoader needs. */
public class NoDefaultConstructorProvider extends FakeProvider {
  public NoDefaultConstructorProvider(String id) {
    super(id);
  }
}
