/** Switchboard's operations and events as Micrometer observations and meters. */
module dev.switchboard.micrometer {
  requires transitive dev.switchboard;
  requires transitive micrometer.observation;
  requires transitive micrometer.core;

  exports dev.switchboard.micrometer;
}
