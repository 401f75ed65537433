/**
 * Switchboard provider for Xoxzo: one-message calls (MP3 or text-to-speech) and simple conferences.
 */
module dev.switchboard.xoxzo {
  requires transitive dev.switchboard;
  // Brings OkHttp and Jackson, whose types its API is made of.
  requires dev.switchboard.provider.support;

  exports dev.switchboard.xoxzo;

  provides dev.switchboard.spi.VoiceProvider with
      dev.switchboard.xoxzo.XoxzoProvider;
}
