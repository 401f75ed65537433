package dev.switchboard.testkit.simulator;

import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.TranscriptJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a simulator did, as one JSON object a line: {@code {"type":"wire",...}} for an exchange and
 * {@code {"type":"transcript","callId":...,"observations":[...]}} for a finished call. The emulator
 * writes its log this way, and its control API answers with the same objects.
 */
public final class ActivityJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ActivityJson() {}

  /** One exchange on the wire. */
  public static String wire(String vendor, WireExchange exchange) {
    return JSON.writeValueAsString(wireNode(vendor, exchange));
  }

  static ObjectNode wireNode(String vendor, WireExchange exchange) {
    ObjectNode node = JSON.createObjectNode().put("type", "wire").put("vendor", vendor);
    node.put("direction", exchange.direction().name())
        .put("method", exchange.method())
        .put("uri", exchange.uri().toString())
        .put("requestBody", exchange.requestBody())
        .put("status", exchange.status())
        .put("responseBody", exchange.responseBody());
    return node;
  }

  /** A finished call and what its callee observed. */
  public static String transcript(String vendor, String callId, Transcript transcript) {
    return JSON.writeValueAsString(transcriptNode(vendor, callId, transcript));
  }

  static ObjectNode transcriptNode(String vendor, String callId, Transcript transcript) {
    ObjectNode node =
        JSON.createObjectNode()
            .put("type", "transcript")
            .put("vendor", vendor)
            .put("callId", callId);
    ArrayNode observations = node.putArray("observations");
    TranscriptJson.write(transcript)
        .lines()
        .filter(line -> !line.isBlank())
        .forEach(line -> observations.add(JSON.readTree(line)));
    return node;
  }
}
