package dev.switchboard.testkit.broken;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import dev.switchboard.testkit.SandboxProvider;
import java.util.List;

/**
 * Broken on purpose: declares PARALLEL_TRANSFER but rings only the first target of a top-level
 * transfer.
 */
public final class OverclaimingProvider extends SandboxWrapper {
  /** Wraps a default sandbox, as {@code ServiceLoader} would construct it. */
  public OverclaimingProvider() {
    this(new SandboxProvider());
  }

  public OverclaimingProvider(SandboxProvider sandbox) {
    super(sandbox);
  }

  @Override
  public String id() {
    return "overclaiming";
  }

  @Override
  CallFlow distort(CallFlow flow) {
    return new CallFlow(flow.verbs().stream().map(OverclaimingProvider::firstTargetOnly).toList());
  }

  private static Verb firstTargetOnly(Verb verb) {
    if (verb instanceof Transfer t && t.isParallel()) {
      return new Transfer(List.of(t.to().get(0)), t.callerId(), t.timeout(), t.onFailure());
    }
    return verb;
  }
}
