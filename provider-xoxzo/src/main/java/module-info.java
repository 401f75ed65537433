/**
 * Switchboard provider for Xoxzo: one-message calls (MP3 or text-to-speech) and simple conferences.
 */
module dev.switchboard.xoxzo {
  requires transitive dev.switchboard;
  requires okhttp3;
  requires tools.jackson.databind;

  exports dev.switchboard.xoxzo;

  provides dev.switchboard.spi.VoiceProvider with
      dev.switchboard.xoxzo.XoxzoProvider;
}
