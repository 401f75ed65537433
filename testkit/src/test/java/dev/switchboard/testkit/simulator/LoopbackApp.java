package dev.switchboard.testkit.simulator;

import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An application on loopback for the simulator tests: a {@link WebhookServer} on a free port that
 * records every request as it arrives and answers it with a reaction (200 with an empty body unless
 * told otherwise).
 *
 * <p>Every vendor's test support needs such an application, and each used to carry its own copy of
 * it; it lives here once so that it works, and is fixed, the same way for all of them. A vendor's
 * support adds only its own view of what arrived (JSON bodies, forms, notifications).
 *
 * <p>A request is on record before its reaction runs, so requests the reaction itself causes (a
 * callback set off by a REST call made from the reaction) come after it, in order of arrival.
 */
class LoopbackApp implements AutoCloseable {
  private final List<WebhookRequest> received = new CopyOnWriteArrayList<>();
  private volatile Function<WebhookRequest, WebhookResponse> reaction = r -> WebhookResponse.ok();
  private final WebhookServer server;

  /** Starts the application, handling up to {@code threads} requests at once. */
  LoopbackApp(int threads) {
    try {
      server =
          WebhookServer.start(
              request -> {
                received.add(request);
                return reaction.apply(request);
              },
              new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
              threads);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the application answers from now on. */
  LoopbackApp reacting(Function<WebhookRequest, WebhookResponse> reaction) {
    this.reaction = reaction;
    return this;
  }

  /** An absolute URL on this application. */
  String url(String path) {
    return server.localUrl() + path;
  }

  /** Every request so far, in order of arrival. */
  List<WebhookRequest> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.close();
  }
}
