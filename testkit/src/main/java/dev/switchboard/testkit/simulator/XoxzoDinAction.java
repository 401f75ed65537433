package dev.switchboard.testkit.simulator;

import dev.switchboard.PhoneNumber;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.Observation;
import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.Played;
import dev.switchboard.testkit.Observation.Rejected;
import dev.switchboard.testkit.Observation.Said;
import dev.switchboard.testkit.Observation.Transferred;
import dev.switchboard.testkit.SimulatedCall;
import dev.switchboard.testkit.Transcript;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the caller of a DIN observes of the one line of plain text its action URL answered with:
 * {@code playback <mp3 url>}, {@code say <lang> "<text>"} or {@code transfer <E.164>}, then the
 * call hangs up. A URL or number the playback API would refuse, or any other line, is no action
 * Xoxzo can take, and the call is refused unanswered.
 */
final class XoxzoDinAction {
  private static final Pattern PLAYBACK = Pattern.compile("playback (\\S+)");
  private static final Pattern SAY = Pattern.compile("say ([A-Za-z-]+) \"([^\"\\r\\n]*)\"");
  private static final Pattern TRANSFER = Pattern.compile("transfer (\\S+)");
  private static final String FIELD = "action";

  private XoxzoDinAction() {}

  /** Runs {@code action} (the answer's body, or empty for none) for {@code caller}. */
  static Transcript run(String action, Callee caller) {
    String line = action.strip();
    Optional<Observation> observed =
        playback(PLAYBACK.matcher(line))
            .or(() -> say(SAY.matcher(line)))
            .or(() -> transfer(TRANSFER.matcher(line), caller));
    if (observed.isEmpty()) {
      return Transcript.of(new Rejected());
    }
    SimulatedCall call = new SimulatedCall(caller);
    if (call.observe(observed.get())) {
      call.end(new HungUp("flow"));
    }
    return call.transcript();
  }

  private static Optional<Observation> playback(Matcher playback) {
    return playback.matches()
        ? checked(playback.group(1), XoxzoForm::recordingUrl).map(Played::new)
        : Optional.empty();
  }

  private static Optional<Observation> say(Matcher say) {
    return say.matches()
        ? Optional.of(new Said(say.group(2), XoxzoSimulator.voice(say.group(1)), "female"))
        : Optional.empty();
  }

  private static Optional<Observation> transfer(Matcher transfer, Callee caller) {
    if (!transfer.matches()) {
      return Optional.empty();
    }
    return checked(transfer.group(1), XoxzoForm::phone)
        .map(
            number ->
                caller.target(PhoneNumber.of(number)) == Callee.Target.ANSWERS
                    ? new Transferred(List.of(number), "answered", number)
                    : new Transferred(List.of(number), "unanswered", ""));
  }

  /** {@code value} when the playback API's rule for it holds. */
  private static Optional<String> checked(
      String value, BiFunction<XoxzoForm, String, String> rule) {
    return Optional.ofNullable(rule.apply(new XoxzoForm(Map.of(FIELD, List.of(value))), FIELD));
  }
}
