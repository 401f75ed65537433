package dev.switchboard.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.testkit.SandboxProvider;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

class BackOffTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  SwitchboardAutoConfiguration.class, SwitchboardHealthAutoConfiguration.class));

  @Test
  @DisplayName("An application's own VoiceClient is used, and the starter makes none")
  void ownClient() {
    VoiceClient own =
        Switchboard.builder()
            .provider(new SandboxProvider())
            .config(SwitchboardConfig.of(Map.of()))
            .build();
    runner
        .withBean(VoiceClient.class, () -> own)
        .run(
            context -> {
              assertThat(context).hasSingleBean(VoiceClient.class);
              assertThat(context.getBean(VoiceClient.class)).isSameAs(own);
              assertThat(context).hasSingleBean(SwitchboardHealthIndicator.class);
            });
  }

  @Test
  @DisplayName(
      "In a servlet application the webhooks are mounted at the base URL's path, and not at all"
          + " without one")
  void webhooksFollowTheBaseUrl() {
    WebApplicationContextRunner web =
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class))
            .withPropertyValues(
                "switchboard.provider=voxtelesys", "switchboard.voxtelesys.api-key=key");
    web.run(context -> assertThat(context).doesNotHaveBean("switchboardWebhooks"));
    web.withPropertyValues(
            "switchboard.webhook.base-url=https://app.example/voice/hooks",
            "switchboard.webhook.secret=starter-webhook-secret")
        .run(
            context ->
                assertThat(
                        context
                            .getBean("switchboardWebhooks", ServletRegistrationBean.class)
                            .getUrlMappings())
                    .containsExactly("/voice/hooks/*"));
  }
}
