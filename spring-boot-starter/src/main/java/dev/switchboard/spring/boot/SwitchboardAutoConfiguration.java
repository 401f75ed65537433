package dev.switchboard.spring.boot;

import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.VoiceObserver;
import dev.switchboard.micrometer.MicrometerVoiceObserver;
import dev.switchboard.servlet.SwitchboardServlet;
import dev.switchboard.state.StateStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * A {@link VoiceClient} from the application's {@code switchboard.*} properties, with its events
 * published as Spring application events, incoming calls answered by an {@link IncomingCallHandler}
 * bean, its state in a {@link StateStore} bean when there is one, and its webhooks served by the
 * application's own servlet container at the path of {@code switchboard.webhook.base-url}. Each
 * bean backs off when the application defines its own.
 */
@AutoConfiguration(
    afterName = {
      // The observer needs the registries these make, when the application has them.
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass(VoiceClient.class)
@EnableConfigurationProperties(SwitchboardProperties.class)
public class SwitchboardAutoConfiguration {

  /** Every {@code switchboard.*} key the environment holds, in either of its spellings. */
  @Bean
  @ConditionalOnMissingBean
  public SwitchboardConfig switchboardConfig(ConfigurableEnvironment environment) {
    Map<String, String> keys = new LinkedHashMap<>();
    environment
        .getPropertySources()
        .forEach(
            source -> {
              if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                  String lower = name.toLowerCase(Locale.ROOT);
                  if ((lower.startsWith("switchboard.") || lower.startsWith("switchboard_"))
                      && !keys.containsKey(name)) {
                    String value = environment.getProperty(name);
                    if (value != null) {
                      keys.put(name, value);
                    }
                  }
                }
              }
            });
    return SwitchboardConfig.of(keys);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public VoiceClient voiceClient(
      SwitchboardConfig config,
      SwitchboardProperties properties,
      ApplicationEventPublisher events,
      ObjectProvider<IncomingCallHandler> incomingCalls,
      ObjectProvider<StateStore> state,
      ObjectProvider<VoiceObserver> observer) {
    Switchboard.Builder builder =
        Switchboard.builder()
            .config(config)
            .grace(properties.getWebhook().getGrace())
            .onEvent(events::publishEvent);
    incomingCalls.ifAvailable(handler -> builder.onIncomingCall(handler::answer));
    state.ifAvailable(builder::state);
    observer.ifAvailable(builder::observer);
    return builder.build();
  }

  /**
   * Calls, webhooks, vendor requests and events as Micrometer observations and meters, when the
   * application has the registries (Actuator sets them up).
   */
  @Bean
  @ConditionalOnMissingBean(VoiceObserver.class)
  @ConditionalOnBean({ObservationRegistry.class, MeterRegistry.class})
  public VoiceObserver switchboardObserver(ObservationRegistry observations, MeterRegistry meters) {
    return new MicrometerVoiceObserver(observations, meters);
  }

  /** The webhooks on the application's own servlet container. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(ServletRegistrationBean.class)
  @ConditionalOnProperty("switchboard.webhook.base-url")
  static class Webhooks {
    @Bean
    @ConditionalOnMissingBean(name = "switchboardWebhooks")
    ServletRegistrationBean<SwitchboardServlet> switchboardWebhooks(
        VoiceClient client, SwitchboardProperties properties) {
      String path = URI.create(properties.getWebhook().getBaseUrl()).getPath();
      String mapping = (path == null || path.isEmpty() || path.equals("/") ? "" : path) + "/*";
      ServletRegistrationBean<SwitchboardServlet> registration =
          new ServletRegistrationBean<>(new SwitchboardServlet(client), mapping);
      registration.setName("switchboardWebhooks");
      return registration;
    }
  }
}
