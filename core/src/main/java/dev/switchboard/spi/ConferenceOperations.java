package dev.switchboard.spi;

import dev.switchboard.ConferenceDialOut;
import dev.switchboard.DialedConference;
import dev.switchboard.LiveConference;
import dev.switchboard.Participant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The conference operations of a provider, from {@link ProviderClient#conferences()}, apart from
 * the calls because one vendor each implements them. The facade has checked the capability each
 * needs; an operation a provider does not declare is never called, and its default says so if it
 * is.
 */
public interface ConferenceOperations {

  /** Sets up a conference by calling every participant. Needs {@code CONFERENCE_DIAL_OUT}. */
  default DialedConference dialOut(ConferenceDialOut request) {
    throw Undeclared.operation("conferences().dialOut");
  }

  /** One conference's current state. Needs {@code CONFERENCE_STATUS}. */
  default LiveConference get(String conferenceId) {
    throw Undeclared.operation("conferences().get");
  }

  /** Conferences the vendor knows, fetched lazily. Needs {@code CONFERENCE_CONTROL}. */
  default Stream<LiveConference> list() {
    throw Undeclared.operation("conferences().list");
  }

  /** The participants of a conference. Needs {@code CONFERENCE_CONTROL}. */
  default List<Participant> participants(String conferenceId) {
    throw Undeclared.operation("conferences().participants");
  }

  /** Mutes or unmutes one participant. Needs {@code CONFERENCE_CONTROL}. */
  default void mute(String conferenceId, String participantId, boolean muted) {
    throw Undeclared.operation("conferences().mute");
  }

  /** Removes one participant, hanging up its call. Needs {@code CONFERENCE_CONTROL}. */
  default void remove(String conferenceId, String participantId) {
    throw Undeclared.operation("conferences().remove");
  }

  /** Ends a conference, hanging up every participant. Needs {@code CONFERENCE_CONTROL}. */
  default void end(String conferenceId) {
    throw Undeclared.operation("conferences().end");
  }
}
