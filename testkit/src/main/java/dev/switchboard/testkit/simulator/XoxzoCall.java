package dev.switchboard.testkit.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call the Xoxzo simulator placed, as the Check Call Status API shows it: a simple playback or
 * one participant's leg of a simple conference. It is {@code IN PROGRESS} until {@link #end} gives
 * it its final status, end time, duration and cost. Thread-safe.
 */
final class XoxzoCall {
  static final String PLAYBACKS = "simple/playbacks";
  static final String CONFERENCES = "simple/conferences";

  static final String IN_PROGRESS = "IN PROGRESS";
  static final String ANSWERED = "ANSWERED";
  static final String NO_ANSWER = "NO ANSWER";
  static final String FAILED = "FAILED";

  /** UTC, {@code YYYY-MM-DD HH:MM:SS}, as the document's examples write times. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final String id;
  private final String caller;
  private final String recipient;
  private final List<String> tags;
  private final String callType;
  private final String url;
  private final Instant start;

  private String status = IN_PROGRESS;
  private Instant end;
  private int duration;
  private int cost;

  XoxzoCall(
      String id,
      String caller,
      String recipient,
      List<String> tags,
      String callType,
      String url,
      Instant start) {
    this.id = id;
    this.caller = caller;
    this.recipient = recipient;
    this.tags = List.copyOf(tags);
    this.callType = callType;
    this.url = url;
    this.start = start;
  }

  String id() {
    return id;
  }

  String recipient() {
    return recipient;
  }

  Instant start() {
    return start;
  }

  /** Gives the call its final state; a call ends once. */
  synchronized void end(String finalStatus, Instant endTime, int seconds, int credits) {
    if (end != null) {
      throw new IllegalStateException("call " + id + " already ended " + status);
    }
    this.status = finalStatus;
    this.end = endTime;
    this.duration = seconds;
    this.cost = credits;
  }

  /** The Check Call Status object: {@code end_time} is null while the call is in progress. */
  synchronized ObjectNode json(JsonMapper json) {
    ObjectNode out = json.createObjectNode();
    out.put("callid", id);
    out.put("caller", caller);
    out.put("recipient", recipient);
    out.put("url", url);
    ArrayNode list = out.putArray("tags");
    tags.forEach(list::add);
    out.put("start_time", TIME.format(start));
    if (end == null) {
      out.putNull("end_time");
    } else {
      out.put("end_time", TIME.format(end));
    }
    out.put("direction", "outbound");
    out.put("cost", cost);
    out.put("status", status);
    out.put("duration", duration);
    out.put("call_type", callType);
    return out;
  }

  /**
   * The same fields as a form body for the end-of-call callback: {@code tags} comma separated, an
   * absent end time empty.
   */
  synchronized String form() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("callid", id);
    fields.put("caller", caller);
    fields.put("recipient", recipient);
    fields.put("url", url);
    fields.put("tags", String.join(",", tags));
    fields.put("start_time", TIME.format(start));
    fields.put("end_time", end == null ? "" : TIME.format(end));
    fields.put("direction", "outbound");
    fields.put("cost", Integer.toString(cost));
    fields.put("status", status);
    fields.put("duration", Integer.toString(duration));
    fields.put("call_type", callType);
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
