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
import dev.switchboard.flow.VerbVisitor;
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
    verb.accept(new Needs(path, followed, gaps));
  }

  /** What each kind of verb needs; the compiler makes a new verb say what it needs here. */
  private final class Needs implements VerbVisitor<Void> {
    private final String path;
    private final boolean followed;
    private final List<CapabilityGap> gaps;

    Needs(String path, boolean followed, List<CapabilityGap> gaps) {
      this.path = path;
      this.followed = followed;
      this.gaps = gaps;
    }

    private void need(Capability capability, Verb verb) {
      Capabilities.this.need(capability, path, verb, gaps);
    }

    @Override
    public Void say(Say say) {
      need(Capability.SAY, say);
      if (!say.language().equals(Say.DEFAULT_LANGUAGE)) {
        need(Capability.SAY_LANGUAGE, say);
      }
      if (say.gender() != Say.DEFAULT_GENDER) {
        need(Capability.SAY_GENDER, say);
      }
      if (say.loop() > 1) {
        need(Capability.LOOP, say);
      }
      return null;
    }

    @Override
    public Void play(Play play) {
      need(Capability.PLAY, play);
      if (play.loop() > 1) {
        need(Capability.LOOP, play);
      }
      return null;
    }

    @Override
    public Void pause(Pause pause) {
      need(Capability.PAUSE, pause);
      return null;
    }

    @Override
    public Void gather(Gather gather) {
      if (gather.input().contains(GatherInput.DTMF)) {
        need(Capability.GATHER_DTMF, gather);
      }
      if (gather.input().contains(GatherInput.SPEECH)) {
        need(Capability.GATHER_SPEECH, gather);
      }
      if (!gather.branches().isEmpty()) {
        need(Capability.BRANCHING, gather);
      }
      return null;
    }

    @Override
    public Void record(Record record) {
      need(Capability.RECORD, record);
      return null;
    }

    @Override
    public Void recordCall(RecordCall recordCall) {
      need(Capability.RECORD_CALL, recordCall);
      return null;
    }

    @Override
    public Void transfer(Transfer transfer) {
      need(Capability.TRANSFER, transfer);
      if (transfer.isParallel()) {
        need(Capability.PARALLEL_TRANSFER, transfer);
      }
      if (transfer.callerId().isPresent()) {
        need(Capability.CALLER_ID, transfer);
      }
      if (transfer.timeout().isPresent()) {
        need(Capability.TRANSFER_TIMEOUT, transfer);
      }
      if (!transfer.onFailure().isEmpty()) {
        need(Capability.TRANSFER_ON_FAILURE, transfer);
      }
      if (followed) {
        need(Capability.CONTINUE_AFTER_BRIDGE, transfer);
      }
      return null;
    }

    @Override
    public Void conference(Conference conference) {
      need(Capability.CONFERENCE, conference);
      if (!conference.hasDefaultOptions()) {
        need(Capability.CONFERENCE_OPTIONS, conference);
      }
      if (followed) {
        need(Capability.CONTINUE_AFTER_BRIDGE, conference);
      }
      return null;
    }

    /** Hanging up is what every call can do; its prompts are visited on their own. */
    @Override
    public Void hangup(Hangup hangup) {
      return null;
    }

    @Override
    public Void reject(Reject reject) {
      need(Capability.REJECT, reject);
      return null;
    }

    @Override
    public Void redirect(Redirect redirect) {
      need(Capability.REDIRECT, redirect);
      return null;
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
