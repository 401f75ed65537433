package dev.switchboard.testkit.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One call of the Voxtelesys simulator as the calls resource shows it, plus what REST requests ask
 * of the running call: a replacement document (modify) or a hang-up (delete). Thread-safe: REST
 * threads and the call's own thread meet here.
 */
final class VoxCall {
  /** Statuses after which a call does not change. */
  static final Set<String> FINAL = Set.of("complete", "busy", "failed", "no_answer");

  private final String id;
  private final String to;
  private final String from;
  private final boolean inbound;
  private final Instant created;
  private final boolean listed;
  private String status;
  private Instant modified;
  private Instant answered;
  private Instant hungUp;
  private VoxError error;
  private List<VoxXml.Verb> document;
  private List<VoxXml.Verb> replacement;
  private boolean hangUpRequested;
  private final List<VoxtelesysSimulator.SpeechGather> speechGathers = new ArrayList<>();

  /** An error recorded on a call, conference or participant. */
  record VoxError(int code, String description, Instant time) {}

  VoxCall(
      String id,
      String to,
      String from,
      boolean inbound,
      String status,
      List<VoxXml.Verb> document,
      boolean listed) {
    this.id = id;
    this.to = to;
    this.from = from;
    this.inbound = inbound;
    this.status = status;
    this.document = document;
    this.listed = listed;
    this.created = Instant.now();
    this.modified = created;
  }

  String id() {
    return id;
  }

  String to() {
    return to;
  }

  String from() {
    return from;
  }

  boolean inbound() {
    return inbound;
  }

  /** False for documents run directly by tests, which the calls list does not show. */
  boolean listed() {
    return listed;
  }

  Instant created() {
    return created;
  }

  synchronized String status() {
    return status;
  }

  synchronized boolean isFinal() {
    return FINAL.contains(status);
  }

  synchronized Instant modified() {
    return modified;
  }

  synchronized Instant answered() {
    return answered;
  }

  synchronized Instant hungUp() {
    return hungUp;
  }

  synchronized VoxError error() {
    return error;
  }

  synchronized List<VoxXml.Verb> document() {
    return document;
  }

  /** Moves to {@code next}; a final status also sets the hang-up time. */
  synchronized void status(String next) {
    Instant now = Instant.now();
    status = next;
    modified = now;
    if (next.equals("answered") && answered == null) {
      answered = now;
    }
    if (FINAL.contains(next)) {
      hungUp = now;
    }
  }

  /** Records the first error that happened on the call; the call ends {@code failed}. */
  synchronized void fail(int code, String description) {
    if (error == null) {
      error = new VoxError(code, description, Instant.now());
      modified = error.time();
    }
  }

  /**
   * Replaces the running document (modify). Returns false when the call is already over.
   *
   * <p>A call not yet running takes the new document when it starts; a running one when it next
   * checks, between two observations.
   */
  synchronized boolean replace(List<VoxXml.Verb> next) {
    if (isFinal()) {
      return false;
    }
    replacement = next;
    modified = Instant.now();
    return true;
  }

  /** The document a modify sent since the last look, or null. */
  synchronized List<VoxXml.Verb> takeReplacement() {
    List<VoxXml.Verb> next = replacement;
    replacement = null;
    if (next != null) {
      document = next;
    }
    return next;
  }

  /** Asks the running call to hang up (delete, or its conference ending). */
  synchronized void requestHangUp() {
    if (!isFinal()) {
      hangUpRequested = true;
    }
  }

  synchronized boolean hangUpRequested() {
    return hangUpRequested;
  }

  /** Records how a gather that takes speech listened. */
  synchronized void listened(VoxtelesysSimulator.SpeechGather gather) {
    speechGathers.add(gather);
  }

  /** How each gather that took speech listened, in order. */
  synchronized List<VoxtelesysSimulator.SpeechGather> speechGathers() {
    return List.copyOf(speechGathers);
  }
}
