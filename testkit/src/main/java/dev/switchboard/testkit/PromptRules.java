package dev.switchboard.testkit;

import dev.switchboard.Capability;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.VoiceGender;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's rules for say, play and pause; see {@link ProviderConformanceKit} and {@code
 * docs/conformance.md}.
 */
interface PromptRules {
  /** The kit's state and helpers for the rule running. */
  KitContext kit();

  @Test
  @DisplayName("[SAY-01] Text is spoken in the default voice")
  default void say() {
    kit().requires(Capability.SAY);
    kit().assertSameAsReference(CallFlow.of(Say.of("Hello from Switchboard.")), Callee.answering());
  }

  @Test
  @DisplayName("[SAY-02] Markup-looking text is spoken literally, never interpreted")
  default void literal() {
    kit().requires(Capability.SAY);
    kit()
        .assertSameAsReference(
            CallFlow.of(
                Say.of("<Say>Tom & \"Jerry\"</Say> <speech gender='male'>x</speech> <url>y</url>")),
            Callee.answering());
  }

  @Test
  @DisplayName("[SAY-03] Language and gender are honoured")
  default void voice() {
    kit().requires(Capability.SAY, Capability.SAY_LANGUAGE, Capability.SAY_GENDER);
    // Vendors speak different languages: the rule takes the first of a few that the provider
    // accepts, and a provider declaring other languages must accept at least one of them.
    CallFlow flow =
        Stream.of("fr-FR", "zh-HK", "es-US", "ja-JP", "de-DE")
            .map(
                language ->
                    CallFlow.of(
                        Say.builder("Bonjour").language(language).gender(VoiceGender.MALE).build()))
            .filter(candidate -> kit().client().verdict(candidate).ok())
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "declares other languages but speaks none of fr-FR, zh-HK, es-US, ja-JP,"
                            + " de-DE"));
    kit().assertSameAsReference(flow, Callee.answering());
  }

  @Test
  @DisplayName("[SAY-04] A looped prompt is heard that many times")
  default void loop() {
    kit().requires(Capability.SAY, Capability.LOOP, Capability.SEQUENCE);
    kit()
        .assertSameAsReference(
            CallFlow.of(Say.builder("Again").loop(3).build(), Say.of("Done")), Callee.answering());
  }

  @Test
  @DisplayName("[PLAY-01] An audio file is played")
  default void play() {
    kit().requires(Capability.PLAY);
    kit()
        .assertSameAsReference(
            CallFlow.of(Play.of("http://audio.example/hello.mp3")), Callee.answering());
  }

  @Test
  @DisplayName("[PAUSE-01] A pause is heard between prompts")
  default void pause() {
    kit().requires(Capability.SAY, Capability.PAUSE, Capability.SEQUENCE);
    kit()
        .assertSameAsReference(
            CallFlow.of(Say.of("One"), Pause.of(2), Say.of("Two")), Callee.answering());
  }
}
