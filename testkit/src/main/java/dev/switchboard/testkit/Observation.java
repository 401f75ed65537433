package dev.switchboard.testkit;

import java.util.List;

/**
 * One thing a person on the line observes, in order: the unit of a {@link Transcript}. Each has a
 * {@link #type()} naming it in the JSON-lines form ({@code say}, {@code gather}, ...).
 */
public sealed interface Observation
    permits Observation.Said,
        Observation.Played,
        Observation.Paused,
        Observation.Gathered,
        Observation.Recorded,
        Observation.RecordingCall,
        Observation.Transferred,
        Observation.JoinedConference,
        Observation.Rejected,
        Observation.Redirected,
        Observation.HungUp,
        Observation.Unanswered {

  /** The observation's type in JSON lines. */
  String type();

  /** Text spoken by text-to-speech. */
  record Said(String text, String language, String gender) implements Observation {
    @Override
    public String type() {
      return "say";
    }
  }

  /** An audio file played. */
  record Played(String url) implements Observation {
    @Override
    public String type() {
      return "play";
    }
  }

  /** Silence. */
  record Paused(int seconds) implements Observation {
    @Override
    public String type() {
      return "pause";
    }
  }

  /**
   * A gather ended with this input: keys in {@code digits} or recognised words in {@code speech};
   * both empty when the caller gave none.
   */
  record Gathered(String digits, String speech) implements Observation {
    @Override
    public String type() {
      return "gather";
    }
  }

  /** The caller was recorded; {@code url} is where the recording is. */
  record Recorded(String url) implements Observation {
    @Override
    public String type() {
      return "record";
    }
  }

  /** Recording of the whole call started. */
  record RecordingCall() implements Observation {
    @Override
    public String type() {
      return "recordCall";
    }
  }

  /**
   * The caller was transferred to {@code to}; {@code outcome} is {@code answered} (then {@code
   * answeredBy} names who) or {@code unanswered}.
   */
  record Transferred(List<String> to, String outcome, String answeredBy) implements Observation {
    public Transferred {
      to = List.copyOf(to);
    }

    @Override
    public String type() {
      return "transfer";
    }
  }

  /** The caller was put into a conference room. */
  record JoinedConference(String room) implements Observation {
    @Override
    public String type() {
      return "conference";
    }
  }

  /** The call was refused without being answered. */
  record Rejected() implements Observation {
    @Override
    public String type() {
      return "reject";
    }
  }

  /** The call went on with the flow served at {@code url}. */
  record Redirected(String url) implements Observation {
    @Override
    public String type() {
      return "redirect";
    }
  }

  /** The call ended; {@code by} is {@code flow} or {@code callee}. */
  record HungUp(String by) implements Observation {
    @Override
    public String type() {
      return "hangup";
    }
  }

  /** The callee never answered; {@code reason} is {@code no-answer} or {@code busy}. */
  record Unanswered(String reason) implements Observation {
    @Override
    public String type() {
      return "unanswered";
    }
  }
}
