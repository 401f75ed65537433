package dev.switchboard.cli;

import dev.switchboard.testkit.Callee;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The person a simulated vendor's call reaches, as command-line flags. */
final class CalleeOptions {
  @Option(
      names = "--press",
      paramLabel = "KEYS",
      description = "keys pressed at the next gather; repeat for later gathers")
  List<String> presses = new ArrayList<>();

  @Option(
      names = "--say",
      paramLabel = "WORDS",
      description = "words said at the next gather, after the --press ones; repeat for later ones")
  List<String> says = new ArrayList<>();

  @Option(names = "--no-answer", description = "the callee does not answer")
  boolean noAnswer;

  @Option(names = "--busy", description = "the callee is busy")
  boolean busy;

  @Option(
      names = "--hangup-after",
      paramLabel = "N",
      description = "the callee hangs up after N observations")
  Integer hangupAfter;

  /** The callee the flags describe; one who answers and stays silent without any. */
  Callee callee() {
    if (noAnswer && busy) {
      throw new UsageException("--no-answer and --busy cannot both be given");
    }
    Callee.Builder callee = Callee.builder();
    if (noAnswer) {
      callee.pickup(Callee.Pickup.NO_ANSWER);
    } else if (busy) {
      callee.pickup(Callee.Pickup.BUSY);
    }
    for (String keys : presses) {
      if (!keys.matches("[0-9*#]+")) {
        throw new UsageException("--press takes keys among 0-9, * and #, was '" + keys + "'");
      }
      callee.presses(keys);
    }
    for (String words : says) {
      if (words.isBlank()) {
        throw new UsageException("--say takes words, was blank");
      }
      callee.says(words);
    }
    if (hangupAfter != null) {
      if (hangupAfter < 1) {
        throw new UsageException("--hangup-after must be at least 1");
      }
      callee.hangUpAfter(hangupAfter);
    }
    return callee.build();
  }
}
