package dev.switchboard.spi;

/** The failure of an SPI operation a provider does not implement, which the facade never calls. */
final class Undeclared {
  private Undeclared() {}

  static UnsupportedOperationException operation(String operation) {
    return new UnsupportedOperationException(
        operation + " is not implemented by this provider; it must not declare the capability");
  }
}
