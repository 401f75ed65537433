package dev.switchboard.voxtelesys.internal;

import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.VoiceObserver;
import dev.switchboard.provider.support.CallbackFields;
import dev.switchboard.provider.support.ErrorTable;
import dev.switchboard.provider.support.HttpAnswer;
import dev.switchboard.provider.support.HttpTimeouts;
import dev.switchboard.provider.support.VendorError;
import dev.switchboard.provider.support.VendorHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The v1 REST API: calls, conferences and participants. Maps HTTP errors and the vendor's error
 * codes to Switchboard's exceptions, keeping the code.
 *
 * <p>Creating a call is sent exactly once (see {@link VendorHttp#sendingOnce()}), since a retry
 * could ring someone twice. Reads are retried once on an I/O error.
 */
public final class VoxtelesysApi {
  static final String PROVIDER = "voxtelesys";
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ErrorTable ERRORS = new ErrorTable(422, VoxtelesysApi::error);

  /**
   * Page size for listings: the size the document's own examples ask for and answer with. The
   * document names a default (25) and no maximum, so nothing larger is assumed to be accepted.
   */
  static final int PAGE_SIZE = 50;

  private final HttpUrl base;
  private final String authorization;
  private final VendorHttp reads;
  private final VendorHttp creates;

  public VoxtelesysApi(HttpUrl base, String apiKey, HttpTimeouts timeouts) {
    this.base = base;
    this.authorization = "Bearer " + apiKey;
    this.reads = VendorHttp.retrying(PROVIDER, "Voxtelesys", timeouts);
    this.creates = reads.sendingOnce();
  }

  /** Reports every request to the vendor to {@code observer}. */
  public void observe(VoiceObserver observer) {
    reads.observe(observer);
  }

  /** Releases the connection pool and the dispatcher's threads. */
  public void close() {
    reads.close();
  }

  /** {@code POST /calls}; the new call object. */
  public JsonNode createCall(String to, String from, String voxXml) {
    String body =
        JSON.createObjectNode().put("to", to).put("from", from).put("voxXML", voxXml).toString();
    return creates.create(
        request("calls").post(RequestBody.create(body, JSON_TYPE)).build(), ERRORS);
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
              Request request = request(page++, path).get().build();
              JsonNode body = reads.list(request, ERRORS);
              if (!body.path("results").isArray()) {
                // An empty or foreign body would otherwise read as "no calls", and a call asked
                // for by id as not found, when nothing was learnt at all.
                throw new ProviderUnavailableException(
                    "Voxtelesys answered GET "
                        + request.url().encodedPath()
                        + " with no results list",
                    PROVIDER,
                    null,
                    null);
              }
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

  private static JsonNode send(VendorHttp http, Request.Builder builder, boolean idempotent) {
    Request request = builder.build();
    return idempotent ? http.sendRetryingOnce(request, ERRORS) : http.send(request, ERRORS);
  }

  /**
   * Reads an error answer, keeping every field the vendor sent. The document shows an error as an
   * {@code error} object ({@code code}, {@code description}, {@code time}) and asks that the {@code
   * error_id} of a 500 be quoted to support; the vendor's own client reads {@code message} and
   * {@code error_id}. The code is the vendor's (5105, 5106, ...) or else the HTTP status; the
   * message names the request, the status, the text, the code, the {@code error_id} and every other
   * field, since the exception has no other place for them.
   */
  static VendorError error(HttpAnswer answer) {
    Map<String, String> fields = fields(answer.body());
    int status = answer.status();
    String code =
        fields.containsKey("error.code") ? fields.remove("error.code") : String.valueOf(status);
    String text =
        fields.containsKey("error.description")
            ? fields.remove("error.description")
            : fields.containsKey("message") ? fields.remove("message") : "";
    fields.remove("status", String.valueOf(status));
    List<String> details = new ArrayList<>();
    details.add("code " + code);
    if (fields.containsKey("error_id")) {
      details.add("error_id " + fields.remove("error_id"));
    }
    fields.forEach((name, value) -> details.add(name + " " + value));
    String what =
        answer.where()
            + " failed with "
            + status
            + (text.isEmpty() ? "" : ": " + text)
            + " ("
            + String.join(", ", details)
            + ")";
    switch (status) {
      case 401:
        return new VendorError(code, "Voxtelesys refused the API key: " + what);
      case 404:
        return new VendorError(code, "Voxtelesys does not know it: " + what);
      default:
        return new VendorError(code, what);
    }
  }

  /** The fields of a JSON error body, nested ones as {@code error.code}; none when not JSON. */
  private static Map<String, String> fields(String body) {
    try {
      JsonNode json = JSON.readTree(body);
      if (json != null && json.isObject()) {
        return new LinkedHashMap<>(CallbackFields.flatten(json));
      }
    } catch (JacksonException e) {
      // Not JSON (a proxy's page, say): the HTTP status is all we know.
    }
    return new LinkedHashMap<>();
  }
}
