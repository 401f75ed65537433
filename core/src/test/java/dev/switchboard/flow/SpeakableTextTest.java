package dev.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.FlowFileException;
import dev.switchboard.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text that cannot be spoken or written into a vendor's document is refused where it is made. */
class SpeakableTextTest {
  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"0000", "0007", "001B", "000B", "000C", "FFFE", "FFFF", "D800", "DC00"})
  @DisplayName("A say holding a character no XML document can carry is refused, naming the field")
  void unencodable(String hex) {
    String text = "Hello " + (char) Integer.parseInt(hex, 16) + " there";
    assertThatThrownBy(() -> Say.of(text))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("say.text");
              assertThat(e.getMessage()).contains("U+" + hex);
            });
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"\u200B", "\u200B\u200C\u200D", " \u2060 ", "\uFEFF"})
  @DisplayName("A say with nothing to hear (only invisible characters) is refused")
  void nothingToHear(String text) {
    assertThatThrownBy(() -> Say.of(text))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("say.text"));
  }

  @Test
  @DisplayName("Tabs, line breaks, emoji and every script are spoken as they are")
  void speakable() {
    assertThat(Say.of("Line one\nline two\ttab 😀 請稍等 Grüße").text()).contains("😀");
  }

  @Test
  @DisplayName("A flow file that is not valid UTF-8 is refused with the byte offset")
  void invalidUtf8(@TempDir Path dir) throws IOException {
    Path overlong = dir.resolve("overlong.json");
    byte[] prefix = "{\"verbs\": [{\"say\": {\"text\": \"a".getBytes();
    byte[] suffix = "\"}}]}".getBytes();
    byte[] content = new byte[prefix.length + 2 + suffix.length];
    System.arraycopy(prefix, 0, content, 0, prefix.length);
    content[prefix.length] = (byte) 0xC0;
    content[prefix.length + 1] = (byte) 0xAF;
    System.arraycopy(suffix, 0, content, prefix.length + 2, suffix.length);
    Files.write(overlong, content);
    assertThatThrownBy(() -> FlowJson.read(overlong))
        .isInstanceOfSatisfying(
            FlowFileException.class,
            e -> assertThat(e.rule()).contains("UTF-8").contains("byte " + prefix.length));
  }
}
