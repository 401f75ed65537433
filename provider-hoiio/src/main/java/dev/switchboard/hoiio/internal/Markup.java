package dev.switchboard.hoiio.internal;

import dev.switchboard.flow.Play;
import dev.switchboard.flow.Prompt;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.VoiceGender;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hoiio's {@code msg} markup, built prompt by prompt: plain text, {@code <speech>} and {@code
 * <url>} segments played in order. Text is escaped so that nothing a user says becomes markup.
 *
 * <p>The default voice (English, female) is written as plain text, the documented default. Plain
 * text next to plain text would be heard as one segment, so a default-voice say that follows plain
 * text is written as {@code <speech gender="female">}: the element's language defaults to English
 * as the message's does, and no document shows an English language code.
 */
final class Markup {
  /** The documented maximum length of {@code msg}. */
  static final int MAX_MSG = 1000;

  /**
   * The languages the documents show Hoiio speaking, by neutral tag, with the {@code language} the
   * {@code <speech>} element takes (empty for English, the default). The Text-to-Speech list the
   * block pages point to was not captured; see {@code docs/providers/hoiio.md}.
   */
  static final Map<String, String> LANGUAGES = Map.of(Say.DEFAULT_LANGUAGE, "", "zh-HK", "zh-HK");

  /** The audio formats the block pages list for {@code <url>}. */
  static final List<String> AUDIO_FORMATS = List.of(".mp3", ".wav", ".gsm");

  private final StringBuilder text = new StringBuilder();
  private boolean endsInPlainText;

  Markup() {}

  private Markup(Markup other) {
    text.append(other.text);
    endsInPlainText = other.endsInPlainText;
  }

  /** The {@code msg} that plays {@code prompts} in order; empty for none. */
  static String of(List<? extends Prompt> prompts) {
    return new Markup().appendAll(prompts).toString();
  }

  /** The {@code msg} that plays one prompt, repeated per its loop. */
  static String of(Prompt prompt) {
    return new Markup().append(prompt).toString();
  }

  /** The {@code language} attribute for a neutral language tag, if Hoiio is known to speak it. */
  static Optional<String> hoiioLanguage(String language) {
    return Optional.ofNullable(LANGUAGES.get(language));
  }

  /** A copy to try a longer message on, leaving this one as it is. */
  Markup copy() {
    return new Markup(this);
  }

  Markup appendAll(List<? extends Prompt> prompts) {
    prompts.forEach(this::append);
    return this;
  }

  /** Appends one prompt's segments, repeated per its loop. Pauses have no markup. */
  Markup append(Prompt prompt) {
    if (prompt instanceof Say say) {
      for (int i = 0; i < say.loop(); i++) {
        say(say);
      }
    } else if (prompt instanceof Play play) {
      String segment = "<url>" + escape(play.url().toString()) + "</url>";
      text.append(segment.repeat(play.loop()));
      endsInPlainText = false;
    } else {
      throw new IllegalArgumentException("Hoiio has no markup for " + prompt.name());
    }
    return this;
  }

  private void say(Say say) {
    String language = hoiioLanguage(say.language()).orElseThrow();
    if (language.isEmpty() && say.gender() == VoiceGender.FEMALE && !endsInPlainText) {
      text.append(escape(say.text()));
      endsInPlainText = true;
      return;
    }
    text.append("<speech");
    if (!language.isEmpty()) {
      text.append(" language=\"").append(escape(language)).append('"');
    }
    text.append(" gender=\"")
        .append(say.gender().wireName())
        .append("\">")
        .append(escape(say.text()))
        .append("</speech>");
    endsInPlainText = false;
  }

  int length() {
    return text.codePointCount(0, text.length());
  }

  boolean isEmpty() {
    return text.length() == 0;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
