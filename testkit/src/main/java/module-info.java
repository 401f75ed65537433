/**
 * Switchboard testkit: the reference interpreter that defines what a flow means, scripted callees
 * and transcripts, vendor simulators, the conformance kit, and a sandbox provider for users' tests.
 */
module dev.switchboard.testkit {
  requires transitive dev.switchboard;
  requires transitive org.junit.jupiter.api;
  requires tools.jackson.databind;
  requires java.net.http;
  requires java.management;
  requires jdk.management;
  requires java.xml;
  requires org.slf4j;

  exports dev.switchboard.testkit;
  exports dev.switchboard.testkit.faults;
  exports dev.switchboard.testkit.junit;
  exports dev.switchboard.testkit.simulator;
  exports dev.switchboard.testkit.state;

  uses dev.switchboard.testkit.simulator.SimulatorFactory;

  provides dev.switchboard.testkit.simulator.SimulatorFactory with
      dev.switchboard.testkit.simulator.HoiioSimulatorFactory,
      dev.switchboard.testkit.simulator.VoxtelesysSimulatorFactory,
      dev.switchboard.testkit.simulator.XoxzoSimulatorFactory;
}
