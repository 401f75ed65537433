package dev.switchboard.cli.corpus;

/** The four kinds of bad input in the corpus, each with the fewest cases it must hold. */
enum Family {
  FLOW_FILES("flow files", 150),
  CLI_ARGUMENTS("command-line arguments", 60),
  CONFIGURATION("configuration values", 45),
  API_CALLS("API calls", 45);

  private final String title;
  private final int minimum;

  Family(String title, int minimum) {
    this.title = title;
    this.minimum = minimum;
  }

  /** How the family is named in the printed counts. */
  String title() {
    return title;
  }

  /** The fewest cases the family must hold for the corpus to mean something. */
  int minimum() {
    return minimum;
  }
}
