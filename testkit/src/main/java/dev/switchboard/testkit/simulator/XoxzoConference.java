package dev.switchboard.testkit.simulator;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simple conference: one {@link XoxzoCall} per participant, in the order the participants were
 * given. Its end time, duration and cost are derived from the legs.
 */
final class XoxzoConference {
  private final String id;
  private final Instant start;
  private final List<XoxzoCall> legs;

  XoxzoConference(String id, Instant start, List<XoxzoCall> legs) {
    this.id = id;
    this.start = start;
    this.legs = List.copyOf(legs);
  }

  String id() {
    return id;
  }

  List<XoxzoCall> legs() {
    return legs;
  }

  /** The create answer: the conference id and each participant's call id. */
  ObjectNode created(JsonMapper json) {
    ObjectNode out = json.createObjectNode();
    out.put("conferenceid", id);
    ArrayNode participants = out.putArray("participants");
    for (XoxzoCall leg : legs) {
      participants.addObject().put("callid", leg.id()).put("participant", leg.recipient());
    }
    return out;
  }

  /**
   * The Checking Conference Status object: each leg's call status; {@code end_time} is the last
   * leg's end (null while any leg is in progress), {@code duration} the longest leg's, {@code cost}
   * the sum of the legs'.
   */
  ObjectNode json(JsonMapper json) {
    ObjectNode out = json.createObjectNode();
    out.put("conferenceid", id);
    ArrayNode participants = out.putArray("participants");
    String startTime = XoxzoCall.TIME.format(start);
    String end = startTime;
    boolean over = true;
    int duration = 0;
    int cost = 0;
    for (XoxzoCall leg : legs) {
      // One snapshot per leg, so that the totals agree with what the participants show.
      ObjectNode status = leg.json(json);
      participants.add(status);
      if (status.get("end_time").isNull()) {
        over = false;
      } else if (status.get("end_time").asString().compareTo(end) > 0) {
        end = status.get("end_time").asString();
      }
      duration = Math.max(duration, status.get("duration").asInt());
      cost += status.get("cost").asInt();
    }
    out.put("start_time", startTime);
    if (over) {
      out.put("end_time", end);
    } else {
      out.putNull("end_time");
    }
    out.put("duration", duration);
    out.put("cost", cost);
    return out;
  }
}
