/**
 * Switchboard core: the neutral call model, flow files, client facade, provider SPI and webhooks.
 */
module dev.switchboard {
  requires transitive org.slf4j;
  requires tools.jackson.databind;

  exports dev.switchboard;
  exports dev.switchboard.flow;
  exports dev.switchboard.event;
  exports dev.switchboard.spi;
  exports dev.switchboard.webhook;
  exports dev.switchboard.state;

  uses dev.switchboard.spi.VoiceProvider;
  uses dev.switchboard.state.StateStoreFactory;
}
