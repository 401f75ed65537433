package dev.switchboard;

import java.util.Objects;

/**
 * One thing in a flow that a provider cannot do, and where it is.
 *
 * @param path where in the flow, e.g. {@code verbs[1].branches["2"][1]}; empty for an operation
 *     outside a flow
 * @param verb the verb's name, e.g. {@code transfer}; empty for an operation outside a flow
 * @param capability the missing capability
 * @param detail what exactly is missing, e.g. the capability's description or a vendor's narrower
 *     rule such as {@code finishOnKey other than #}
 */
public record CapabilityGap(String path, String verb, Capability capability, String detail) {
  public CapabilityGap {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(detail, "detail");
  }

  /** A gap described by the capability itself. */
  public static CapabilityGap of(String path, String verb, Capability capability) {
    return new CapabilityGap(path, verb, capability, capability.description());
  }

  @Override
  public String toString() {
    return path.isEmpty() ? detail : path + " " + verb + ": " + detail;
  }
}
