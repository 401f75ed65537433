package dev.switchboard.xoxzo.internal;

import dev.switchboard.CallRequest;
import dev.switchboard.Capability;
import dev.switchboard.CapabilityGap;
import dev.switchboard.ConferenceDialOut;
import dev.switchboard.PhoneNumber;
import dev.switchboard.Violation;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Prompt;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import dev.switchboard.flow.VerbAt;
import dev.switchboard.provider.support.CommaTags;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Xoxzo's document allows: a call plays one message, from an http URL of plain path
 * characters; a DIN's action URL answers with one action; numbers are E.164 without a Japanese
 * trunk 0; tags survive Xoxzo's comma split. Every rule is the document's, or a reading where it is
 * silent, written in {@code docs/providers/xoxzo.md}; none is stricter than either.
 */
public final class XoxzoRules {
  private static final Pattern ONE_LINE = Pattern.compile("[^\"\\r\\n]*");

  /**
   * Regional voices that are Xoxzo's voice for their language: en-US is the neutral default and
   * Japanese has one region. Any other region cannot be asked for, since {@code tts_lang} is a bare
   * language code.
   */
  private static final Map<String, String> REGIONAL_VOICES = Map.of("en-US", "en", "ja-JP", "ja");

  /**
   * The conference's guidance languages, neutral tag to {@code lang}: the document accepts {@code
   * en} and {@code ja} only.
   */
  private static final Map<String, String> GUIDANCE_LANGUAGES =
      Map.of("en-US", "en", "ja-JP", "ja");

  /** A language subtag alone, e.g. {@code fr}: Xoxzo's {@code tts_lang} is such a code. */
  private static final Pattern BARE_LANGUAGE = Pattern.compile("[A-Za-z]{2,3}");

  /** The path of a recording URL: ASCII letters, digits, {@code _ / - .} only. */
  private static final Pattern RECORDING_PATH = Pattern.compile("[A-Za-z0-9_/.\\-]*");

  /** Japan's country code followed by a trunk 0 that E.164 leaves out. */
  private static final String JAPAN_TRUNK_ZERO = "810";

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

  /** The one action a DIN's action URL answers with: a message, or else a transfer. */
  static Optional<Verb> action(CallFlow flow) {
    return message(flow)
        .map(Verb.class::cast)
        .or(() -> flow.verbs().stream().filter(Transfer.class::isInstance).findFirst());
  }

  /** Voices Xoxzo cannot choose, and a flow with no message at all. */
  public static List<CapabilityGap> gaps(CallFlow flow) {
    List<CapabilityGap> gaps = voiceGaps(flow);
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

  /**
   * Where an incoming call's flow is more than one DIN action can do: voices Xoxzo cannot choose,
   * and a flow with no action at all.
   */
  public static List<CapabilityGap> actionGaps(CallFlow flow) {
    List<CapabilityGap> gaps = voiceGaps(flow);
    if (action(flow).isEmpty()) {
      gaps.add(
          new CapabilityGap(
              "verbs[0]",
              flow.verbs().get(0).name(),
              Capability.SAY,
              "Xoxzo answers an incoming call with one action (play, say or transfer), and this"
                  + " flow has none"));
    }
    return gaps;
  }

  /**
   * The limits of a DIN action: a recording URL's, text that fits in one line between quotes, and a
   * transfer target without a Japanese trunk 0.
   */
  public static List<Violation> actionViolations(CallFlow flow) {
    List<Violation> violations = violations(flow);
    for (VerbAt at : flow.walk()) {
      if (at.verb() instanceof Say say && !ONE_LINE.matcher(say.text()).matches()) {
        violations.add(
            new Violation(
                at.field("text"),
                "a DIN action is one line with the text between double quotes, so the text can"
                    + " hold neither a double quote nor a line break"));
      }
      if (at.verb() instanceof Transfer transfer) {
        for (int i = 0; i < transfer.to().size(); i++) {
          String field = at.field("to") + "[" + i + "]";
          numberRule(transfer.to().get(i)).ifPresent(r -> violations.add(new Violation(field, r)));
        }
      }
    }
    return violations;
  }

  private static List<CapabilityGap> voiceGaps(CallFlow flow) {
    List<CapabilityGap> gaps = new ArrayList<>();
    for (VerbAt at : flow.walk()) {
      if (at.verb() instanceof Say say && language(say.language()).isEmpty()) {
        gaps.add(
            new CapabilityGap(
                at.path(),
                "say",
                Capability.SAY_LANGUAGE,
                "Xoxzo's tts_lang is a bare language code, so it cannot choose the voice of "
                    + say.language()
                    + "; write the language alone (e.g. "
                    + Locale.forLanguageTag(say.language()).getLanguage()
                    + "), en-US or ja-JP"));
      }
    }
    return gaps;
  }

  private static Optional<String> recordingUrlRule(URI url) {
    if (!url.getScheme().toLowerCase(Locale.ROOT).equals("http")) {
      return Optional.of("Xoxzo fetches recordings over http only (https is not supported)");
    }
    if (url.getRawQuery() != null
        || url.getRawFragment() != null
        || !RECORDING_PATH.matcher(url.getRawPath()).matches()) {
      return Optional.of(
          "Xoxzo needs a path of ASCII letters, digits, _, /, - and . only, was '"
              + url.getRawPath()
              + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
              + "'");
    }
    return Optional.empty();
  }

  /**
   * What in a call request, beyond its flow, Xoxzo would refuse or change: a missing caller, a
   * Japanese number with its trunk 0, a tag its comma split or space stripping would alter.
   */
  static List<Violation> violations(CallRequest request) {
    List<Violation> violations = new ArrayList<>();
    caller(request.from(), "call.from", violations);
    number(request.to(), "call.to", violations);
    for (int i = 0; i < request.tags().size(); i++) {
      String field = "call.tags[" + i + "]";
      CommaTags.problem("Xoxzo", request.tags().get(i))
          .ifPresent(rule -> violations.add(new Violation(field, rule)));
    }
    return violations;
  }

  /**
   * What in a conference dial-out Xoxzo would refuse: a missing caller, a Japanese number with its
   * trunk 0, more than 3 participants, a guidance language other than English and Japanese.
   */
  static List<Violation> violations(ConferenceDialOut request) {
    List<Violation> violations = new ArrayList<>();
    caller(request.from(), "conference.from", violations);
    for (int i = 0; i < request.participants().size(); i++) {
      number(request.participants().get(i), "conference.participants[" + i + "]", violations);
    }
    if (request.participants().size() > 3) {
      violations.add(
          new Violation(
              "conference.participants",
              "a Xoxzo conference has 2 or 3 participants, was " + request.participants().size()));
    }
    if (guidanceLanguage(request).isEmpty()) {
      violations.add(
          new Violation(
              "conference.language",
              "Xoxzo guides in en-US or ja-JP only, not " + request.language().orElseThrow()));
    }
    return violations;
  }

  /** The conference's {@code lang}: Japanese unless the request says otherwise. */
  static Optional<String> guidanceLanguage(ConferenceDialOut request) {
    return Optional.ofNullable(GUIDANCE_LANGUAGES.get(request.language().orElse("ja-JP")));
  }

  private static void caller(Optional<PhoneNumber> from, String field, List<Violation> out) {
    if (from.isEmpty()) {
      out.add(new Violation(field, "Xoxzo requires a caller number"));
    } else {
      number(from.get(), field, out);
    }
  }

  private static void number(PhoneNumber number, String field, List<Violation> out) {
    numberRule(number).ifPresent(rule -> out.add(new Violation(field, rule)));
  }

  /**
   * Why Xoxzo refuses {@code number}, if it does: E.164 leaves out the trunk 0 of a Japanese
   * number. Other countries are not judged: some keep a 0 after the country code (Italy).
   */
  private static Optional<String> numberRule(PhoneNumber number) {
    return number.digits().startsWith(JAPAN_TRUNK_ZERO)
        ? Optional.of(
            "Xoxzo takes a Japanese number without its trunk 0: +81 then the number without its"
                + " leading 0 (e.g. +818011234567), was "
                + number.e164())
        : Optional.empty();
  }

  /**
   * Xoxzo's {@code tts_lang} for a neutral language tag: the tag itself when it is a language
   * alone, Xoxzo's English or Japanese voice for en-US and ja-JP, empty for any other region or
   * script, which a bare code cannot ask for.
   */
  static Optional<String> language(String tag) {
    if (BARE_LANGUAGE.matcher(tag).matches()) {
      return Optional.of(tag.toLowerCase(Locale.ROOT));
    }
    return Optional.ofNullable(REGIONAL_VOICES.get(tag));
  }
}
