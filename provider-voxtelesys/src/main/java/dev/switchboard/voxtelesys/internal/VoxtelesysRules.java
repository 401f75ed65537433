package dev.switchboard.voxtelesys.internal;

import dev.switchboard.Capability;
import dev.switchboard.CapabilityGap;
import dev.switchboard.Violation;
import dev.switchboard.flow.Branch;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.GatherInput;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.VerbAt;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Where VoxXML v1 narrows the neutral model: gaps it cannot express, and its documented limits. */
public final class VoxtelesysRules {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]*");
  private static final Pattern BRANCH_KEY = Pattern.compile("[0-9a-z]+");

  /** Pause {@code length} accepts 1 to 60. */
  static final int MAX_PAUSE = 60;

  /** Gather timeouts above 60 seconds are cut to 60 by the vendor; we refuse them instead. */
  static final int MAX_GATHER_TIMEOUT = 60;

  private VoxtelesysRules() {}

  /**
   * Voices Polly lacks, speech in a language VoxXML's Gather does not recognise, and pauses inside
   * a gather (VoxXML Gather plays Say and Play only).
   */
  public static List<CapabilityGap> gaps(CallFlow flow) {
    List<CapabilityGap> gaps = new ArrayList<>();
    for (VerbAt at : flow.walk()) {
      if (at.verb() instanceof Say say && Voices.voice(say.language(), say.gender()).isEmpty()) {
        boolean language = Voices.speaks(say.language());
        gaps.add(
            new CapabilityGap(
                at.path(),
                "say",
                language ? Capability.SAY_GENDER : Capability.SAY_LANGUAGE,
                language
                    ? "no " + say.gender().wireName() + " voice for " + say.language()
                    : "no voice for language " + say.language()));
      }
      if (at.verb() instanceof Gather gather) {
        String language = gather.language();
        if (gather.input().contains(GatherInput.SPEECH)
            && !SpeechRecognition.recognises(language)) {
          gaps.add(
              new CapabilityGap(
                  at.path(),
                  "gather",
                  Capability.GATHER_SPEECH,
                  "no speech recognition in "
                      + language
                      + " (Voxtelesys recognises "
                      + String.join(", ", SpeechRecognition.LANGUAGES)
                      + ")"));
        }
        for (int i = 0; i < gather.prompts().size(); i++) {
          if (gather.prompts().get(i) instanceof Pause) {
            gaps.add(
                new CapabilityGap(
                    at.path() + ".prompts[" + i + "]",
                    "pause",
                    Capability.PAUSE,
                    "pause inside a gather's prompts (VoxXML Gather plays Say and Play only)"));
          }
        }
      }
    }
    return gaps;
  }

  /** The vendor's documented limits, all violations at once. */
  public static List<Violation> violations(CallFlow flow) {
    List<Violation> violations = new ArrayList<>();
    for (VerbAt at : flow.walk()) {
      if (at.verb() instanceof Pause pause && pause.seconds() > MAX_PAUSE) {
        violations.add(
            new Violation(
                at.field("seconds"),
                "Voxtelesys pauses 1 to " + MAX_PAUSE + " seconds, was " + pause.seconds()));
      } else if (at.verb() instanceof Say say && say.text().contains("$GATHER")) {
        violations.add(
            new Violation(
                at.field("text"),
                "Voxtelesys replaces $GATHER in spoken text, so it cannot be said literally"));
      } else if (at.verb() instanceof Gather gather) {
        if (gather.timeout() > MAX_GATHER_TIMEOUT) {
          violations.add(
              new Violation(
                  at.field("timeout"),
                  "Voxtelesys waits at most "
                      + MAX_GATHER_TIMEOUT
                      + " seconds for input (it would cut "
                      + gather.timeout()
                      + " to 60)"));
        }
        for (Branch branch : gather.branches()) {
          for (String input : branch.inputs()) {
            if (!BRANCH_KEY.matcher(input).matches()) {
              violations.add(
                  new Violation(
                      at.path() + ".gather.branches[\"" + branch.key() + "\"]",
                      "Voxtelesys compares input with 0-9 and a-z only, was '" + input + "'"));
            }
          }
        }
      } else if (at.verb() instanceof Conference conference
          && !LABEL.matcher(conference.label()).matches()) {
        violations.add(
            new Violation(
                at.field("label"),
                "Voxtelesys labels are a-z and 0-9 only, was '" + conference.label() + "'"));
      }
    }
    return violations;
  }
}
