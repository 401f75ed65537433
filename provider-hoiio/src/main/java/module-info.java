/**
 * Switchboard provider for Hoiio: flows as chains of IVR blocks, each sent after a notification.
 */
module dev.switchboard.hoiio {
  requires transitive dev.switchboard;
  requires okhttp3;
  requires tools.jackson.databind;

  exports dev.switchboard.hoiio;

  provides dev.switchboard.spi.VoiceProvider with
      dev.switchboard.hoiio.HoiioProvider;
}
