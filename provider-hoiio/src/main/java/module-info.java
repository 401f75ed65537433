/**
 * Switchboard provider for Hoiio: flows as chains of IVR blocks, each sent after a notification.
 */
module dev.switchboard.hoiio {
  requires transitive dev.switchboard;
  // Brings OkHttp and Jackson, whose types its API is made of.
  requires dev.switchboard.provider.support;

  exports dev.switchboard.hoiio;

  provides dev.switchboard.spi.VoiceProvider with
      dev.switchboard.hoiio.HoiioProvider;
}
