package dev.switchboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FormCodecTest {
  @Test
  @DisplayName("A part is encoded exactly as the JDK's form encoder does, for every character")
  void encodesAsTheJdk() {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x250; c++) {
      String one = String.valueOf(c);
      assertThat(FormCodec.encodePart(one))
          .isEqualTo(URLEncoder.encode(one, StandardCharsets.UTF_8));
      every.append(c);
    }
    for (String text : new String[] {every.toString(), "in-Ab_9.x*", "", "a b&c=d", "日本"}) {
      assertThat(FormCodec.encodePart(text))
          .isEqualTo(URLEncoder.encode(text, StandardCharsets.UTF_8));
    }
  }

  @Test
  @DisplayName("A part the encoding leaves as it is comes back as the same string")
  void unchangedIsTheSame() {
    String reference = "in-Ab_9.x*";
    assertThat(FormCodec.encodePart(reference)).isSameAs(reference);
  }
}
