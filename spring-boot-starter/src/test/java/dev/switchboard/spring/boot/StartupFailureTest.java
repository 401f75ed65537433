package dev.switchboard.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.ConfigurationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

class StartupFailureTest {
  @Test
  @DisplayName(
      "A missing credential fails start-up with Switchboard's own message naming the key, which"
          + " the failure analyzer shows as it is")
  void missingCredential() {
    Throwable failure =
        startWith(
            "--switchboard.provider=hoiio",
            "--switchboard.hoiio.app-id=app",
            "--switchboard.webhook.base-url=https://app.example/hooks",
            "--switchboard.webhook.secret=starter-webhook-secret");
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
    assertThat(cause)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("switchboard.hoiio.access-token");
    FailureAnalysis analysis = new SwitchboardFailureAnalyzer().analyze(failure);
    assertThat(analysis.getDescription()).isEqualTo(cause.getMessage());
    assertThat(analysis.getDescription()).doesNotContain("\n");
  }

  @Test
  @DisplayName("A grace period that is not positive fails start-up, naming the rule")
  void graceNotPositive() {
    Throwable failure =
        startWith(
            "--switchboard.provider=hoiio",
            "--switchboard.hoiio.app-id=app",
            "--switchboard.hoiio.access-token=token",
            "--switchboard.webhook.base-url=https://app.example/hooks",
            "--switchboard.webhook.secret=starter-webhook-secret",
            "--switchboard.webhook.grace=0s");
    assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("grace must be positive, was PT0S");
  }

  /** What starting the test application with {@code args} throws. */
  private static Throwable startWith(String... args) {
    SpringApplication application = new SpringApplication(TestApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    return catchThrowable(() -> application.run(args).close());
  }
}
