package dev.switchboard.testkit.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One conference room of the Voxtelesys simulator and its participants, as the conferences resource
 * shows them. Not thread-safe: the simulator guards every conference with one lock.
 */
final class VoxConference {
  private final String id;
  private final String name;
  private final Instant created;
  private final VoxCallbacks callbacks;
  private final Map<String, Participant> participants = new LinkedHashMap<>();
  private String status = "in_progress";
  private Instant modified;
  private VoxCall.VoxError error;

  /**
   * One member of a conference.
   *
   * <p>{@code muted} is a simulator addition to the participant JSON, so that tests can see what
   * {@code SetMute} did.
   */
  static final class Participant {
    private final String id;
    private final String label;
    private final String conferenceId;
    private final Instant created;
    private final VoxCall call;
    private final boolean endsConference;
    private Instant modified;
    private boolean muted;

    Participant(
        String id,
        String label,
        String conferenceId,
        boolean muted,
        VoxCall call,
        boolean endsConference) {
      this.id = id;
      this.endsConference = endsConference;
      this.label = label;
      this.conferenceId = conferenceId;
      this.muted = muted;
      this.call = call;
      this.created = Instant.now();
      this.modified = created;
    }

    String id() {
      return id;
    }

    String label() {
      return label;
    }

    String conferenceId() {
      return conferenceId;
    }

    Instant created() {
      return created;
    }

    Instant modified() {
      return modified;
    }

    boolean muted() {
      return muted;
    }

    /** The call that is this participant, or null for one opened by a test. */
    VoxCall call() {
      return call;
    }

    /** True when the conference ends as this participant leaves ({@code endConferenceOnExit}). */
    boolean endsConference() {
      return endsConference;
    }

    void mute(boolean value) {
      muted = value;
      modified = Instant.now();
    }
  }

  /**
   * @param callbacks the callbacks its first participant asked for; they hold for the whole
   *     conference
   */
  VoxConference(String id, String name, VoxCallbacks callbacks) {
    this.id = id;
    this.name = name;
    this.callbacks = callbacks;
    this.created = Instant.now();
    this.modified = created;
  }

  String id() {
    return id;
  }

  String name() {
    return name;
  }

  Instant created() {
    return created;
  }

  Instant modified() {
    return modified;
  }

  String status() {
    return status;
  }

  boolean inProgress() {
    return status.equals("in_progress");
  }

  VoxCallbacks callbacks() {
    return callbacks;
  }

  /** The participants in the room, in the order they joined. */
  List<Participant> participants() {
    return new ArrayList<>(participants.values());
  }

  Participant participant(String participantId) {
    return participants.get(participantId);
  }

  void add(Participant participant) {
    participants.put(participant.id(), participant);
    modified = Instant.now();
  }

  /** Removes a participant; returns false when it was not in the room. */
  boolean remove(String participantId) {
    boolean removed = participants.remove(participantId) != null;
    if (removed) {
      modified = Instant.now();
    }
    return removed;
  }

  VoxCall.VoxError error() {
    return error;
  }

  /** Records the first error a document run on the conference met (e.g. a failed Redirect). */
  void fail(int code, String description) {
    if (error == null) {
      error = new VoxCall.VoxError(code, description, Instant.now());
      modified = error.time();
    }
  }

  void complete() {
    status = "complete";
    modified = Instant.now();
  }
}
