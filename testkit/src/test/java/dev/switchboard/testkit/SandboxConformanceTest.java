package dev.switchboard.testkit;

/** The sandbox is the reference interpreter behind the provider SPI: it must pass the whole kit. */
class SandboxConformanceTest extends ProviderConformanceKit {
  @Override
  protected ConformanceTarget createTarget() {
    return new SandboxTarget();
  }
}
