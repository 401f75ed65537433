package dev.switchboard.hoiio.internal;

import dev.switchboard.Capability;
import dev.switchboard.CapabilityGap;
import dev.switchboard.InvalidInputException;
import dev.switchboard.Violation;
import dev.switchboard.flow.Branch;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Prompt;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.RecordCall;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import dev.switchboard.flow.VerbAt;
import dev.switchboard.provider.support.CommaTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** Where Hoiio's blocks narrow the neutral model: gaps, and the documented limits. */
public final class HoiioRules {
  /** The documented maximum length of {@code tag}. */
  public static final int MAX_TAG = 256;

  /** The longest {@code max_duration}, in seconds (documented for Record, read for Dial too). */
  static final long MAX_CALL_SECONDS = 86_400;

  private HoiioRules() {}

  /**
   * Finish keys: {@code #} always ends a gather and a recording, and no other key does. And a call
   * is monitored once ({@code error_monitor_in_progress}), so a second {@code recordCall} on the
   * same path through the flow is a gap.
   */
  public static List<CapabilityGap> gaps(CallFlow flow) {
    List<CapabilityGap> gaps = new ArrayList<>();
    secondMonitors(flow.verbs(), "verbs", false, gaps);
    for (VerbAt at : flow.walk()) {
      if (at.verb() instanceof Say say && Markup.hoiioLanguage(say.language()).isEmpty()) {
        gaps.add(
            new CapabilityGap(
                at.path(),
                "say",
                Capability.SAY_LANGUAGE,
                "language "
                    + say.language()
                    + " (Hoiio's documents show only "
                    + String.join(" and ", new TreeSet<>(Markup.LANGUAGES.keySet()))
                    + "; any other answers error_msg_invalid_language mid-call)"));
      } else if ((at.verb() instanceof Record || at.verb() instanceof RecordCall)
          && at.path().contains(".onFailure")) {
        // The Record and Monitor pages: "You cannot use this block after you have used any of the
        // End blocks (Transfer, Hangup)", and a failed transfer that continues was one.
        boolean record = at.verb() instanceof Record;
        gaps.add(
            new CapabilityGap(
                at.path(),
                at.verb().name(),
                record ? Capability.RECORD : Capability.RECORD_CALL,
                (record ? "Record" : "Monitor")
                    + " after a transfer (Hoiio allows neither after an End block)"));
      } else if (at.verb() instanceof Gather gather && !gather.finishOnKey().equals("#")) {
        gaps.add(
            new CapabilityGap(
                at.path(),
                "gather",
                Capability.GATHER_DTMF,
                "finishOnKey other than # (Hoiio always ends input on #, and only on #)"));
      } else if (at.verb() instanceof Record record && !record.finishOnKey().equals("#")) {
        gaps.add(
            new CapabilityGap(
                at.path(),
                "record",
                Capability.RECORD,
                "finishOnKey other than # (Hoiio always ends a recording on #, and only on #)"));
      }
    }
    return gaps;
  }

  /**
   * Adds a gap for each recordCall reachable after another on the same path; returns whether the
   * list monitors.
   */
  private static void secondMonitors(
      List<? extends Verb> verbs, String base, boolean monitored, List<CapabilityGap> gaps) {
    for (int i = 0; i < verbs.size(); i++) {
      Verb verb = verbs.get(i);
      String path = base + "[" + i + "]";
      if (verb instanceof RecordCall) {
        if (monitored) {
          gaps.add(
              new CapabilityGap(
                  path,
                  "recordCall",
                  Capability.RECORD_CALL,
                  "a second whole-call recording (Hoiio monitors a call once)"));
        }
        monitored = true;
      } else if (verb instanceof Gather gather) {
        for (Branch branch : gather.branches()) {
          secondMonitors(
              branch.verbs(), path + ".branches[\"" + branch.key() + "\"]", monitored, gaps);
        }
      } else if (verb instanceof Transfer transfer) {
        secondMonitors(transfer.onFailure(), path + ".onFailure", monitored, gaps);
      }
    }
  }

  /**
   * Every {@code msg} must fit 1000 characters: each prompt on its own (prompts are split between
   * blocks only at their edges), and the prompts of a gather, record, recordCall or hangup together
   * (they are that block's one msg).
   */
  public static List<Violation> violations(CallFlow flow) {
    List<Violation> violations = new ArrayList<>();
    for (VerbAt at : flow.walk()) {
      if (at.verb() instanceof Play play && !isAudioFile(play)) {
        violations.add(
            new Violation(
                at.field("url"),
                "Hoiio plays only "
                    + String.join(", ", Markup.AUDIO_FORMATS)
                    + " files, named by their extension (error_msg_invalid_file_format)"));
      }
      if (at.verb() instanceof Prompt prompt && !(prompt instanceof Pause)) {
        int length = Markup.of(prompt).length();
        if (length > Markup.MAX_MSG) {
          violations.add(
              new Violation(
                  at.field(prompt instanceof Say ? "text" : "url"),
                  "Hoiio plays at most "
                      + Markup.MAX_MSG
                      + " characters of message at once, this is "
                      + length
                      + " with its markup and repetitions"));
        }
      } else {
        List<Prompt> own = ownPrompts(at.verb());
        int length = Markup.of(own).length();
        if (length > Markup.MAX_MSG) {
          violations.add(
              new Violation(
                  at.field("prompts"),
                  "Hoiio plays a "
                      + at.verb().name()
                      + "'s prompts as one message of at most "
                      + Markup.MAX_MSG
                      + " characters, these are "
                      + length));
        }
      }
    }
    return violations;
  }

  private static boolean isAudioFile(Play play) {
    String path = play.url().getPath() == null ? "" : play.url().getPath();
    String lower = path.toLowerCase(Locale.ROOT);
    return Markup.AUDIO_FORMATS.stream().anyMatch(lower::endsWith);
  }

  /** The prompts a verb plays as its own block's {@code msg}. */
  static List<Prompt> ownPrompts(Verb verb) {
    if (verb instanceof Gather gather) {
      return gather.prompts();
    } else if (verb instanceof Record record) {
      return record.prompts();
    } else if (verb instanceof RecordCall recordCall) {
      return recordCall.prompts();
    } else if (verb instanceof Hangup hangup) {
      return hangup.prompts();
    }
    return List.of();
  }

  /** The {@code tag} of a call: its tags joined with commas, at most 256 characters. */
  public static String tag(List<String> tags) {
    for (int i = 0; i < tags.size(); i++) {
      Optional<String> problem = CommaTags.problem("Hoiio", tags.get(i));
      if (problem.isPresent()) {
        throw new InvalidInputException(
            "hoiio", List.of(new Violation("call.tags[" + i + "]", problem.get())));
      }
    }
    String tag = String.join(",", tags);
    if (tag.length() > MAX_TAG) {
      throw new InvalidInputException(
          "hoiio",
          List.of(
              new Violation(
                  "call.tags",
                  "Hoiio keeps at most "
                      + MAX_TAG
                      + " characters of tags, joined with commas; these are "
                      + tag.length())));
    }
    return tag;
  }
}
