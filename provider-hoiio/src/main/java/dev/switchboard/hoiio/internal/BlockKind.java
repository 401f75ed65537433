package dev.switchboard.hoiio.internal;

/** The IVR blocks, with the stage each belongs to. */
enum BlockKind {
  DIAL("start", "dial"),
  PLAY("middle", "play"),
  GATHER("middle", "gather"),
  RECORD("middle", "record"),
  MONITOR("middle", "monitor"),
  HOLD("middle", "hold"),
  UNHOLD("middle", "unhold"),
  TRANSFER("end", "transfer"),
  HANGUP("end", "hangup");

  private final String stage;
  private final String block;

  BlockKind(String stage, String block) {
    this.stage = stage;
    this.block = block;
  }

  /** The endpoint below the base URL, e.g. {@code ivr/middle/gather}. */
  String path() {
    return "ivr/" + stage + "/" + block;
  }

  /** The {@code ivr_block} value of its notifications. */
  String notificationName() {
    return block;
  }
}
