package dev.switchboard.provider.support;

import java.util.Optional;

/**
 * For vendors that send a call's tags as one comma-separated field (Hoiio's {@code tag}, Xoxzo's
 * {@code tags}): a tag the vendor would change, by splitting it at its commas or stripping the
 * spaces around it, so that the call would carry other tags than the application gave.
 */
public final class CommaTags {
  private CommaTags() {}

  /** Why {@code vendor} would change {@code tag}, if it would. */
  public static Optional<String> problem(String vendor, String tag) {
    if (tag.indexOf(',') >= 0) {
      return Optional.of(
          vendor + " separates tags with commas, so a tag cannot hold one, was '" + tag + "'");
    }
    if (!tag.strip().equals(tag)) {
      return Optional.of(
          vendor
              + " strips the spaces around a tag, so a tag cannot start or end with one, was '"
              + tag
              + "'");
    }
    return Optional.empty();
  }
}
