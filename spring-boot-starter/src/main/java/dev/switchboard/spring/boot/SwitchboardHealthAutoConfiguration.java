package dev.switchboard.spring.boot;

import dev.switchboard.VoiceClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** Switchboard's health indicator, when Actuator's health support is on the class path. */
@AutoConfiguration(after = SwitchboardAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class SwitchboardHealthAutoConfiguration {
  @Bean
  @ConditionalOnBean(VoiceClient.class)
  @ConditionalOnMissingBean(name = "switchboardHealthIndicator")
  public SwitchboardHealthIndicator switchboardHealthIndicator(VoiceClient client) {
    return new SwitchboardHealthIndicator(client);
  }
}
