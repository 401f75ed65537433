package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

  @Nested
  @DisplayName("Parsing E.164")
  class Parsing {
    @ParameterizedTest
    @ValueSource(strings = {"+1", "+15556667777", "+818011234567", "+123456789012345"})
    @DisplayName("A plus followed by 1 to 15 digits, the first not 0, is accepted")
    void acceptsValid(String number) {
      PhoneNumber parsed = PhoneNumber.of(number);
      assertThat(parsed.e164()).isEqualTo(number);
      assertThat(parsed.digits()).isEqualTo(number.substring(1));
      assertThat(parsed).hasToString(number);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "+",
          "15556667777",
          "+0123",
          "+1234567890123456",
          "+1 555 666 7777",
          "+1-555",
          "++15556667777",
          "+1555666777a",
          "+١٢٣", // Arabic-Indic digits pass Character.isDigit but are not E.164
          " +15556667777",
          "+15556667777\n"
        })
    @DisplayName("Anything else is refused naming the field and the E.164 rule")
    void refusesInvalid(String number) {
      assertThatThrownBy(() -> PhoneNumber.of(number))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("phoneNumber")
          .hasMessageContaining("E.164");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @DisplayName("A missing or empty number is refused, not a NullPointerException")
    void refusesMissing(String number) {
      assertThatThrownBy(() -> PhoneNumber.of(number)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("The error names the field the caller passed")
    void namesField() {
      assertThatThrownBy(() -> PhoneNumber.of("555", "transfer.to[1]"))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("transfer.to[1]"));
    }
  }

  @Nested
  @DisplayName("Wire formats")
  class WireFormats {
    @Test
    @DisplayName("Digits without the plus, as Voxtelesys writes them, parse to the same number")
    void fromDigits() {
      assertThat(PhoneNumber.fromDigits("15556667777")).isEqualTo(PhoneNumber.of("+15556667777"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "0123", "1234567890123456", "+1555"})
    @DisplayName("Invalid or missing bare digits are refused")
    void fromDigitsRefusesInvalid(String digits) {
      assertThatThrownBy(() -> PhoneNumber.fromDigits(digits))
          .isInstanceOf(InvalidInputException.class);
    }
  }
}
