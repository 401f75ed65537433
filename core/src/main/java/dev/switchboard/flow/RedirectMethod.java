package dev.switchboard.flow;

/** The HTTP method a {@link Redirect} fetches its flow with. */
public enum RedirectMethod {
  GET,
  POST
}
