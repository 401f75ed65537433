package dev.switchboard.testkit.simulator;

/** A block request the simulated Hoiio refuses, with the {@code status} it answers. */
final class HoiioRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String status;

  HoiioRefusal(String status) {
    super(status, null, false, false);
    this.status = status;
  }

  /** The {@code error_*} status answered. */
  String status() {
    return status;
  }
}
