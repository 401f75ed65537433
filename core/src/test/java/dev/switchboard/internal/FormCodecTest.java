package dev.switchboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

  @Test
  @DisplayName(
      "Decoding gives what splitting on & and = and the JDK's decoder give, for 20,000 random"
          + " strings of separators, escapes, malformed escapes and plain text")
  void decodesAsSplittingWould() {
    String[] pieces = {"a", "b", "=", "&", "&&", "%20", "%e6%97%a5", "%zz", "%", "+", "é", "=="};
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder encoded = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        encoded.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = encoded.toString();
      assertThat(FormCodec.decode(text)).as("decoding %s", text).isEqualTo(bySplitting(text));
    }
  }

  /** The decoding as it was first written: split, then the JDK's decoder on every part. */
  private static Map<String, List<String>> bySplitting(String encoded) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = jdkDecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : jdkDecode(pair.substring(eq + 1));
      result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return result;
  }

  private static String jdkDecode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return part;
    }
  }
}
