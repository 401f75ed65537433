package dev.switchboard.voxtelesys.internal;

import dev.switchboard.flow.VoiceGender;
import java.util.Map;
import java.util.Optional;

/**
 * The Amazon Polly standard voices VoxXML's {@code Say} can use, by language and gender, as listed
 * in {@code docs/providers/voxtelesys.md}. A language or gender missing here cannot be spoken, and
 * a flow asking for it is refused before sending.
 */
final class Voices {
  private record Pair(String female, String male) {}

  private static final Map<String, Pair> VOICES =
      Map.ofEntries(
          Map.entry("en-US", new Pair("Joanna", "Matthew")),
          Map.entry("en-GB", new Pair("Amy", "Brian")),
          Map.entry("en-AU", new Pair("Nicole", "Russell")),
          Map.entry("en-IN", new Pair("Aditi", null)),
          Map.entry("es-US", new Pair("Penelope", "Miguel")),
          Map.entry("es-ES", new Pair("Conchita", "Enrique")),
          Map.entry("es-MX", new Pair("Mia", null)),
          Map.entry("fr-FR", new Pair("Celine", "Mathieu")),
          Map.entry("fr-CA", new Pair("Chantal", null)),
          Map.entry("de-DE", new Pair("Marlene", "Hans")),
          Map.entry("it-IT", new Pair("Carla", "Giorgio")),
          Map.entry("pt-BR", new Pair("Vitoria", "Ricardo")),
          Map.entry("ja-JP", new Pair("Mizuki", "Takumi")),
          Map.entry("ko-KR", new Pair("Seoyeon", null)),
          Map.entry("nl-NL", new Pair("Lotte", "Ruben")));

  private Voices() {}

  static boolean speaks(String language) {
    return VOICES.containsKey(language);
  }

  /** The voice for a language and gender, if Polly has a standard one. */
  static Optional<String> voice(String language, VoiceGender gender) {
    Pair pair = VOICES.get(language);
    if (pair == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(gender == VoiceGender.MALE ? pair.male() : pair.female());
  }
}
