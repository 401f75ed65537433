package dev.switchboard.xoxzo.internal;

import dev.switchboard.Capability;
import dev.switchboard.CapabilityGap;
import dev.switchboard.Violation;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Prompt;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Verb;
import dev.switchboard.flow.VerbAt;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a Xoxzo call can be: one message, in English or Japanese, from an http MP3 URL. */
public final class XoxzoRules {
  /** Text-to-speech and guidance languages, neutral tag → Xoxzo's ISO 639-1 code. */
  static final Map<String, String> LANGUAGES = Map.of("en-US", "en", "ja-JP", "ja");

  /** The path of a recording URL: ASCII letters, digits, {@code _ / - .}, ending in .mp3. */
  private static final Pattern RECORDING_PATH = Pattern.compile("[A-Za-z0-9_/.\\-]*\\.mp3");

  private XoxzoRules() {}

  /** The one message of a flow Xoxzo can run, if it has one. */
  static Optional<Prompt> message(CallFlow flow) {
    for (Verb verb : flow.verbs()) {
      if (verb instanceof Prompt prompt) {
        return Optional.of(prompt);
      }
      if (verb instanceof Hangup hangup && !hangup.prompts().isEmpty()) {
        return Optional.of(hangup.prompts().get(0));
      }
    }
    return Optional.empty();
  }

  /** Languages beyond English and Japanese, and a flow with no message at all. */
  public static List<CapabilityGap> gaps(CallFlow flow) {
    List<CapabilityGap> gaps = new ArrayList<>();
    for (VerbAt at : flow.walk()) {
      if (at.verb() instanceof Say say && !LANGUAGES.containsKey(say.language())) {
        gaps.add(
            new CapabilityGap(
                at.path(),
                "say",
                Capability.SAY_LANGUAGE,
                "Xoxzo speaks en-US and ja-JP only, not " + say.language()));
      }
    }
    if (message(flow).isEmpty()) {
      gaps.add(
          new CapabilityGap(
              "verbs[0]",
              flow.verbs().get(0).name(),
              Capability.SAY,
              "a Xoxzo call plays one message (say or play), and this flow has none"));
    }
    return gaps;
  }

  /** Recording URLs: http only, and a path Xoxzo accepts. */
  public static List<Violation> violations(CallFlow flow) {
    List<Violation> violations = new ArrayList<>();
    for (VerbAt at : flow.walk()) {
      if (at.verb() instanceof Play play) {
        recordingUrlRule(play.url())
            .ifPresent(rule -> violations.add(new Violation(at.field("url"), rule)));
      }
    }
    return violations;
  }

  private static Optional<String> recordingUrlRule(URI url) {
    if (!url.getScheme().toLowerCase(Locale.ROOT).equals("http")) {
      return Optional.of("Xoxzo fetches recordings over http only (https is not supported)");
    }
    if (url.getRawQuery() != null
        || url.getRawFragment() != null
        || !RECORDING_PATH.matcher(url.getRawPath()).matches()) {
      return Optional.of(
          "Xoxzo needs an .mp3 path of ASCII letters, digits, _, /, - and . only, was '"
              + url.getRawPath()
              + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
              + "'");
    }
    return Optional.empty();
  }

  /** Xoxzo's language code for a neutral tag; the caller has checked it is supported. */
  static String language(String tag) {
    return LANGUAGES.get(tag);
  }
}
