package dev.switchboard.provider.support;

import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.VoiceObserver;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a vendor's requests over one OkHttp client. A vendor that does not answer (a dropped
 * connection, a time-out) is {@link ProviderUnavailableException}, with the I/O error as its cause;
 * an answer is read whole, then either handed to the vendor ({@link #exchange}) or read as JSON
 * with errors mapped by an {@link ErrorTable} ({@link #send}). Nothing here sends a request twice
 * except {@link #sendRetryingOnce}; whether OkHttp itself may is the client's setting, which {@link
 * #sendingOnce(String, String, HttpTimeouts)} turns off.
 *
 * <pre>{@code
 * VendorHttp http = VendorHttp.sendingOnce("xoxzo", "Xoxzo", HttpTimeouts.from(read, "xoxzo"));
 * JsonNode created = http.send(request, errors);
 * }</pre>
 */
public final class VendorHttp {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A path segment kept in a request's shape: a word, or a version such as {@code v1}. */
  private static final Pattern WORD = Pattern.compile("[A-Za-z_-]*|v[0-9]+");

  private final String providerId;
  private final String vendorName;
  private final OkHttpClient client;

  /** Shared with the copies {@link #sendingOnce()} makes, which send for the same provider. */
  private final AtomicReference<VoiceObserver> observer;

  /**
   * @param providerId the provider's id, carried by every exception
   * @param vendorName the vendor's name as messages give it, e.g. {@code Voxtelesys}
   * @param client the client to send with
   */
  public VendorHttp(String providerId, String vendorName, OkHttpClient client) {
    this(providerId, vendorName, client, new AtomicReference<>(VoiceObserver.NONE));
  }

  private VendorHttp(
      String providerId,
      String vendorName,
      OkHttpClient client,
      AtomicReference<VoiceObserver> observer) {
    this.providerId = providerId;
    this.vendorName = vendorName;
    this.client = client;
    this.observer = observer;
  }

  /** Reports every request from now on to {@code observer}, as {@code VENDOR_REQUEST}. */
  public void observe(VoiceObserver observer) {
    this.observer.set(observer);
  }

  /**
   * A vendor whose requests OkHttp sends once, for APIs where a re-sent request could ring someone
   * twice: no retry after a failed connection or a 503, and no redirect followed.
   *
   * @param timeouts how long a request may take
   */
  public static VendorHttp sendingOnce(
      String providerId, String vendorName, HttpTimeouts timeouts) {
    return new VendorHttp(
        providerId,
        vendorName,
        OkHttpClients.sendingOnce(timeouts.applyTo(new OkHttpClient.Builder())));
  }

  /**
   * A vendor whose requests OkHttp may send again after a failed connection, for APIs where a
   * re-sent request does no harm; {@link #sendingOnce()} derives the client for the others. No
   * redirect is followed even so: a vendor's API does not move, and a redirect loop would turn one
   * read into twenty.
   */
  public static VendorHttp retrying(String providerId, String vendorName, HttpTimeouts timeouts) {
    return new VendorHttp(
        providerId,
        vendorName,
        timeouts
            .applyTo(new OkHttpClient.Builder())
            .followRedirects(false)
            .followSslRedirects(false)
            .build());
  }

  /**
   * The same vendor over a client that OkHttp sends each request once with, for the requests that
   * create calls when the others may be re-sent. It shares this one's connections and threads, so
   * closing either closes both.
   */
  public VendorHttp sendingOnce() {
    return new VendorHttp(
        providerId, vendorName, OkHttpClients.sendingOnce(client.newBuilder()), observer);
  }

  /**
   * Sends {@code request}; its answer, whatever the status, for vendors that say in every answer's
   * body how the request went.
   *
   * @param what the request as the unavailable error names it, e.g. {@code ivr/start/dial}
   */
  public HttpAnswer exchange(Request request, String what) {
    try {
      return answer(request);
    } catch (IOException e) {
      throw unavailable(what, e);
    }
  }

  /**
   * Sends {@code request}; the JSON of a 2xx answer (an empty object when the body is blank), else
   * the exception {@code errors} maps the answer to.
   */
  public JsonNode send(Request request, ErrorTable errors) {
    return json(exchange(request, where(request)), errors);
  }

  /**
   * As {@link #send}, for a request that creates something (a call, a conference, a rented number).
   * A 404 there names no call a user could have mistyped: the vendor has no such API at that URL,
   * so it is {@link ProviderUnavailableException} pointing at the base URL, never {@link
   * dev.switchboard.CallNotFoundException}.
   */
  public JsonNode create(Request request, ErrorTable errors) {
    return json(collection(exchange(request, where(request))), errors);
  }

  /**
   * As {@link #sendRetryingOnce}, for a request that lists a collection, where a 404 means, as for
   * {@link #create}, that the vendor has no such API at that URL.
   */
  public JsonNode list(Request request, ErrorTable errors) {
    return json(collection(answerRetryingOnce(request)), errors);
  }

  /** {@code answer} from a collection's URL, unless it says there is no such collection. */
  private HttpAnswer collection(HttpAnswer answer) {
    if (answer.status() == 404) {
      throw new ProviderUnavailableException(
          vendorName
              + " answered "
              + where(answer.request())
              + " with 404: it has no such API there; check the provider's base URL",
          providerId,
          "404",
          null);
    }
    return answer;
  }

  /**
   * As {@link #send}, but sent again once when the first attempt gets no answer: for requests that
   * change nothing, so that one dropped connection does not fail a read.
   */
  public JsonNode sendRetryingOnce(Request request, ErrorTable errors) {
    return json(answerRetryingOnce(request), errors);
  }

  private HttpAnswer answerRetryingOnce(Request request) {
    try {
      return answer(request);
    } catch (IOException first) {
      return exchange(request, where(request));
    }
  }

  /** Releases the connection pool and the dispatcher's threads. */
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /** A request as messages name it: method and encoded path, never the query or credentials. */
  static String where(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  private HttpAnswer answer(Request request) throws IOException {
    VoiceObserver watching = observer.get();
    // The request's shape costs a pass over its path: only worth it when someone watches.
    VoiceObserver.Step step =
        watching == VoiceObserver.NONE
            ? VoiceObserver.Step.NONE
            : watching.begin(
                VoiceObserver.VENDOR_REQUEST,
                Map.of("provider", providerId, "request", request.method() + " " + shape(request)));
    try (Response response = client.newCall(request).execute()) {
      HttpAnswer answer =
          new HttpAnswer(
              request,
              response.code(),
              response.body().string(),
              HttpAnswer.retryAfter(response.header("Retry-After")));
      step.end(response.code() / 100 + "xx");
      return answer;
    } catch (IOException e) {
      step.end("io");
      throw e;
    }
  }

  /**
   * The request's path with its ids hidden ({@code /api/v1/calls/{id}}), so that a metric has one
   * series per kind of request: a segment of letters (or a version such as {@code v1}) is kept,
   * anything else is an id.
   */
  static String shape(Request request) {
    StringBuilder shape = new StringBuilder();
    for (String segment : request.url().pathSegments()) {
      shape.append('/');
      if (WORD.matcher(segment).matches()) {
        shape.append(segment);
      } else {
        shape.append("{id}");
      }
    }
    return shape.toString();
  }

  private JsonNode json(HttpAnswer answer, ErrorTable errors) {
    if (!answer.successful()) {
      throw errors.exception(answer, providerId);
    }
    if (answer.body().isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(answer.body());
    } catch (JacksonException e) {
      throw new ProviderUnavailableException(
          vendorName
              + " answered "
              + answer.request().url().encodedPath()
              + " with a body that is not JSON",
          providerId,
          null,
          e);
    }
  }

  private ProviderUnavailableException unavailable(String what, IOException e) {
    String message = vendorName + " did not answer " + what + ": " + e.getMessage();
    return unreached(e)
        ? ProviderUnavailableException.unreached(message, providerId, e)
        : new ProviderUnavailableException(message, providerId, null, e);
  }

  /**
   * Whether {@code e} proves the request never reached the vendor: no connection could be opened
   * (refused, no route, an unknown host, a failed TLS handshake), so nothing was written. A
   * time-out is never such proof, since it cannot say whether the request had been written.
   */
  static boolean unreached(IOException e) {
    return e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof UnknownHostException
        || e instanceof SSLHandshakeException;
  }
}
