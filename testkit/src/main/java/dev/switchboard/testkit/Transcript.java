package dev.switchboard.testkit;

import dev.switchboard.testkit.Observation.JoinedConference;
import dev.switchboard.testkit.Observation.Recorded;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a person on the line observed during one call, in order. The same shape comes from the
 * reference interpreter and from every vendor simulator, so two runs of a flow can be compared
 * observation by observation. Written and read as JSON lines ({@link TranscriptJson}).
 *
 * @param observations the observations, in order
 */
public record Transcript(List<Observation> observations) {
  public Transcript {
    observations = List.copyOf(observations);
  }

  public static Transcript of(Observation... observations) {
    return new Transcript(List.of(observations));
  }

  /**
   * This transcript with recording URLs replaced by {@code recording-1}, {@code recording-2}, ...
   * and conference rooms by {@code room-1}, {@code room-2}, ... in order of appearance: each vendor
   * names its recordings its own way, and some (Hoiio) assign their own room ids; what matters is
   * that a recording was made at that point, and which rooms of the call were the same.
   */
  public Transcript normalized() {
    List<Observation> out = new ArrayList<>(observations.size());
    int recordings = 0;
    Map<String, String> rooms = new HashMap<>();
    for (Observation o : observations) {
      if (o instanceof Recorded) {
        out.add(new Recorded("recording-" + ++recordings));
      } else if (o instanceof JoinedConference joined) {
        out.add(
            new JoinedConference(
                rooms.computeIfAbsent(joined.room(), room -> "room-" + (rooms.size() + 1))));
      } else {
        out.add(o);
      }
    }
    return new Transcript(out);
  }

  /** One JSON object a line. */
  public String toJsonLines() {
    return TranscriptJson.write(this);
  }

  /** Reads the JSON-lines form. */
  public static Transcript fromJsonLines(String lines) {
    return TranscriptJson.read(lines);
  }

  /**
   * One readable line an observation, e.g. {@code say "Hello"}, or {@code say "Hola" (es-US, male)}
   * when the voice is not the default.
   */
  public String render() {
    return observations.stream().map(Transcript::render).collect(Collectors.joining("\n"));
  }

  private static String render(Observation o) {
    if (o instanceof Observation.Said s) {
      boolean defaultVoice = s.language().equals("en-US") && s.gender().equals("female");
      return "say \""
          + s.text()
          + "\""
          + (defaultVoice ? "" : " (" + s.language() + ", " + s.gender() + ")");
    } else if (o instanceof Observation.Played p) {
      return "play " + p.url();
    } else if (o instanceof Observation.Paused p) {
      return "pause " + p.seconds() + "s";
    } else if (o instanceof Observation.Gathered g) {
      if (!g.speech().isEmpty()) {
        return "gather speech \"" + g.speech() + "\"";
      }
      return g.digits().isEmpty() ? "gather (no input)" : "gather " + g.digits();
    } else if (o instanceof Recorded r) {
      return "record " + r.url();
    } else if (o instanceof Observation.RecordingCall) {
      return "record the whole call";
    } else if (o instanceof Observation.Transferred t) {
      return "transfer to "
          + String.join(", ", t.to())
          + ": "
          + t.outcome()
          + (t.answeredBy().isEmpty() ? "" : " by " + t.answeredBy());
    } else if (o instanceof Observation.JoinedConference c) {
      return "conference " + c.room();
    } else if (o instanceof Observation.Rejected) {
      return "reject";
    } else if (o instanceof Observation.Redirected r) {
      return "redirect " + r.url();
    } else if (o instanceof Observation.HungUp h) {
      return "hangup (by " + h.by() + ")";
    } else {
      return "unanswered (" + ((Observation.Unanswered) o).reason() + ")";
    }
  }
}
