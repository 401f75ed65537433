package dev.switchboard.testkit.simulator;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON the Voxtelesys simulator shows of its calls, conferences and participants, as the REST
 * API lists them: times to the millisecond in UTC, an {@code error} object once one was recorded.
 */
final class VoxJson {
  /** The one mapper the simulator writes and reads JSON with. */
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** The media type of every JSON body the simulator sends. */
  static final String TYPE = "application/json";

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private VoxJson() {}

  /** A call; read under the call's own lock, as its run changes it from another thread. */
  static ObjectNode callJson(VoxCall call) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", call.id());
    json.put("to", call.to());
    json.put("from", call.from());
    synchronized (call) {
      json.put("status", call.status());
      json.put("created_time", MILLIS.format(call.created()));
      json.put("modified_time", MILLIS.format(call.modified()));
      if (call.answered() != null) {
        json.put("answer_time", MILLIS.format(call.answered()));
      }
      if (call.hungUp() != null) {
        json.put("hangup_time", MILLIS.format(call.hungUp()));
      }
      errorJson(json, call.error());
    }
    return json;
  }

  /** A conference; the caller holds the world's lock. */
  static ObjectNode conferenceJson(VoxConference conference) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", conference.id());
    json.put("name", conference.name());
    json.put("status", conference.status());
    json.put("created_time", MILLIS.format(conference.created()));
    json.put("modified_time", MILLIS.format(conference.modified()));
    errorJson(json, conference.error());
    return json;
  }

  /**
   * A participant; the caller holds the world's lock. {@code muted} is a simulator addition, so
   * tests can see what {@code SetMute} did.
   */
  static ObjectNode participantJson(VoxConference.Participant participant) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", participant.id());
    if (!participant.label().isEmpty()) {
      json.put("label", participant.label());
    }
    json.put("created_time", MILLIS.format(participant.created()));
    json.put("modified_time", MILLIS.format(participant.modified()));
    json.put("joined_time", MILLIS.format(participant.created()));
    json.put("conference_id", participant.conferenceId());
    json.put("muted", participant.muted());
    return json;
  }

  /**
   * The body of an error answer. The document shows an error only as the {@code error} object of a
   * listed resource, and asks that a 500's {@code error_id} be quoted to support; so the body is
   * that object and, on a 500, a new {@code error_id} beside it.
   */
  static String errorAnswer(int status, VoxCall.VoxError error) {
    ObjectNode json = MAPPER.createObjectNode();
    errorJson(json, error);
    if (status == 500) {
      json.put("error_id", VoxWorld.newId());
    }
    return MAPPER.writeValueAsString(json);
  }

  /** Adds the {@code error} object to {@code json} when an error was recorded. */
  private static void errorJson(ObjectNode json, VoxCall.VoxError error) {
    if (error != null) {
      json.putObject("error")
          .put("code", error.code())
          .put("description", error.description())
          .put("time", MILLIS.format(error.time()));
    }
  }
}
