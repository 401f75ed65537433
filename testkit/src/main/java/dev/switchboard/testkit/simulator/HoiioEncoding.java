package dev.switchboard.testkit.simulator;

import dev.switchboard.webhook.WebhookRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a Hoiio block request's parameters can be read at all ({@code error_malformed_params}).
 * The request's own parsing is lenient, so the raw query and form body are checked here, strictly.
 */
final class HoiioEncoding {
  private HoiioEncoding() {}

  /**
   * True when the query or a form body cannot be read: a body that is not UTF-8, a {@code %} not
   * followed by two hex digits, or escapes that do not decode as UTF-8.
   */
  static boolean malformed(WebhookRequest request) {
    String query = request.uri().getRawQuery();
    if (query != null && !decodable(query)) {
      return true;
    }
    if (request.contentType().map("application/x-www-form-urlencoded"::equals).orElse(false)) {
      String body;
      try {
        body =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(request.body()))
                .toString();
      } catch (CharacterCodingException e) {
        return true;
      }
      return !decodable(body);
    }
    return false;
  }

  /** Each run of consecutive escapes must be well formed and decode, as a whole, as UTF-8. */
  private static boolean decodable(String encoded) {
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    int i = 0;
    while (i < encoded.length()) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) {
          return false;
        }
        int high = Character.digit(encoded.charAt(i + 1), 16);
        int low = Character.digit(encoded.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return false;
        }
        run.write(high * 16 + low);
        i += 3;
      } else {
        if (!utf8(run.toByteArray())) {
          return false;
        }
        run.reset();
        i++;
      }
    }
    return utf8(run.toByteArray());
  }

  private static boolean utf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
