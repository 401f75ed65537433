package dev.switchboard.voxtelesys.internal;

import java.util.List;

/** The languages VoxXML's Gather recognises speech in, as its {@code language} lists them. */
final class SpeechRecognition {
  /** The Gather {@code language} values the document lists, in its order. */
  static final List<String> LANGUAGES =
      List.of(
          "en-US", "en-GB", "es-US", "fr-CA", "fr-FR", "en-AU", "it-IT", "de-DE", "pt-BR", "ja-JP",
          "ko-KR", "zh-CN");

  private SpeechRecognition() {}

  static boolean recognises(String language) {
    return LANGUAGES.contains(language);
  }
}
