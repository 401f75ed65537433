package dev.switchboard;

/**
 * Something a user may need and a vendor may lack. A provider declares only what it reproduces
 * exactly, natively or by emulation, and each declared capability must pass its conformance tests;
 * anything undeclared is refused before a request is sent.
 */
public enum Capability {
  OUTBOUND_CALL("outbound call"),
  INBOUND_CALL("inbound call"),
  SAY("say"),
  SAY_LANGUAGE("say in a language other than en-US"),
  SAY_GENDER("say with a male voice"),
  PLAY("play"),
  PAUSE("pause"),
  LOOP("repeat a prompt"),
  SEQUENCE("more than one message in a call"),
  GATHER_DTMF("gather keys"),
  GATHER_SPEECH("gather speech"),
  BRANCHING("branch on input"),
  RECORD("record the caller"),
  RECORD_CALL("record the whole call"),
  TRANSFER("transfer"),
  PARALLEL_TRANSFER("ring several numbers at once"),
  TRANSFER_TIMEOUT("transfer ring timeout"),
  TRANSFER_ON_FAILURE("on-failure flow for a transfer"),
  CONTINUE_AFTER_BRIDGE("continue after bridge"),
  CONFERENCE("conference in a flow"),
  CONFERENCE_OPTIONS("conference options (muted, beep, start, end, label)"),
  CONFERENCE_DIAL_OUT("conference dial-out"),
  CONFERENCE_CONTROL("conference control (list, mute, kick, end)"),
  CONFERENCE_STATUS("conference status"),
  CALL_STATUS("call status"),
  CALL_LIST("call list"),
  MODIFY_CALL("modify a live call"),
  HANGUP_CALL("hang up a live call"),
  HOLD("hold and unhold a live call"),
  CALL_DURATION_LIMIT("limit a call's length"),
  REDIRECT("redirect to a URL"),
  REJECT("reject an incoming call"),
  NUMBER_MANAGEMENT("manage incoming numbers"),
  CALLER_ID("caller id"),
  TAGS("tags");

  private final String description;

  Capability(String description) {
    this.description = description;
  }

  /** The capability in a few words, as printed in errors and the capability matrix. */
  public String description() {
    return description;
  }
}
