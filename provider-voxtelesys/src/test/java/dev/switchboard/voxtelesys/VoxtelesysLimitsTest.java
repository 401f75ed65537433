package dev.switchboard.voxtelesys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Capability;
import dev.switchboard.CapabilityGap;
import dev.switchboard.InvalidInputException;
import dev.switchboard.Violation;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.GatherInput;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.VoiceGender;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Where VoxXML v1 narrows the neutral model, refused before anything is sent. */
class VoxtelesysLimitsTest {
  private final VoxtelesysProvider provider = new VoxtelesysProvider();

  @Nested
  @DisplayName("Vendor limits")
  class Limits {
    @Test
    @DisplayName("Pause accepts 60 seconds and refuses 61, naming the field")
    void pause() {
      provider.verdict(CallFlow.of(Pause.of(60))).orThrow();
      assertThatThrownBy(() -> provider.verdict(CallFlow.of(Say.of("a"), Pause.of(61))).orThrow())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("verbs[1].pause.seconds"));
    }

    @Test
    @DisplayName(
        "A gather timeout of 60 is accepted and 61 refused, rather than silently cut to 60")
    void gatherTimeout() {
      provider.verdict(CallFlow.of(Gather.builder().timeout(60).build())).orThrow();
      assertThatThrownBy(
              () -> provider.verdict(CallFlow.of(Gather.builder().timeout(61).build())).orThrow())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.field()).isEqualTo("verbs[0].gather.timeout");
                assertThat(e.rule()).contains("60");
              });
    }

    @Test
    @DisplayName("Text containing $GATHER cannot be said literally and is refused")
    void gatherVariable() {
      assertThatThrownBy(
              () -> provider.verdict(CallFlow.of(Say.of("Cost: $GATHER dollars"))).orThrow())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("verbs[0].say.text"));
    }

    @Test
    @DisplayName(
        "Branch inputs other than 0-9 and a-z are refused; every violation is listed at once")
    void branchInputsAndAllAtOnce() {
      CallFlow flow =
          CallFlow.of(
              Gather.builder().numDigits(2).finishOnKey("#").branch("1*", Say.of("x")).build(),
              Conference.builder("r1").label("Bob").build(),
              Pause.of(90));
      assertThatThrownBy(() -> provider.verdict(flow).orThrow())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(Violation::field)
                      .containsExactly(
                          "verbs[0].gather.branches[\"1*\"]",
                          "verbs[1].conference.label",
                          "verbs[2].pause.seconds"));
    }
  }

  @Nested
  @DisplayName("Capability gaps")
  class Gaps {
    @Test
    @DisplayName(
        "A language without a Polly voice, or a missing male voice, is a gap at its position")
    void voices() {
      CallFlow flow =
          CallFlow.of(
              Say.builder("Hej").language("sv-SE").build(),
              Say.builder("Salut").language("fr-CA").gender(VoiceGender.MALE).build());
      assertThat(provider.verdict(flow).gaps())
          .extracting(CapabilityGap::path, CapabilityGap::capability)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("verbs[0]", Capability.SAY_LANGUAGE),
              org.assertj.core.groups.Tuple.tuple("verbs[1]", Capability.SAY_GENDER));
    }

    @Test
    @DisplayName(
        "A speech gather in a language Voxtelesys does not recognise is a gap; keys alone are not")
    void speechLanguage() {
      Say spanish = Say.builder("Diga si o no.").language("es-ES").build();
      CallFlow flow =
          CallFlow.of(
              Gather.builder()
                  .input(GatherInput.DTMF, GatherInput.SPEECH)
                  .language("es-ES")
                  .prompt(spanish)
                  .build(),
              Gather.builder().language("es-ES").prompt(spanish).build(),
              Gather.builder()
                  .input(GatherInput.SPEECH)
                  .language("fr-FR")
                  .prompt(Say.builder("Dites oui.").language("fr-FR").build())
                  .build());
      assertThat(provider.verdict(flow).gaps())
          .extracting(CapabilityGap::path, CapabilityGap::capability)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("verbs[0]", Capability.GATHER_SPEECH));
      assertThat(provider.verdict(flow).gaps().get(0).detail()).contains("es-ES", "fr-FR");
    }

    @Test
    @DisplayName("A pause among a gather's prompts is a gap: VoxXML Gather plays Say and Play only")
    void pauseInGather() {
      CallFlow flow = CallFlow.of(Gather.builder().say("a").prompt(Pause.of(1)).build());
      assertThat(provider.verdict(flow).gaps())
          .extracting(CapabilityGap::toString)
          .containsExactly(
              "verbs[0].prompts[1] pause: pause inside a gather's prompts (VoxXML Gather plays Say and Play only)");
    }

    @Test
    @DisplayName("Record, transfer time-outs and on-failure flows are not in v1")
    void undeclared() {
      CallFlow flow =
          CallFlow.of(
              Record.of(10),
              Transfer.builder().to("+15556667777").timeout(20).onFailure(Say.of("x")).build());
      assertThat(provider.verdict(flow).gaps())
          .extracting(CapabilityGap::capability)
          .containsExactly(
              Capability.RECORD, Capability.TRANSFER_TIMEOUT, Capability.TRANSFER_ON_FAILURE);
    }
  }
}
