package dev.switchboard.spring.boot;

import dev.switchboard.state.InMemoryCallbackBindings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Switchboard's own keys, as Spring Boot binds and documents them. Every other {@code
 * switchboard.*} key (a provider's credentials, {@code switchboard.hoiio.app-id} and the like, the
 * state store's) is passed to Switchboard as it is set: each provider declares its own keys, and
 * {@code switchboard providers} lists them.
 */
@ConfigurationProperties("switchboard")
public class SwitchboardProperties {
  /**
   * The provider's id, e.g. hoiio; may be left out when exactly one provider is on the class path.
   * Several, comma-separated (voxtelesys,hoiio), route each call to the first that can run it.
   */
  private String provider;

  /** Where state between webhooks lives: memory (the default) or redis. */
  private String state = "memory";

  private final Webhook webhook = new Webhook();

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public Webhook getWebhook() {
    return webhook;
  }

  /** How vendors reach the application's webhooks. */
  public static class Webhook {
    /**
     * The public URL at which vendors reach the webhooks, e.g. https://app.example/switchboard; its
     * path is where the starter mounts them on the application's own server.
     */
    private String baseUrl;

    /** The key (16 characters or more) that signs the callback URLs handed to vendors. */
    private String secret;

    /**
     * How long after a call ends its re-sent callbacks are still admitted and recognised as
     * repeats; all that is kept of a call is gone this long after its end.
     */
    private Duration grace = InMemoryCallbackBindings.DEFAULT_GRACE;

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getSecret() {
      return secret;
    }

    public void setSecret(String secret) {
      this.secret = secret;
    }

    public Duration getGrace() {
      return grace;
    }

    public void setGrace(Duration grace) {
      this.grace = grace;
    }
  }
}
