package dev.switchboard.flow;

/** When a conference beeps for this participant: always, never, on entering or on leaving. */
public enum ConferenceBeep {
  ALWAYS("true"),
  NEVER("false"),
  ON_ENTER("onEnter"),
  ON_EXIT("onExit");

  private final String wireName;

  ConferenceBeep(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The value in flow files and VoxXML: {@code true}, {@code false}, {@code onEnter}, {@code
   * onExit}.
   */
  public String wireName() {
    return wireName;
  }
}
