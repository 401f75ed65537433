package dev.switchboard;

import dev.switchboard.internal.Checks;
import dev.switchboard.spi.ProviderClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The conference operations of a {@link VoiceClient}, from {@link VoiceClient#conferences()}:
 * setting one up by dialling everyone (Xoxzo's simple conference) and controlling live ones
 * (Voxtelesys). Each is checked against the provider's capabilities before any request is sent.
 * With several providers, these are the first configured provider's that has them. Thread-safe.
 */
public final class Conferences {
  private final Route route;
  private final ProviderClient client;

  Conferences(Route route) {
    this.route = route;
    this.client = route.client();
  }

  /**
   * Sets up a conference by calling every participant and joining those who answer. Never retried:
   * a retry could ring everyone twice.
   *
   * @throws UnsupportedCapabilityException when the provider cannot dial out a conference, or set
   *     its caller id
   */
  public DialedConference dialOut(ConferenceDialOut request) {
    Checks.notNull(request, "conference");
    List<CapabilityGap> gaps = new ArrayList<>();
    route.operationGap(Capability.CONFERENCE_DIAL_OUT).ifPresent(gaps::add);
    if (request.from().isPresent()) {
      route.operationGap(Capability.CALLER_ID).ifPresent(gaps::add);
    }
    if (!gaps.isEmpty()) {
      throw new UnsupportedCapabilityException(route.id(), gaps);
    }
    return client.conferences().dialOut(request);
  }

  /** One conference's current state, such as a dialled-out conference's. */
  public LiveConference get(String conferenceId) {
    Checks.vendorId(conferenceId, "conferenceId");
    route.require(Capability.CONFERENCE_STATUS);
    return client.conferences().get(conferenceId);
  }

  /** The conferences the vendor knows, fetched lazily. */
  public Stream<LiveConference> list() {
    route.require(Capability.CONFERENCE_CONTROL);
    return client.conferences().list();
  }

  /** The participants of a live conference. */
  public List<Participant> participants(String conferenceId) {
    Checks.vendorId(conferenceId, "conferenceId");
    route.require(Capability.CONFERENCE_CONTROL);
    return client.conferences().participants(conferenceId);
  }

  /** Mutes or unmutes one participant of a live conference. */
  public void mute(String conferenceId, String participantId, boolean muted) {
    Checks.vendorId(conferenceId, "conferenceId");
    Checks.vendorId(participantId, "participantId");
    route.require(Capability.CONFERENCE_CONTROL);
    client.conferences().mute(conferenceId, participantId, muted);
  }

  /** Removes one participant from a live conference, hanging up its call. */
  public void remove(String conferenceId, String participantId) {
    Checks.vendorId(conferenceId, "conferenceId");
    Checks.vendorId(participantId, "participantId");
    route.require(Capability.CONFERENCE_CONTROL);
    client.conferences().remove(conferenceId, participantId);
  }

  /** Ends a live conference, hanging up every participant. */
  public void end(String conferenceId) {
    Checks.vendorId(conferenceId, "conferenceId");
    route.require(Capability.CONFERENCE_CONTROL);
    client.conferences().end(conferenceId);
  }
}
