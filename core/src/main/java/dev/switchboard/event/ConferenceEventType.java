package dev.switchboard.event;

/** What happened in a conference. */
public enum ConferenceEventType {
  STARTED,
  ENDED,
  JOINED,
  LEFT,
  MUTED,
  UNMUTED,
  ALL_MUTED,
  ALL_UNMUTED,
  KEY_PRESSED
}
