package dev.switchboard.testkit;

import dev.switchboard.testkit.Observation.Gathered;
import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.JoinedConference;
import dev.switchboard.testkit.Observation.Paused;
import dev.switchboard.testkit.Observation.Played;
import dev.switchboard.testkit.Observation.Recorded;
import dev.switchboard.testkit.Observation.RecordingCall;
import dev.switchboard.testkit.Observation.Redirected;
import dev.switchboard.testkit.Observation.Rejected;
import dev.switchboard.testkit.Observation.Said;
import dev.switchboard.testkit.Observation.Transferred;
import dev.switchboard.testkit.Observation.Unanswered;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON-lines form of a {@link Transcript}: one object a line, {@code type} first, as {@code
 * switchboard simulate --json} prints it.
 */
public final class TranscriptJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TranscriptJson() {}

  public static String write(Transcript transcript) {
    StringBuilder out = new StringBuilder();
    for (Observation o : transcript.observations()) {
      out.append(JSON.writeValueAsString(toNode(o))).append('\n');
    }
    return out.toString();
  }

  /** One observation as a JSON object. */
  public static String write(Observation observation) {
    return JSON.writeValueAsString(toNode(observation));
  }

  private static ObjectNode toNode(Observation o) {
    ObjectNode node = JSON.createObjectNode().put("type", o.type());
    if (o instanceof Said s) {
      node.put("text", s.text()).put("language", s.language()).put("gender", s.gender());
    } else if (o instanceof Played p) {
      node.put("url", p.url());
    } else if (o instanceof Paused p) {
      node.put("seconds", p.seconds());
    } else if (o instanceof Gathered g) {
      node.put("digits", g.digits());
      if (!g.speech().isEmpty()) {
        node.put("speech", g.speech());
      }
    } else if (o instanceof Recorded r) {
      node.put("url", r.url());
    } else if (o instanceof Transferred t) {
      t.to().forEach(node.putArray("to")::add);
      node.put("outcome", t.outcome());
      if (!t.answeredBy().isEmpty()) {
        node.put("answeredBy", t.answeredBy());
      }
    } else if (o instanceof JoinedConference c) {
      node.put("room", c.room());
    } else if (o instanceof Redirected r) {
      node.put("url", r.url());
    } else if (o instanceof HungUp h) {
      node.put("by", h.by());
    } else if (o instanceof Unanswered u) {
      node.put("reason", u.reason());
    }
    return node;
  }

  /**
   * Reads JSON lines; blank lines are skipped.
   *
   * @throws IllegalArgumentException naming the line of a malformed or unknown observation
   */
  public static Transcript read(String lines) {
    List<Observation> observations = new ArrayList<>();
    String[] split = lines.split("\n", -1);
    for (int i = 0; i < split.length; i++) {
      String line = split[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        observations.add(fromNode(JSON.readTree(line)));
      } catch (JacksonException | IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new Transcript(observations);
  }

  private static Observation fromNode(JsonNode node) {
    String type = text(node, "type");
    switch (type) {
      case "say":
        return new Said(text(node, "text"), text(node, "language"), text(node, "gender"));
      case "play":
        return new Played(text(node, "url"));
      case "pause":
        return new Paused(node.path("seconds").asInt());
      case "gather":
        return new Gathered(text(node, "digits"), node.path("speech").asString(""));
      case "record":
        return new Recorded(text(node, "url"));
      case "recordCall":
        return new RecordingCall();
      case "transfer":
        List<String> to = new ArrayList<>();
        node.path("to").values().forEach(n -> to.add(n.asString()));
        return new Transferred(to, text(node, "outcome"), node.path("answeredBy").asString(""));
      case "conference":
        return new JoinedConference(text(node, "room"));
      case "reject":
        return new Rejected();
      case "redirect":
        return new Redirected(text(node, "url"));
      case "hangup":
        return new HungUp(text(node, "by"));
      case "unanswered":
        return new Unanswered(text(node, "reason"));
      default:
        throw new IllegalArgumentException("unknown observation type '" + type + "'");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isString()) {
      throw new IllegalArgumentException("'" + field + "' must be a string");
    }
    return value.asString();
  }
}
