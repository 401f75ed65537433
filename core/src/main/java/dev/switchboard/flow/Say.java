package dev.switchboard.flow;

import dev.switchboard.InvalidInputException;
import dev.switchboard.internal.Checks;

/**
 * Speaks text with text-to-speech. The text is literal: markup-looking input such as {@code <},
 * {@code &} or quotes is spoken, never interpreted, on every provider.
 *
 * @param text what to say; not blank
 * @param language BCP-47 tag of the text's language, {@value #DEFAULT_LANGUAGE} by default
 * @param gender the voice's gender, female by default
 * @param loop how many times to say it, 1 to {@value #MAX_LOOP}
 */
public record Say(String text, String language, VoiceGender gender, int loop) implements Prompt {
  /** The language used when none is given. */
  public static final String DEFAULT_LANGUAGE = "en-US";

  /** The gender used when none is given. */
  public static final VoiceGender DEFAULT_GENDER = VoiceGender.FEMALE;

  /** How many times a prompt plays when no loop is given; also used by {@link Play}. */
  public static final int DEFAULT_LOOP = 1;

  /** Repetitions are bounded because a flow must end. */
  public static final int MAX_LOOP = 100;

  public Say {
    Checks.speakable(text, "say.text");
    if (text.length() > FlowLimits.MAX_TEXT) {
      throw new InvalidInputException(
          "say.text",
          "must be at most " + FlowLimits.MAX_TEXT + " characters, was " + text.length());
    }
    Checks.languageTag(language, "say.language");
    Checks.notNull(gender, "say.gender");
    Checks.range(loop, 1, MAX_LOOP, "say.loop");
  }

  /** Says {@code text} once in the default language and voice. */
  public static Say of(String text) {
    return new Say(text, DEFAULT_LANGUAGE, DEFAULT_GENDER, DEFAULT_LOOP);
  }

  public static Builder builder(String text) {
    return new Builder(text);
  }

  /** True when the language and gender are the defaults, which every provider can speak. */
  public boolean hasDefaultVoice() {
    return language.equals(DEFAULT_LANGUAGE) && gender == DEFAULT_GENDER;
  }

  @Override
  public String name() {
    return "say";
  }

  /** Builds a {@link Say}, starting from the defaults. */
  public static final class Builder {
    private final String text;
    private String language = DEFAULT_LANGUAGE;
    private VoiceGender gender = DEFAULT_GENDER;
    private int loop = DEFAULT_LOOP;

    private Builder(String text) {
      this.text = text;
    }

    public Builder language(String language) {
      this.language = language;
      return this;
    }

    public Builder gender(VoiceGender gender) {
      this.gender = gender;
      return this;
    }

    public Builder loop(int loop) {
      this.loop = loop;
      return this;
    }

    public Say build() {
      return new Say(text, language, gender, loop);
    }
  }

  @Override
  public <R> R accept(VerbVisitor<R> visitor) {
    return visitor.say(this);
  }
}
