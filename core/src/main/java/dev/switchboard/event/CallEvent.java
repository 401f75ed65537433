package dev.switchboard.event;

import java.time.Instant;
import java.util.Map;

/**
 * Something a vendor reported about a call, in neutral terms. Sealed, so that a {@code switch} over
 * events can be checked for completeness; {@link UnknownEvent} carries whatever a provider could
 * not map, with nothing dropped.
 */
public sealed interface CallEvent
    permits IncomingCall,
        CallRinging,
        CallAnswered,
        DigitsGathered,
        SpeechGathered,
        RecordingReady,
        TransferFinished,
        ConferenceEvent,
        CallEnded,
        UnknownEvent {

  /** The provider that reported the event, e.g. {@code hoiio}. */
  String providerId();

  /** The vendor's id of the call; empty for events about a conference as a whole. */
  String callId();

  /** When the vendor says it happened, or when it was received if the vendor does not say. */
  Instant time();

  /** Every field the vendor sent, as received, including any the event does not map. */
  Map<String, String> raw();
}
