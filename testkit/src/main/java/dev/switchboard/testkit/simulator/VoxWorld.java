package dev.switchboard.testkit.simulator;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every call and conference room the Voxtelesys simulator knows, and how rooms change: calls
 * joining and leaving, REST and VoxXML muting and hanging up, rooms ending. One lock guards it all,
 * because call runs (each on its own thread) and REST requests change the same rooms; conference
 * callbacks are decided under the lock and sent after it is released, so a slow application never
 * blocks the others.
 */
final class VoxWorld {
  private final VoxCallbackSender sender;
  private final Object lock = new Object();
  private final Map<String, VoxCall> calls = new LinkedHashMap<>();
  private final Map<String, VoxConference> conferences = new LinkedHashMap<>();

  /** A participant's place in its conference. */
  record Membership(VoxConference conference, VoxConference.Participant participant) {}

  /** A callback decided under the lock and sent after it is released. */
  private record Pending(VoxCallbacks target, ObjectNode payload) {}

  /** A world whose conferences send their callbacks through {@code sender}. */
  VoxWorld(VoxCallbackSender sender) {
    this.sender = sender;
  }

  /** A new id for a call, conference or participant. */
  static String newId() {
    return UUID.randomUUID().toString();
  }

  // ------------------------------------------------------------------------------------------
  // Calls

  /** Remembers a call, so that REST can find it when it is listed. */
  void add(VoxCall call) {
    synchronized (lock) {
      calls.put(call.id(), call);
    }
  }

  /** The listed calls, newest first. */
  List<VoxCall> listedCalls() {
    List<VoxCall> listed = new ArrayList<>();
    synchronized (lock) {
      for (VoxCall call : calls.values()) {
        if (call.listed()) {
          listed.add(call);
        }
      }
    }
    Collections.reverse(listed);
    return listed;
  }

  /** The listed call with this id, or null. */
  VoxCall listedCall(String id) {
    synchronized (lock) {
      VoxCall call = calls.get(id);
      return call != null && call.listed() ? call : null;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Conferences, for REST and tests

  /**
   * Every conference seen through {@code view} under the lock, newest first; views see a room
   * consistent with its participants.
   */
  <T> List<T> conferences(Function<VoxConference, T> view) {
    List<T> rows = new ArrayList<>();
    synchronized (lock) {
      for (VoxConference conference : conferences.values()) {
        rows.add(view.apply(conference));
      }
    }
    Collections.reverse(rows);
    return rows;
  }

  /** The participants of a conference seen through {@code view}, newest first; null if unknown. */
  <T> List<T> participants(String conferenceId, Function<VoxConference.Participant, T> view) {
    List<T> rows = new ArrayList<>();
    synchronized (lock) {
      VoxConference conference = conferences.get(conferenceId);
      if (conference == null) {
        return null;
      }
      for (VoxConference.Participant participant : conference.participants()) {
        rows.add(view.apply(participant));
      }
    }
    Collections.reverse(rows);
    return rows;
  }

  /** The conference with this id, or null. */
  VoxConference conference(String id) {
    synchronized (lock) {
      return conferences.get(id);
    }
  }

  /** The participant with this id in this conference (while it is in the room), or null. */
  Membership participant(String conferenceId, String participantId) {
    synchronized (lock) {
      VoxConference conference = conferences.get(conferenceId);
      VoxConference.Participant participant =
          conference == null ? null : conference.participant(participantId);
      return participant == null ? null : new Membership(conference, participant);
    }
  }

  /**
   * Opens (or enters) the room {@code name} with participants that belong to no call.
   *
   * @return the conference's id
   */
  String open(String name, String... participantLabels) {
    List<Pending> pending = new ArrayList<>();
    String id;
    synchronized (lock) {
      VoxConference conference = room(name, VoxCallbacks.NONE, pending);
      for (String label : participantLabels) {
        VoxConference.Participant participant =
            new VoxConference.Participant(newId(), label, conference.id(), false, null, false);
        conference.add(participant);
        event(conference, "join", "join", participant, pending);
      }
      id = conference.id();
    }
    send(pending);
    return id;
  }

  /**
   * Ends the conference with this id when it is in progress (one that is over stays as it is).
   *
   * @return false when there is no such conference
   */
  boolean end(String id) {
    List<Pending> pending = new ArrayList<>();
    synchronized (lock) {
      VoxConference conference = conferences.get(id);
      if (conference == null) {
        return false;
      }
      if (conference.inProgress()) {
        end(conference, pending);
      }
    }
    send(pending);
    return true;
  }

  /**
   * Runs a modify's document on a conference ({@code participant} null) or one participant.
   *
   * @return false, running nothing, when the conference is over
   */
  boolean control(
      VoxConference conference, VoxConference.Participant participant, List<VoxXml.Verb> verbs) {
    synchronized (lock) {
      if (!conference.inProgress()) {
        return false;
      }
    }
    control(conference, participant, verbs, 0);
    return true;
  }

  /**
   * Runs a conference or participant document: SetMute and Hangup act; Say, Play and Pause are
   * heard by nobody the simulator follows; If sees an empty {@code $GATHER}.
   *
   * @return true when a Hangup or Redirect ended the document
   */
  private boolean control(
      VoxConference conference,
      VoxConference.Participant participant,
      List<VoxXml.Verb> verbs,
      int redirects) {
    for (VoxXml.Verb verb : verbs) {
      switch (verb.name()) {
        case "SetMute":
          mute(conference, participant, verb.flag("muted", false));
          break;
        case "Hangup":
          hangUp(conference, participant);
          return true;
        case "If":
          boolean equal = Arrays.asList(verb.attribute("value", "").split("\\|")).contains("");
          if (verb.attribute("test", "EQUAL").equals("EQUAL") == equal
              && control(conference, participant, verb.children(), redirects)) {
            return true;
          }
          break;
        case "Redirect":
          if (redirects >= VoxCallRun.MAX_REDIRECTS) {
            failConference(conference, VoxCallbackSender.COULD_NOT_REACH_URL, "too many redirects");
            break;
          }
          List<VoxXml.Verb> fetched =
              sender.fetchVoxXml(
                  (code, description) -> failConference(conference, code, description),
                  participant == null ? VoxXml.Resource.CONFERENCE : VoxXml.Resource.PARTICIPANT,
                  verb.attribute("method", "POST"),
                  URI.create(verb.text()),
                  "",
                  "");
          if (fetched != null) {
            control(conference, participant, fetched, redirects + 1);
            return true;
          }
          break;
        default:
          break;
      }
    }
    return false;
  }

  private void failConference(VoxConference conference, int code, String description) {
    synchronized (lock) {
      conference.fail(code, description);
    }
  }

  private void mute(
      VoxConference conference, VoxConference.Participant participant, boolean muted) {
    List<Pending> pending = new ArrayList<>();
    synchronized (lock) {
      if (!conference.inProgress()) {
        return;
      }
      if (participant == null) {
        for (VoxConference.Participant each : conference.participants()) {
          each.mute(muted);
        }
        event(
            conference,
            muted ? "muteAll" : "unmuteAll",
            muted ? "mute_all" : "unmute_all",
            null,
            pending);
      } else if (conference.participant(participant.id()) != null) {
        participant.mute(muted);
        event(
            conference, muted ? "mute" : "unmute", muted ? "mute" : "unmute", participant, pending);
      }
    }
    send(pending);
  }

  /** Hangup on a conference ends it; on a participant, hangs up that participant's call. */
  private void hangUp(VoxConference conference, VoxConference.Participant participant) {
    List<Pending> pending = new ArrayList<>();
    synchronized (lock) {
      if (participant == null) {
        if (conference.inProgress()) {
          end(conference, pending);
        }
      } else {
        if (participant.call() != null) {
          participant.call().requestHangUp();
        }
        leave(conference, participant, pending);
      }
    }
    send(pending);
  }

  // ------------------------------------------------------------------------------------------
  // Conferences, for the call runs

  /** Puts a call into the room a {@code Conference} verb names; sends start and join. */
  Membership join(VoxCall call, VoxXml.Verb verb) {
    List<Pending> pending = new ArrayList<>();
    Membership membership;
    synchronized (lock) {
      VoxConference conference = room(verb.text(), VoxCallbacks.of(verb), pending);
      VoxConference.Participant participant =
          new VoxConference.Participant(
              newId(),
              verb.attribute("participantLabel", ""),
              conference.id(),
              verb.flag("muted", false),
              call,
              verb.flag("endConferenceOnExit", false));
      conference.add(participant);
      event(conference, "join", "join", participant, pending);
      membership = new Membership(conference, participant);
    }
    send(pending);
    return membership;
  }

  /** Takes a call out of its room (if a REST request did not already); sends leave and end. */
  void leave(Membership membership) {
    List<Pending> pending = new ArrayList<>();
    synchronized (lock) {
      leave(membership.conference(), membership.participant(), pending);
    }
    send(pending);
  }

  /** The room in progress with this name, or a new one whose callbacks are these; under lock. */
  private VoxConference room(String name, VoxCallbacks callbacks, List<Pending> pending) {
    for (VoxConference conference : conferences.values()) {
      if (conference.inProgress() && conference.name().equals(name)) {
        return conference;
      }
    }
    VoxConference conference = new VoxConference(newId(), name, callbacks);
    conferences.put(conference.id(), conference);
    event(conference, "start", "start", null, pending);
    return conference;
  }

  /** A participant leaves; the room ends when it is empty or the participant ends it. */
  private void leave(
      VoxConference conference, VoxConference.Participant participant, List<Pending> pending) {
    if (!conference.remove(participant.id())) {
      return;
    }
    event(conference, "leave", "leave", participant, pending);
    if (conference.inProgress()
        && (participant.endsConference() || conference.participants().isEmpty())) {
      end(conference, pending);
    }
  }

  /** Ends a room: everyone still in it is hung up and leaves, then the room is complete. */
  private void end(VoxConference conference, List<Pending> pending) {
    for (VoxConference.Participant participant : conference.participants()) {
      conference.remove(participant.id());
      if (participant.call() != null) {
        participant.call().requestHangUp();
      }
      event(conference, "leave", "leave", participant, pending);
    }
    conference.complete();
    event(conference, "end", "end", null, pending);
  }

  /** Queues a conference callback when the room's callbacks ask for {@code keyword}. */
  private void event(
      VoxConference conference,
      String keyword,
      String event,
      VoxConference.Participant participant,
      List<Pending> pending) {
    if (!conference.callbacks().wants(keyword)) {
      return;
    }
    ObjectNode payload = sender.payload("conference", event).put("time", sender.callbackTime());
    if (participant != null) {
      payload.put("participant_id", participant.id());
    }
    payload.put("conference_id", conference.id());
    if (participant != null && !participant.label().isEmpty()) {
      payload.put("participant_label", participant.label());
    }
    pending.add(new Pending(conference.callbacks(), payload));
  }

  private void send(List<Pending> pending) {
    for (Pending each : pending) {
      sender.callback(each.target(), each.payload());
    }
  }
}
