package dev.switchboard.voxtelesys.internal;

import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Say;
import java.util.List;

/**
 * The language a gather's speech is recognised in. The neutral {@link Gather} names no language of
 * its own, so a gather listens in the language its first {@code say} prompt speaks (a French menu
 * is answered in French), and in the neutral default {@value Say#DEFAULT_LANGUAGE} when it has no
 * {@code say} prompt. VoxXML's Gather {@code language} accepts only the languages listed here.
 */
final class SpeechRecognition {
  /** The Gather {@code language} values the document lists, in its order. */
  static final List<String> LANGUAGES =
      List.of(
          "en-US", "en-GB", "es-US", "fr-CA", "fr-FR", "en-AU", "it-IT", "de-DE", "pt-BR", "ja-JP",
          "ko-KR", "zh-CN");

  private SpeechRecognition() {}

  /** The language {@code gather} listens in. */
  static String language(Gather gather) {
    return gather.prompts().stream()
        .filter(Say.class::isInstance)
        .map(prompt -> ((Say) prompt).language())
        .findFirst()
        .orElse(Say.DEFAULT_LANGUAGE);
  }

  static boolean recognises(String language) {
    return LANGUAGES.contains(language);
  }
}
