package dev.switchboard.flow;

import dev.switchboard.InvalidInputException;
import dev.switchboard.internal.Checks;
import java.util.regex.Pattern;

/**
 * Puts the caller into a conference room, created when the first participant arrives. Verbs after
 * it run when the caller leaves the conference still on the line (capability {@code
 * CONTINUE_AFTER_BRIDGE}).
 *
 * @param room the room's name, 1 to 64 letters and digits
 * @param muted whether the caller enters muted
 * @param beep when the conference beeps for this participant
 * @param startOnEnter whether the conference starts when this caller enters
 * @param endOnExit whether the conference ends when this caller leaves
 * @param label a name for finding the participant later, 0 to 64 letters and digits
 */
public record Conference(
    String room,
    boolean muted,
    ConferenceBeep beep,
    boolean startOnEnter,
    boolean endOnExit,
    String label)
    implements Verb {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]{0,64}");

  public Conference {
    Checks.notNull(room, "conference.room");
    if (room.isEmpty() || !NAME.matcher(room).matches()) {
      throw new InvalidInputException(
          "conference.room", "must be 1 to 64 letters and digits, was '" + room + "'");
    }
    Checks.notNull(beep, "conference.beep");
    Checks.notNull(label, "conference.label");
    if (!NAME.matcher(label).matches()) {
      throw new InvalidInputException(
          "conference.label", "must be 0 to 64 letters and digits, was '" + label + "'");
    }
  }

  /** Joins {@code room} with the default options: unmuted, beeping, starting it, not ending it. */
  public static Conference room(String room) {
    return builder(room).build();
  }

  public static Builder builder(String room) {
    return new Builder(room);
  }

  /** True when every option is the default, which every conference-capable provider honours. */
  public boolean hasDefaultOptions() {
    return !muted && beep == ConferenceBeep.ALWAYS && startOnEnter && !endOnExit && label.isEmpty();
  }

  @Override
  public String name() {
    return "conference";
  }

  /** Builds a {@link Conference}, starting from the defaults. */
  public static final class Builder {
    private final String room;
    private boolean muted;
    private ConferenceBeep beep = ConferenceBeep.ALWAYS;
    private boolean startOnEnter = true;
    private boolean endOnExit;
    private String label = "";

    private Builder(String room) {
      this.room = room;
    }

    public Builder muted(boolean muted) {
      this.muted = muted;
      return this;
    }

    public Builder beep(ConferenceBeep beep) {
      this.beep = beep;
      return this;
    }

    public Builder startOnEnter(boolean startOnEnter) {
      this.startOnEnter = startOnEnter;
      return this;
    }

    public Builder endOnExit(boolean endOnExit) {
      this.endOnExit = endOnExit;
      return this;
    }

    public Builder label(String label) {
      this.label = label;
      return this;
    }

    public Conference build() {
      return new Conference(room, muted, beep, startOnEnter, endOnExit, label);
    }
  }

  @Override
  public <R> R accept(VerbVisitor<R> visitor) {
    return visitor.conference(this);
  }
}
