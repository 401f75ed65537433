/** Switchboard provider for the Voxtelesys v1 Voice API: flows as VoxXML, REST over OkHttp. */
module dev.switchboard.voxtelesys {
  requires transitive dev.switchboard;
  // Brings OkHttp and Jackson, whose types its API is made of.
  requires dev.switchboard.provider.support;
  requires jakarta.xml.bind;

  exports dev.switchboard.voxtelesys;

  // JAXB reads and writes the VoxXML model reflectively.
  opens dev.switchboard.voxtelesys.internal.voxxml to
      jakarta.xml.bind;

  provides dev.switchboard.spi.VoiceProvider with
      dev.switchboard.voxtelesys.VoxtelesysProvider;
}
