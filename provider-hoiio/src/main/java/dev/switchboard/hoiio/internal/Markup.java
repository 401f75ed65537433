package dev.switchboard.hoiio.internal;

import dev.switchboard.flow.Play;
import dev.switchboard.flow.Prompt;
import dev.switchboard.flow.Say;
import java.util.List;

/**
 * Hoiio's {@code msg} markup: {@code <speech language gender>} and {@code <url>} segments played in
 * order. Every say is its own {@code <speech>} element, since adjacent plain text would be heard as
 * one segment. Text is escaped so that nothing a user says becomes markup.
 */
final class Markup {
  /** The documented maximum length of {@code msg}. */
  static final int MAX_MSG = 1000;

  private Markup() {}

  /** The {@code msg} that plays {@code prompts} in order; empty for none. */
  static String of(List<? extends Prompt> prompts) {
    StringBuilder out = new StringBuilder();
    for (Prompt prompt : prompts) {
      out.append(of(prompt));
    }
    return out.toString();
  }

  /** One prompt's segments, repeated per its loop. Pauses have no markup and are never passed. */
  static String of(Prompt prompt) {
    String segment;
    int loop;
    if (prompt instanceof Say say) {
      // Always wrapped: plain text next to other plain text would be heard as one segment.
      segment =
          "<speech language=\""
              + escape(say.language())
              + "\" gender=\""
              + say.gender().wireName()
              + "\">"
              + escape(say.text())
              + "</speech>";
      loop = say.loop();
    } else if (prompt instanceof Play play) {
      segment = "<url>" + escape(play.url().toString()) + "</url>";
      loop = play.loop();
    } else {
      throw new IllegalArgumentException("Hoiio has no markup for " + prompt.name());
    }
    return segment.repeat(loop);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
