package dev.switchboard.flow;

/**
 * The bounds of a flow, beyond what any vendor accepts or any caller would sit through: a flow is
 * refused past them when it is made, so that nothing unbounded reaches a vendor, a stack or the
 * memory. Vendors' own, narrower limits are their providers' rules.
 */
public final class FlowLimits {
  /** Verbs in a flow, counting every nested one: prompts, branches, on-failure flows. */
  public static final int MAX_VERBS = 10_000;

  /** Levels of nesting: a branch inside a branch inside a branch, ... */
  public static final int MAX_DEPTH = 32;

  /** Characters of one say's text: more than a quarter of an hour of speech. */
  public static final int MAX_TEXT = 20_000;

  /** Bytes of a flow file. */
  public static final int MAX_FILE_BYTES = 1 << 20;

  private FlowLimits() {}
}
