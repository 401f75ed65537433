package dev.switchboard.state;

import java.util.Objects;

/**
 * What a signed callback URL speaks for: one call or one conference, by the vendor's own id.
 *
 * @param kind a call or a conference
 * @param id the vendor's id of it, e.g. a Voxtelesys {@code call_id} or a Hoiio session
 */
public record CallbackSubject(Kind kind, String id) {
  /** The kinds of thing a callback URL can be bound to. */
  public enum Kind {
    CALL,
    CONFERENCE
  }

  public CallbackSubject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a callback subject needs the vendor's id");
    }
  }

  /**
   * A hash from the id's, which strings cache, and the kind's ordinal: the record's own would ask
   * the enum for its identity hash on every lookup in the bindings' maps.
   */
  @Override
  public int hashCode() {
    return 31 * id.hashCode() + kind.ordinal();
  }

  /** The call with the vendor's id {@code id}. */
  public static CallbackSubject call(String id) {
    return new CallbackSubject(Kind.CALL, id);
  }

  /** The conference with the vendor's id {@code id}. */
  public static CallbackSubject conference(String id) {
    return new CallbackSubject(Kind.CONFERENCE, id);
  }
}
