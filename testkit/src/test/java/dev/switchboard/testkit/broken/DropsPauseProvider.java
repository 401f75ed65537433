package dev.switchboard.testkit.broken;

import dev.switchboard.flow.Branch;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Prompt;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.RecordCall;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import dev.switchboard.testkit.SandboxProvider;
import java.util.List;

/** Broken on purpose: declares PAUSE but silently drops every pause. */
public final class DropsPauseProvider extends SandboxWrapper {
  /** Wraps a default sandbox, as {@code ServiceLoader} would construct it. */
  public DropsPauseProvider() {
    this(new SandboxProvider());
  }

  public DropsPauseProvider(SandboxProvider sandbox) {
    super(sandbox);
  }

  @Override
  public String id() {
    return "drops-pause";
  }

  @Override
  CallFlow distort(CallFlow flow) {
    List<Verb> verbs = verbs(flow.verbs());
    return new CallFlow(verbs.isEmpty() ? List.of(Hangup.now()) : verbs);
  }

  private static List<Verb> verbs(List<? extends Verb> verbs) {
    return verbs.stream().filter(v -> !(v instanceof Pause)).map(DropsPauseProvider::verb).toList();
  }

  private static List<Prompt> prompts(List<Prompt> prompts) {
    return prompts.stream().filter(p -> !(p instanceof Pause)).toList();
  }

  private static Verb verb(Verb verb) {
    if (verb instanceof Gather g) {
      return new Gather(
          prompts(g.prompts()),
          g.numDigits(),
          g.timeout(),
          g.finishOnKey(),
          g.attempts(),
          g.input(),
          g.language(),
          g.speechTimeout(),
          g.branches().stream().map(b -> new Branch(b.inputs(), verbs(b.verbs()))).toList());
    } else if (verb instanceof Record r) {
      return new Record(prompts(r.prompts()), r.maxDuration(), r.finishOnKey());
    } else if (verb instanceof RecordCall r) {
      return new RecordCall(prompts(r.prompts()));
    } else if (verb instanceof Hangup h) {
      return new Hangup(prompts(h.prompts()));
    } else if (verb instanceof Transfer t) {
      return new Transfer(t.to(), t.callerId(), t.timeout(), verbs(t.onFailure()));
    }
    return verb;
  }
}
