package dev.switchboard.provider.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.AuthenticationException;
import dev.switchboard.CallNotFoundException;
import dev.switchboard.InvalidInputException;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.RateLimitedException;
import dev.switchboard.Violation;
import dev.switchboard.VoiceException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorTableTest {
  private static final Request REQUEST =
      new Request.Builder().url("https://api.example/v1/calls/c1").delete().build();

  /** A vendor that puts its code in the body, and words every error the same. */
  private static final ErrorTable TABLE =
      new ErrorTable(422, answer -> new VendorError("V" + answer.body(), "no: " + answer.where()));

  private static VoiceException map(int status) {
    return TABLE.exception(new HttpAnswer(REQUEST, status, String.valueOf(status)), "acme");
  }

  @ParameterizedTest(name = "HTTP {0}")
  @CsvSource({
    "401, dev.switchboard.AuthenticationException",
    "404, dev.switchboard.CallNotFoundException",
    "429, dev.switchboard.RateLimitedException",
    "400, dev.switchboard.ProviderUnavailableException",
    "409, dev.switchboard.ProviderUnavailableException",
    "307, dev.switchboard.ProviderUnavailableException",
    "500, dev.switchboard.ProviderUnavailableException",
    "503, dev.switchboard.ProviderUnavailableException"
  })
  @DisplayName("Each status maps to its exception, with the vendor's code and message")
  void statuses(int status, Class<? extends VoiceException> type) {
    VoiceException e = map(status);
    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.providerId()).hasValue("acme");
    assertThat(e.vendorCode()).hasValue("V" + status);
    assertThat(e.getMessage()).isEqualTo("no: DELETE /v1/calls/c1");
  }

  @Test
  @DisplayName("A rate limit carries the wait the vendor gave in Retry-After, in seconds")
  void rateLimitWithWait() {
    HttpAnswer answer = new HttpAnswer(REQUEST, 429, "429", Optional.of(Duration.ofSeconds(1)));
    assertThat(TABLE.exception(answer, "acme"))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(1)));
    assertThat(HttpAnswer.retryAfter("1")).hasValue(Duration.ofSeconds(1));
    assertThat(HttpAnswer.retryAfter("soon")).isEmpty();
    assertThat(HttpAnswer.retryAfter(null)).isEmpty();
  }

  @Test
  @DisplayName("A rate limit carries no wait the vendor did not give")
  void rateLimitWithoutWait() {
    assertThat(map(429))
        .isInstanceOfSatisfying(
            RateLimitedException.class, e -> assertThat(e.retryAfter()).isEmpty());
  }

  @Test
  @DisplayName("The vendor's invalid-input status refuses the fields it names")
  void invalidInputFields() {
    ErrorTable table =
        new ErrorTable(
            400,
            answer ->
                new VendorError(
                    "400",
                    "refused",
                    List.of(new Violation("caller", "bad"), new Violation("lang", "worse"))));
    assertThat(table.exception(new HttpAnswer(REQUEST, 400, "{}"), "acme"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.vendorCode()).hasValue("400");
              assertThat(e.violations())
                  .containsExactly(new Violation("caller", "bad"), new Violation("lang", "worse"));
            });
  }

  @Test
  @DisplayName("An invalid-input answer that names no field refuses the request, with the message")
  void invalidInputRequest() {
    assertThat(map(422))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.vendorCode()).hasValue("V422");
              assertThat(e.violations())
                  .containsExactly(new Violation("request", "no: DELETE /v1/calls/c1"));
            });
  }

  @Test
  @DisplayName("Only the vendor's own invalid-input status refuses input")
  void otherVendorsInvalidInput() {
    assertThat(map(400)).isExactlyInstanceOf(ProviderUnavailableException.class);
    assertThat(map(401)).isExactlyInstanceOf(AuthenticationException.class);
    assertThat(map(404)).isExactlyInstanceOf(CallNotFoundException.class);
  }
}
