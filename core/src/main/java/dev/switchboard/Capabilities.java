package dev.switchboard;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.GatherInput;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.RecordCall;
import dev.switchboard.flow.Redirect;
import dev.switchboard.flow.Reject;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import dev.switchboard.flow.VerbAt;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The set of capabilities a provider declares, and what a flow needs that the set lacks. */
public final class Capabilities {
  private final Set<Capability> declared;

  private Capabilities(Set<Capability> declared) {
    this.declared = Collections.unmodifiableSet(declared);
  }

  public static Capabilities of(Capability... capabilities) {
    EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
    Collections.addAll(set, capabilities);
    return new Capabilities(set);
  }

  public static Capabilities of(Collection<Capability> capabilities) {
    return new Capabilities(
        capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities));
  }

  public boolean has(Capability capability) {
    return declared.contains(capability);
  }

  /** The declared capabilities, in enum order. */
  public Set<Capability> asSet() {
    return declared;
  }

  /**
   * Every capability {@code flow} needs that this set lacks, each with its position in the flow, in
   * flow order. An empty list means the flow can run as far as capabilities go; a provider may
   * still refuse attributes its vendor narrows.
   */
  public List<CapabilityGap> missingFor(CallFlow flow) {
    List<CapabilityGap> gaps = new ArrayList<>();
    for (VerbAt at : flow.walk()) {
      visit(at.verb(), at.path(), at.followed(), gaps);
    }
    checkSequence(flow, gaps);
    return List.copyOf(gaps);
  }

  /**
   * A flow is one message when it has a single prompt, optionally followed by a bare hang-up. More
   * than that needs {@link Capability#SEQUENCE}; the gap points at the second message.
   */
  private void checkSequence(CallFlow flow, List<CapabilityGap> gaps) {
    if (has(Capability.SEQUENCE)) {
      return;
    }
    List<Verb> verbs = flow.verbs();
    int messages = 0;
    for (int i = 0; i < verbs.size(); i++) {
      Verb verb = verbs.get(i);
      int count = verb instanceof Hangup h ? h.prompts().size() : 1;
      if (messages + count > 1) {
        gaps.add(CapabilityGap.of("verbs[" + i + "]", verb.name(), Capability.SEQUENCE));
        return;
      }
      messages += count;
    }
  }

  private void visit(Verb verb, String path, boolean followed, List<CapabilityGap> gaps) {
    if (verb instanceof Say say) {
      need(Capability.SAY, path, verb, gaps);
      if (!say.language().equals(Say.DEFAULT_LANGUAGE)) {
        need(Capability.SAY_LANGUAGE, path, verb, gaps);
      }
      if (say.gender() != Say.DEFAULT_GENDER) {
        need(Capability.SAY_GENDER, path, verb, gaps);
      }
      if (say.loop() > 1) {
        need(Capability.LOOP, path, verb, gaps);
      }
    } else if (verb instanceof Play play) {
      need(Capability.PLAY, path, verb, gaps);
      if (play.loop() > 1) {
        need(Capability.LOOP, path, verb, gaps);
      }
    } else if (verb instanceof Pause) {
      need(Capability.PAUSE, path, verb, gaps);
    } else if (verb instanceof Gather gather) {
      visitGather(gather, path, gaps);
    } else if (verb instanceof Record) {
      need(Capability.RECORD, path, verb, gaps);
    } else if (verb instanceof RecordCall) {
      need(Capability.RECORD_CALL, path, verb, gaps);
    } else if (verb instanceof Transfer transfer) {
      visitTransfer(transfer, path, followed, gaps);
    } else if (verb instanceof Conference conference) {
      need(Capability.CONFERENCE, path, verb, gaps);
      if (!conference.hasDefaultOptions()) {
        need(Capability.CONFERENCE_OPTIONS, path, verb, gaps);
      }
      if (followed) {
        need(Capability.CONTINUE_AFTER_BRIDGE, path, verb, gaps);
      }
    } else if (verb instanceof Reject) {
      need(Capability.REJECT, path, verb, gaps);
    } else if (verb instanceof Redirect) {
      need(Capability.REDIRECT, path, verb, gaps);
    }
  }

  private void visitGather(Gather gather, String path, List<CapabilityGap> gaps) {
    if (gather.input().contains(GatherInput.DTMF)) {
      need(Capability.GATHER_DTMF, path, gather, gaps);
    }
    if (gather.input().contains(GatherInput.SPEECH)) {
      need(Capability.GATHER_SPEECH, path, gather, gaps);
    }
    if (!gather.branches().isEmpty()) {
      need(Capability.BRANCHING, path, gather, gaps);
    }
  }

  private void visitTransfer(
      Transfer transfer, String path, boolean followed, List<CapabilityGap> gaps) {
    need(Capability.TRANSFER, path, transfer, gaps);
    if (transfer.isParallel()) {
      need(Capability.PARALLEL_TRANSFER, path, transfer, gaps);
    }
    if (transfer.callerId().isPresent()) {
      need(Capability.CALLER_ID, path, transfer, gaps);
    }
    if (transfer.timeout().isPresent()) {
      need(Capability.TRANSFER_TIMEOUT, path, transfer, gaps);
    }
    if (!transfer.onFailure().isEmpty()) {
      need(Capability.TRANSFER_ON_FAILURE, path, transfer, gaps);
    }
    if (followed) {
      need(Capability.CONTINUE_AFTER_BRIDGE, path, transfer, gaps);
    }
  }

  private void need(Capability capability, String path, Verb verb, List<CapabilityGap> gaps) {
    if (!has(capability)) {
      gaps.add(CapabilityGap.of(path, verb.name(), capability));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Capabilities other && declared.equals(other.declared);
  }

  @Override
  public int hashCode() {
    return declared.hashCode();
  }

  @Override
  public String toString() {
    return declared.stream().map(Enum::name).collect(Collectors.joining(", ", "[", "]"));
  }
}
