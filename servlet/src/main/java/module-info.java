/** Switchboard's webhooks served by a Servlet 6 container. */
module dev.switchboard.servlet {
  requires transitive dev.switchboard;
  requires jakarta.servlet;
  requires org.slf4j;

  exports dev.switchboard.servlet;
}
