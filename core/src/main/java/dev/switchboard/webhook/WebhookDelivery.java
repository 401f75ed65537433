package dev.switchboard.webhook;

import dev.switchboard.internal.FormCodec;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A verified callback request as its provider read it, before anything is acted on: whom it claims
 * to speak for, what makes it the same delivery when the vendor sends it again, and what handling
 * it does. The facade admits the claim against the URL's binding, runs {@code action} for the first
 * delivery of {@code identity} only, and answers every repeat with the first response.
 *
 * @param claim whom the request speaks for; empty only on an unbound endpoint
 * @param identity the delivery as the vendor means it: its own event id, or its parsed fields in a
 *     canonical form; never raw bytes, query strings or the method, which a replay can vary
 * @param action handles the delivery: emits its events and runs the call's next step
 */
public record WebhookDelivery(
    Optional<CallbackClaim> claim, String identity, Supplier<WebhookResult> action) {
  public WebhookDelivery {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(action, "action");
  }

  /** A delivery on a bound endpoint, speaking for {@code claim}. */
  public static WebhookDelivery claiming(
      CallbackClaim claim, String identity, Supplier<WebhookResult> action) {
    return new WebhookDelivery(Optional.of(claim), identity, action);
  }

  /** A delivery on an unbound endpoint, such as an incoming call. */
  public static WebhookDelivery unbound(String identity, Supplier<WebhookResult> action) {
    return new WebhookDelivery(Optional.empty(), identity, action);
  }

  /**
   * A canonical identity from all of {@code fields}, in name order, unambiguously encoded: for
   * fields already narrowed to what the vendor documents and normalised (times as instants), since
   * anything left in makes a replay that adds it look new.
   */
  public static String identityOf(Map<String, String> fields) {
    return FormCodec.encode(new TreeMap<>(fields));
  }

  /**
   * A canonical identity from the fields a vendor documents: those named in {@code documented}, in
   * name order, unambiguously encoded. Fields a replay could add are left out.
   */
  public static String identityOf(Map<String, String> fields, Set<String> documented) {
    Map<String, String> kept = new TreeMap<>();
    fields.forEach(
        (name, value) -> {
          if (documented.contains(name)) {
            kept.put(name, value);
          }
        });
    return FormCodec.encode(kept);
  }
}
