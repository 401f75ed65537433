package dev.switchboard.voxtelesys.internal;

import dev.switchboard.AuthenticationException;
import dev.switchboard.CallNotFoundException;
import dev.switchboard.InvalidInputException;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.RateLimitedException;
import dev.switchboard.Violation;
import dev.switchboard.VoiceException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The v1 REST API: calls, conferences and participants. Maps HTTP errors and the vendor's error
 * codes to Switchboard's exceptions, keeping the code.
 *
 * <p>Creating a call is sent exactly once (see {@link #sendingOnce}), since a retry could ring
 * someone twice. Reads are retried once on an I/O error.
 */
public final class VoxtelesysApi {
  static final String PROVIDER = "voxtelesys";
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Page size for listings; the vendor's maximum. */
  static final int PAGE_SIZE = 100;

  private final HttpUrl base;
  private final String authorization;
  private final OkHttpClient reads;
  private final OkHttpClient creates;

  public VoxtelesysApi(HttpUrl base, String apiKey, Duration timeout) {
    this.base = base;
    this.authorization = "Bearer " + apiKey;
    this.reads = new OkHttpClient.Builder().callTimeout(timeout).build();
    this.creates = sendingOnce(reads.newBuilder());
  }

  /**
   * A client that sends each request once. OkHttp otherwise re-sends a request by itself on a 503
   * with {@code Retry-After: 0} and on 307/308 redirects, and a re-sent call creation could ring
   * someone twice; so redirects are not followed and that header is dropped before OkHttp sees it.
   */
  private static OkHttpClient sendingOnce(OkHttpClient.Builder builder) {
    return builder
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .addNetworkInterceptor(
            chain -> {
              Response response = chain.proceed(chain.request());
              return response.code() == 503
                  ? response.newBuilder().removeHeader("Retry-After").build()
                  : response;
            })
        .build();
  }

  /** Releases the connection pool and the dispatcher's threads. */
  public void close() {
    reads.dispatcher().executorService().shutdown();
    reads.connectionPool().evictAll();
  }

  /** {@code POST /calls}; the new call object. */
  public JsonNode createCall(String to, String from, String voxXml) {
    String body =
        JSON.createObjectNode().put("to", to).put("from", from).put("voxXML", voxXml).toString();
    return send(creates, request("calls").post(RequestBody.create(body, JSON_TYPE)), false);
  }

  /** {@code POST /calls/{id}}: replaces what a live call is doing. */
  public void modifyCall(String id, String voxXml) {
    send(reads, request("calls", id).post(voxXml(voxXml)), false);
  }

  /** {@code DELETE /calls/{id}}: hangs up a live call. */
  public void deleteCall(String id) {
    send(reads, request("calls", id).delete(), false);
  }

  /** {@code POST /conferences/{id}}. */
  public void modifyConference(String id, String voxXml) {
    send(reads, request("conferences", id).post(voxXml(voxXml)), false);
  }

  /** {@code DELETE /conferences/{id}}: ends a conference, hanging up every participant. */
  public void deleteConference(String id) {
    send(reads, request("conferences", id).delete(), false);
  }

  /** {@code POST /conferences/{conf}/participants/{id}}. */
  public void modifyParticipant(String conferenceId, String id, String voxXml) {
    send(
        reads,
        request("conferences", conferenceId, "participants", id).post(voxXml(voxXml)),
        false);
  }

  /** Every call, fetched a page at a time as the stream is consumed. */
  public Stream<JsonNode> calls() {
    return paged("calls");
  }

  /** Every conference, fetched a page at a time. */
  public Stream<JsonNode> conferences() {
    return paged("conferences");
  }

  /** The participants of a conference, fetched a page at a time. */
  public Stream<JsonNode> participants(String conferenceId) {
    return paged("conferences", conferenceId, "participants");
  }

  private static RequestBody voxXml(String voxXml) {
    return RequestBody.create(JSON.createObjectNode().put("voxXML", voxXml).toString(), JSON_TYPE);
  }

  private Stream<JsonNode> paged(String... path) {
    Spliterator<JsonNode> pages =
        new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
          private int page = 1;
          private int pageCount = 1;
          private final List<JsonNode> buffer = new ArrayList<>();

          @Override
          public boolean tryAdvance(Consumer<? super JsonNode> action) {
            while (buffer.isEmpty() && page <= pageCount) {
              JsonNode body = send(reads, request(page++, path).get(), true);
              pageCount = body.path("page_count").asInt(0);
              body.path("results").forEach(buffer::add);
            }
            if (buffer.isEmpty()) {
              return false;
            }
            action.accept(buffer.remove(0));
            return true;
          }
        };
    return StreamSupport.stream(pages, false);
  }

  private Request.Builder request(String... path) {
    return request(0, path);
  }

  private Request.Builder request(int page, String... path) {
    HttpUrl.Builder url = base.newBuilder();
    for (String segment : path) {
      url.addPathSegment(segment);
    }
    if (page > 0) {
      url.addQueryParameter("page", String.valueOf(page))
          .addQueryParameter("page_size", String.valueOf(PAGE_SIZE));
    }
    return new Request.Builder().url(url.build()).header("Authorization", authorization);
  }

  private JsonNode send(OkHttpClient client, Request.Builder builder, boolean idempotent) {
    Request request = builder.build();
    try {
      return exchange(client, request);
    } catch (IOException first) {
      if (!idempotent) {
        throw unavailable(request, first);
      }
      try {
        return exchange(client, request);
      } catch (IOException second) {
        throw unavailable(request, second);
      }
    }
  }

  private static ProviderUnavailableException unavailable(Request request, IOException e) {
    return new ProviderUnavailableException(
        "Voxtelesys did not answer "
            + request.method()
            + " "
            + request.url().encodedPath()
            + ": "
            + e.getMessage(),
        PROVIDER,
        null,
        e);
  }

  private static JsonNode exchange(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      String body = response.body().string();
      if (response.isSuccessful()) {
        return body.isBlank() ? JSON.createObjectNode() : parse(body, request);
      }
      throw error(response.code(), body, request);
    }
  }

  private static JsonNode parse(String body, Request request) {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      throw new ProviderUnavailableException(
          "Voxtelesys answered " + request.url().encodedPath() + " with a body that is not JSON",
          PROVIDER,
          null,
          e);
    }
  }

  /** Maps an error answer, keeping the vendor's code (5105, 5106, ...) or the HTTP status. */
  static VoiceException error(int status, String body, Request request) {
    JsonNode error = JSON.createObjectNode();
    try {
      error = JSON.readTree(body).path("error");
    } catch (JacksonException e) {
      // Not JSON: the HTTP status is all we know.
    }
    String code = error.has("code") ? Wire.text(error.get("code")) : String.valueOf(status);
    String description = error.path("description").asString("");
    String what =
        request.method()
            + " "
            + request.url().encodedPath()
            + " failed with "
            + status
            + (description.isEmpty() ? "" : ": " + description)
            + " (code "
            + code
            + ")";
    switch (status) {
      case 401:
        return new AuthenticationException(
            "Voxtelesys refused the API key: " + what, PROVIDER, code);
      case 404:
        return new CallNotFoundException("Voxtelesys does not know it: " + what, PROVIDER, code);
      case 422:
        return new InvalidInputException(PROVIDER, code, List.of(new Violation("request", what)));
      case 429:
        return new RateLimitedException(what, PROVIDER, code, null);
      default:
        return new ProviderUnavailableException(what, PROVIDER, code, null);
    }
  }
}
