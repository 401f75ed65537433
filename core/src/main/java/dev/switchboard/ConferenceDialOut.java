package dev.switchboard;

import dev.switchboard.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A conference the vendor sets up by calling every participant and joining those who answer
 * (capability {@link Capability#CONFERENCE_DIAL_OUT}).
 *
 * @param from the caller id to present; some vendors require one
 * @param participants the numbers to call; at least two, distinct
 * @param language the language of the vendor's spoken guidance, BCP-47; empty for the vendor's
 *     default
 */
public record ConferenceDialOut(
    Optional<PhoneNumber> from, List<PhoneNumber> participants, Optional<String> language) {
  public ConferenceDialOut {
    Checks.notNull(from, "conference.from");
    participants = Checks.list(participants, "conference.participants");
    if (participants.size() < 2) {
      throw new InvalidInputException(
          "conference.participants", "a conference needs at least 2 participants");
    }
    if (new HashSet<>(participants).size() != participants.size()) {
      throw new InvalidInputException("conference.participants", "participants must be distinct");
    }
    Checks.notNull(language, "conference.language");
    language.ifPresent(tag -> Checks.languageTag(tag, "conference.language"));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ConferenceDialOut}. */
  public static final class Builder {
    private PhoneNumber from;
    private final List<PhoneNumber> participants = new ArrayList<>();
    private String language;

    private Builder() {}

    public Builder from(String e164) {
      this.from = PhoneNumber.of(e164, "conference.from");
      return this;
    }

    /** Adds E.164 numbers to call. */
    public Builder participant(String... e164) {
      for (String number : e164) {
        participants.add(
            PhoneNumber.of(number, "conference.participants[" + participants.size() + "]"));
      }
      return this;
    }

    public Builder language(String tag) {
      this.language = tag;
      return this;
    }

    public ConferenceDialOut build() {
      return new ConferenceDialOut(
          Optional.ofNullable(from), participants, Optional.ofNullable(language));
    }
  }
}
