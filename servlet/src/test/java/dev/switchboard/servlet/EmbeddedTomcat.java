package dev.switchboard.servlet;

import jakarta.servlet.Servlet;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** A real Tomcat on a free loopback port, serving one servlet at a path under a context. */
final class EmbeddedTomcat implements AutoCloseable {
  private final Tomcat tomcat = new Tomcat();
  private final String contextPath;

  EmbeddedTomcat(String contextPath, String mapping, Servlet servlet) {
    this.contextPath = contextPath;
    try {
      tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
      Connector connector = new Connector();
      connector.setPort(0);
      connector.setProperty("address", "127.0.0.1");
      tomcat.setConnector(connector);
      Context context = tomcat.addContext(contextPath, new File(".").getAbsolutePath());
      Tomcat.addServlet(context, "switchboard", servlet);
      context.addServletMappingDecoded(mapping, "switchboard");
      tomcat.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LifecycleException e) {
      throw new IllegalStateException("Tomcat did not start", e);
    }
  }

  /** The context's URL, e.g. {@code http://127.0.0.1:41234/app}. */
  URI url() {
    return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + contextPath);
  }

  @Override
  public void close() {
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }
}
