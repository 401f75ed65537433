package dev.switchboard.testkit.simulator;

import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every vendor simulator shares: an HTTP server on loopback serving the vendor's API as its
 * documentation describes, a log of every exchange on the wire, scripted callees for the calls it
 * places, callbacks to the application with the vendor's retries, and one {@link Transcript} per
 * call. Users start simulators in their own tests to run a real provider without the network.
 *
 * <pre>{@code
 * try (var simulator = new SomeVendorSimulator().start()) {
 *   simulator.scriptNextCall(Callee.builder().presses("1").build());
 *   // point the provider's base URL at simulator.baseUrl(), place a call, then:
 *   Transcript transcript = simulator.awaitTranscript(callId, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>A subclass implements {@link #handle(WebhookRequest)} for the vendor's endpoints, runs each
 * call with {@link #runCall}, and finishes it with {@link #finishCall}.
 */
public abstract class VendorSimulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VendorSimulator.class);

  private final String vendor;
  private final int callbackAttempts;

  /**
   * Every exchange by the order it began in, so that a request the application sends while
   * answering a callback is logged after that callback although it is answered first.
   */
  private final ConcurrentSkipListMap<Long, WireExchange> wire = new ConcurrentSkipListMap<>();

  private final AtomicLong exchanges = new AtomicLong();
  private final AtomicInteger requests = new AtomicInteger();
  private final ConcurrentLinkedQueue<Callee> scripted = new ConcurrentLinkedQueue<>();
  private final Map<String, CompletableFuture<Transcript>> transcripts = new ConcurrentHashMap<>();
  private final ExecutorService calls = Executors.newCachedThreadPool(daemon("calls"));
  private final List<SimulatorListener> listeners = new CopyOnWriteArrayList<>();
  private final ControlApi control = new ControlApi(this);
  private volatile Callee defaultCallee = Callee.answering();
  private volatile URI applicationUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private WebhookServer server;

  /**
   * @param vendor the vendor's name, for logs and errors
   * @param callbackAttempts how many times a callback is sent until it is answered 200 (Xoxzo: 10;
   *     1 for vendors that do not retry)
   */
  protected VendorSimulator(String vendor, int callbackAttempts) {
    if (callbackAttempts < 1) {
      throw new IllegalArgumentException("callbackAttempts must be at least 1");
    }
    this.vendor = vendor;
    this.callbackAttempts = callbackAttempts;
  }

  /** Starts serving on a free loopback port; returns this simulator. */
  public final VendorSimulator start() {
    return start(0);
  }

  /** Starts serving on loopback port {@code port}, a free one when 0; returns this simulator. */
  public final synchronized VendorSimulator start(int port) {
    if (server == null) {
      try {
        server =
            WebhookServer.start(
                this::exchange, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the " + vendor + " simulator", e);
      }
    }
    return this;
  }

  /** Where the simulated API is, e.g. {@code http://127.0.0.1:41234}; the provider's base URL. */
  public final synchronized URI baseUrl() {
    if (server == null) {
      throw new IllegalStateException("the " + vendor + " simulator is not started");
    }
    return server.localUrl();
  }

  /** The vendor's API: answers one request to the simulator. */
  protected abstract WebhookResponse handle(WebhookRequest request);

  /** The vendor's name, e.g. {@code Voxtelesys}. */
  public final String vendor() {
    return vendor;
  }

  /** Tells {@code listener} of every exchange and finished call from now on. */
  public final void addListener(SimulatorListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** The callee of every call for which none is scripted; by default one who answers, silent. */
  public final void defaultCallee(Callee callee) {
    this.defaultCallee = Objects.requireNonNull(callee, "callee");
  }

  /** Where incoming calls started over the control API go when the request names no URL. */
  public final void applicationUrl(URI url) {
    this.applicationUrl = url;
  }

  final Optional<URI> applicationUrl() {
    return Optional.ofNullable(applicationUrl);
  }

  /**
   * Calls the application at {@code applicationUrl} as a caller from {@code from} to {@code to},
   * numbers in the vendor's own form, and returns what the caller observed once the call ends.
   *
   * @throws UnsupportedOperationException for a vendor whose incoming calls this cannot start
   */
  public Transcript incomingCall(URI applicationUrl, String from, String to, Callee callee) {
    throw new UnsupportedOperationException(
        "the " + vendor + " simulator cannot start an incoming call this way");
  }

  /**
   * Forgets every exchange, scripted callee and transcript; calls in progress go on. The control
   * API's {@code POST /_switchboard/reset}.
   */
  public final void reset() {
    wire.clear();
    scripted.clear();
    transcripts.clear();
    requests.set(0);
  }

  /** The transcript of a call that ended, waiting up to {@code wait} for it to end. */
  final Optional<Transcript> transcript(String callId, Duration wait) {
    CompletableFuture<Transcript> transcript = transcripts.get(callId);
    if (transcript == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(transcript.get(wait.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private void record(long begun, WireExchange exchange) {
    wire.put(begun, exchange);
    for (SimulatorListener listener : listeners) {
      try {
        listener.exchanged(exchange);
      } catch (RuntimeException e) {
        LOG.warn("A listener of the {} simulator failed", vendor, e);
      }
    }
  }

  private WebhookResponse exchange(WebhookRequest request) {
    if (ControlApi.handles(request)) {
      return control.handle(request);
    }
    requests.incrementAndGet();
    long begun = exchanges.incrementAndGet();
    WebhookResponse response;
    try {
      response = handle(request);
    } catch (RuntimeException e) {
      LOG.error("{} simulator failed on {}", vendor, request, e);
      response = WebhookResponse.serverError();
    }
    record(
        begun,
        new WireExchange(
            WireExchange.Direction.TO_VENDOR,
            request.method(),
            request.uri(),
            request.headers(),
            request.bodyText(),
            response.status(),
            response.body()));
    return response;
  }

  /** The callee of the next call this simulator places or receives. */
  public final void scriptNextCall(Callee callee) {
    scripted.add(callee);
  }

  /** The next scripted callee, or one who answers and stays silent. */
  protected final Callee nextCallee() {
    return Optional.ofNullable(scripted.poll()).orElse(defaultCallee);
  }

  /** Runs a call in the background, as the vendor does after accepting it. */
  protected final void runCall(String callId, Runnable call) {
    transcripts.computeIfAbsent(callId, id -> new CompletableFuture<>());
    calls.execute(
        () -> {
          try {
            call.run();
          } catch (RuntimeException e) {
            LOG.error("{} simulator failed running call {}", vendor, callId, e);
            transcripts.get(callId).completeExceptionally(e);
          }
        });
  }

  /** Records the transcript of a call that is over. */
  protected final void finishCall(String callId, Transcript transcript) {
    transcripts.computeIfAbsent(callId, id -> new CompletableFuture<>()).complete(transcript);
    for (SimulatorListener listener : listeners) {
      try {
        listener.finished(callId, transcript);
      } catch (RuntimeException e) {
        LOG.warn("A listener of the {} simulator failed", vendor, e);
      }
    }
  }

  /**
   * Waits until the call is over and returns what its callee observed.
   *
   * @throws AssertionError when the call does not end within {@code timeout}, or its simulation
   *     failed
   */
  public final Transcript awaitTranscript(String callId, Duration timeout) {
    CompletableFuture<Transcript> transcript =
        transcripts.computeIfAbsent(callId, id -> new CompletableFuture<>());
    try {
      return transcript.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(
          vendor
              + " call "
              + callId
              + " did not end within "
              + timeout
              + "; wire log:\n"
              + wireText(),
          e);
    } catch (ExecutionException e) {
      throw new AssertionError(vendor + " simulator failed on call " + callId, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Sends a callback to the application and retries until it is answered 200, up to the vendor's
   * number of attempts; every attempt is logged on the wire.
   *
   * @return the last response's status, or 0 when the application could not be reached
   */
  protected final int sendCallback(String method, URI url, String contentType, String body) {
    int status = 0;
    for (int attempt = 1; attempt <= callbackAttempts && status != 200; attempt++) {
      status = sendOnce(method, url, contentType, body);
    }
    return status;
  }

  /** Sends a request to the application once, logs it, and returns the response. */
  protected final HttpResponse<String> fetch(
      String method, URI url, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (!contentType.isEmpty()) {
      request.header("Content-Type", contentType);
    }
    long begun = exchanges.incrementAndGet();
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      record(
          begun,
          new WireExchange(
              WireExchange.Direction.TO_APPLICATION, method, url, Map.of(), body, 0, e.toString()));
      throw e;
    }
    record(
        begun,
        new WireExchange(
            WireExchange.Direction.TO_APPLICATION,
            method,
            url,
            contentType.isEmpty() ? Map.of() : Map.of("Content-Type", List.of(contentType)),
            body,
            response.statusCode(),
            response.body()));
    return response;
  }

  private int sendOnce(String method, URI url, String contentType, String body) {
    try {
      return fetch(method, url, contentType, body).statusCode();
    } catch (IOException e) {
      // fetch logged the failed attempt.
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** Every exchange answered so far, in the order they began. */
  public final List<WireExchange> wireLog() {
    return List.copyOf(wire.values());
  }

  /** The wire log as text, one exchange after another. */
  public final String wireText() {
    StringBuilder out = new StringBuilder();
    for (WireExchange exchange : wire.values()) {
      out.append(exchange.render()).append("\n\n");
    }
    return out.toString();
  }

  /** How many requests the application has sent to the simulated vendor. */
  public final int requestCount() {
    return requests.get();
  }

  /** Stops the server and the calls in progress. */
  @Override
  public synchronized void close() {
    calls.shutdownNow();
    if (server != null) {
      server.close();
      server = null;
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "simulator-" + name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
