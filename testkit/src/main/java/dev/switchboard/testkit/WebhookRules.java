package dev.switchboard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.Capability;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Say;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResult;
import dev.switchboard.webhook.WebhookSigner;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's rules for webhooks and events; see {@link ProviderConformanceKit} and {@code
 * docs/conformance.md}.
 */
interface WebhookRules {
  /** The kit's state and helpers for the rule running. */
  KitContext kit();

  private WebhookRequest signedRequest(String body) {
    WebhookSigner signer = WebhookSigner.fromConfig(kit().target().config()).orElseThrow();
    return WebhookRequest.builder()
        .uri(signer.sign("/" + kit().target().provider().id() + "/events", "kit-call"))
        .body("application/json", body)
        .build();
  }

  @Test
  @DisplayName("[HOOK-01] Unsigned, forged and tampered webhooks are refused with 403 and no event")
  default void refused() {
    WebhookRequest signed = signedRequest("{}");
    String uri = signed.uri().toString();
    List<WebhookRequest> bad =
        List.of(
            WebhookRequest.builder().uri("/" + kit().target().provider().id() + "/events").build(),
            WebhookRequest.builder()
                .uri(uri.replaceAll("sb_sig=[0-9a-f]+", "sb_sig=" + "0".repeat(64)))
                .build(),
            WebhookRequest.builder().uri(uri.replace("kit-call", "other-call")).build(),
            WebhookRequest.builder().uri(uri.replace("/events", "/other")).build());
    for (WebhookRequest request : bad) {
      WebhookResult result = kit().client().handleWebhook(request);
      assertEquals(403, result.response().status(), () -> "for " + request.uri());
      assertTrue(result.events().isEmpty());
    }
    assertTrue(
        kit().received().isEmpty(),
        () -> "no event may reach the application: " + kit().received());
  }

  /**
   * Runs a call that makes the vendor call back (a gather where the provider has one), waits for
   * its end, and returns the callbacks the vendor delivered for it.
   */
  private List<WebhookRequest> deliveredCallbacks() {
    CallFlow flow =
        kit().declares(Capability.GATHER_DTMF)
            ? CallFlow.of(Gather.builder().say("Press a key.").build(), Say.of("Thank you."))
            : CallFlow.of(Say.of("Hello."));
    int before = kit().target().deliveredCallbacks().size();
    ObservedCall call =
        kit().target().call(kit().client(), flow, Callee.builder().presses("1").build());
    kit().eventsOf(call.callId());
    List<WebhookRequest> all = kit().target().deliveredCallbacks();
    List<WebhookRequest> delivered = List.copyOf(all.subList(before, all.size()));
    if (delivered.isEmpty()) {
      // Only a provider that signs no callback URL may have nothing to show here.
      try (ProviderClient probe = kit().target().provider().connect(kit().target().config())) {
        assertTrue(
            probe.webhookEndpoints().isEmpty(),
            () ->
                kit().target().provider().id()
                    + " declares webhook endpoints, but the kit().target() reported no callback"
                    + " delivered for a call: implement ConformanceTarget.deliveredCallbacks()");
      }
      assumeTrue(false, () -> kit().target().provider().id() + " signs no callback URL");
    }
    return delivered;
  }

  @Test
  @DisplayName("[HOOK-02] A redelivered webhook reaches the application at most once")
  default void redelivery() {
    List<WebhookRequest> delivered = deliveredCallbacks();
    int afterCall = kit().received().size();
    for (WebhookRequest request : delivered) {
      for (int i = 0; i < 9; i++) {
        WebhookResult again = kit().client().handleWebhook(request);
        assertEquals(200, again.response().status(), () -> "for " + request);
        assertTrue(again.events().isEmpty(), () -> "a repeat yielded events: " + again);
      }
    }
    assertEquals(
        afterCall, kit().received().size(), () -> "events after the call: " + kit().received());
  }

  @Test
  @DisplayName(
      "[HOOK-03] A delivered webhook re-sent in any disguise yields no event, or is refused")
  default void disguisedRedelivery() {
    List<WebhookRequest> delivered = deliveredCallbacks();
    int afterCall = kit().received().size();
    String basePath =
        WebhookSigner.fromConfig(kit().target().config()).orElseThrow().baseUrl().getRawPath();
    for (WebhookRequest request : delivered) {
      for (CallbackDisguises.Disguise disguise : CallbackDisguises.of(request, basePath)) {
        WebhookResult result = kit().client().handleWebhook(disguise.request());
        int status = result.response().status();
        assertTrue(
            status == 200 || status == 403 || status == 405,
            () -> disguise.name() + " was answered " + status);
        assertTrue(result.events().isEmpty(), () -> disguise.name() + " yielded " + result);
      }
    }
    assertEquals(
        afterCall, kit().received().size(), () -> "events after the call: " + kit().received());
  }
}
