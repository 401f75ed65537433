package dev.switchboard.xoxzo.internal;

import dev.switchboard.Violation;
import dev.switchboard.VoiceObserver;
import dev.switchboard.provider.support.ErrorTable;
import dev.switchboard.provider.support.HttpAnswer;
import dev.switchboard.provider.support.HttpTimeouts;
import dev.switchboard.provider.support.VendorError;
import dev.switchboard.provider.support.VendorHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Voice API over HTTP Basic auth: form POSTs that create calls and conferences or rent and
 * route DINs, GETs that read them, DELETEs that give DINs back. Nothing but a read is retried (a
 * retry could ring someone twice, or rent a number twice); reads are retried once.
 */
public final class XoxzoApi {
  static final String PROVIDER = "xoxzo";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ErrorTable ERRORS = new ErrorTable(400, XoxzoApi::error);

  private final HttpUrl base;
  private final String authorization;
  private final VendorHttp http;

  public XoxzoApi(HttpUrl base, String sid, String authToken, HttpTimeouts timeouts) {
    this.base = base;
    this.authorization = Credentials.basic(sid, authToken);
    this.http = VendorHttp.sendingOnce(PROVIDER, "Xoxzo", timeouts);
  }

  /** Reports every request to the vendor to {@code observer}. */
  public void observe(VoiceObserver observer) {
    http.observe(observer);
  }

  /** Releases the connection pool and the dispatcher's threads. */
  public void close() {
    http.close();
  }

  /**
   * POSTs a form to the collection named by {@code segments}; the JSON answer. Sent once: it
   * creates a call or a conference, or rents a number.
   */
  JsonNode create(Map<String, String> form, String... segments) {
    return http.create(post(form, segments), ERRORS);
  }

  /**
   * POSTs a form to the existing resource named by {@code segments}, where a 404 says it is
   * unknown. Sent once, as a change.
   */
  JsonNode update(Map<String, String> form, String... segments) {
    return http.send(post(form, segments), ERRORS);
  }

  private Request post(Map<String, String> form, String... segments) {
    FormBody.Builder body = new FormBody.Builder();
    form.forEach(body::add);
    return request(Map.of(), segments).post(body.build()).build();
  }

  /** GETs the resource named by {@code segments}; retried once on an I/O error. */
  JsonNode read(String... segments) {
    return read(Map.of(), segments);
  }

  /** GETs the resource named by {@code segments} with {@code query}; retried once. */
  JsonNode read(Map<String, String> query, String... segments) {
    return http.sendRetryingOnce(request(query, segments).get().build(), ERRORS);
  }

  /**
   * DELETEs the resource named by {@code segments}. Sent once: after a lost answer a repeat would
   * be told the resource is unknown.
   */
  void delete(String... segments) {
    http.send(request(Map.of(), segments).delete().build(), ERRORS);
  }

  /**
   * A request to the resource named by {@code segments} below the base URL, each escaped as one
   * path segment and ending in {@code /} as Xoxzo's URLs do.
   */
  private Request.Builder request(Map<String, String> query, String... segments) {
    HttpUrl.Builder url = base.newBuilder();
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    url.addPathSegment("");
    query.forEach(url::addQueryParameter);
    return new Request.Builder().url(url.build()).header("Authorization", authorization);
  }

  /**
   * A value's text, or the JSON of an object or array (Django nests errors of list fields), since
   * Jackson refuses to read a container as text.
   */
  static String text(JsonNode node) {
    return node.isValueNode() ? node.asString() : node.toString();
  }

  /** 400 lists every field and message; the other statuses name the request. */
  static VendorError error(HttpAnswer answer) {
    String where = answer.where();
    String body = answer.body();
    JsonNode json;
    try {
      json = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (JacksonException e) {
      json = JSON.createObjectNode();
    }
    int status = answer.status();
    String code = String.valueOf(status);
    switch (status) {
      case 400:
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
          if (field.getValue().isArray()) {
            field.getValue().forEach(m -> violations.add(new Violation(field.getKey(), text(m))));
          } else {
            violations.add(new Violation(field.getKey(), text(field.getValue())));
          }
        }
        return new VendorError(code, "Xoxzo refused " + where + " with 400", violations);
      case 401:
        return new VendorError(
            code,
            "Xoxzo refused the SID or auth token on "
                + where
                + ": "
                + json.path("detail").asString(""));
      case 404:
        return new VendorError(code, "Xoxzo does not know " + where);
      case 429:
        return new VendorError(code, "Xoxzo throttled " + where);
      default:
        return new VendorError(code, "Xoxzo failed " + where + " with " + status);
    }
  }
}
