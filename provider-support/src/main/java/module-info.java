/**
 * What every HTTP provider needs: OkHttp clients that send a request once, and vendor answers
 * mapped to Switchboard's exceptions. Core does not depend on it: wire technology stays out of
 * core.
 */
module dev.switchboard.provider.support {
  requires transitive dev.switchboard;
  // Requests go in and JSON comes out, so a provider reading this module reads OkHttp and Jackson.
  requires transitive okhttp3;
  requires transitive tools.jackson.databind;

  exports dev.switchboard.provider.support;
}
