package dev.switchboard.spi;

import dev.switchboard.NumberOffer;
import dev.switchboard.NumberSubscription;
import java.net.URI;
import java.util.List;

/**
 * The incoming-number operations of a provider, from {@link ProviderClient#numbers()}. All need
 * {@code NUMBER_MANAGEMENT}; the facade has checked it, so an operation a provider does not declare
 * is never called, and its default says so if it is.
 */
public interface NumberOperations {

  /** The numbers the vendor offers for rent, optionally only in one country (ISO 3166 alpha-2). */
  default List<NumberOffer> available(String country) {
    throw Undeclared.operation("numbers().available");
  }

  /** The numbers the account rents, with where their calls go. */
  default List<NumberSubscription> subscriptions() {
    throw Undeclared.operation("numbers().subscriptions");
  }

  /** Rents the offered number {@code offerId}; the vendor may charge at once. */
  default NumberSubscription subscribe(String offerId) {
    throw Undeclared.operation("numbers().subscribe");
  }

  /** Sends the incoming calls of a rented number to {@code url}. */
  default void route(String subscriptionId, URI url) {
    throw Undeclared.operation("numbers().route");
  }

  /** Gives a rented number back. */
  default void unsubscribe(String subscriptionId) {
    throw Undeclared.operation("numbers().unsubscribe");
  }
}
