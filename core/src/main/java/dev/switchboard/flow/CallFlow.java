package dev.switchboard.flow;

import dev.switchboard.InvalidInputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * What happens on a call, described once for every provider: a list of verbs run in order while the
 * call is up. At the end of the list the call hangs up.
 *
 * <pre>{@code
 * CallFlow flow = CallFlow.builder()
 *     .say("Thank you for calling")
 *     .gather(Gather.builder().say("For sales, press 1.").branch("1", Transfer.to("+15556667777")).build())
 *     .say("Goodbye.")
 *     .build();
 * }</pre>
 *
 * @param verbs the verbs, at least one
 */
public record CallFlow(List<Verb> verbs) {
  public CallFlow {
    verbs = Sequences.check(verbs, "verbs", true);
    if (verbs.isEmpty()) {
      throw new InvalidInputException("verbs", "a flow needs at least one verb");
    }
    checkBounds(verbs);
  }

  /**
   * Refuses a flow past {@link FlowLimits}' verbs or depth, counting without recursion, so that no
   * flow built in Java, however deep, can overflow a stack here or in a later walk.
   */
  private static void checkBounds(List<Verb> verbs) {
    Deque<Map.Entry<List<? extends Verb>, Integer>> lists = new ArrayDeque<>();
    lists.push(Map.entry(verbs, 0));
    int count = 0;
    while (!lists.isEmpty()) {
      Map.Entry<List<? extends Verb>, Integer> next = lists.pop();
      int depth = next.getValue();
      if (depth > FlowLimits.MAX_DEPTH) {
        throw new InvalidInputException(
            "verbs",
            "nests deeper than " + FlowLimits.MAX_DEPTH + " levels of branches and prompts");
      }
      for (Verb verb : next.getKey()) {
        if (++count > FlowLimits.MAX_VERBS) {
          throw new InvalidInputException(
              "verbs", "holds more than " + FlowLimits.MAX_VERBS + " verbs, nested ones counted");
        }
        for (List<? extends Verb> nested : verb.accept(NESTED)) {
          lists.push(Map.entry(nested, depth + 1));
        }
      }
    }
  }

  /** The lists of verbs nested in a verb: its prompts, its branches, its on-failure flow. */
  private static final VerbVisitor<List<List<? extends Verb>>> NESTED =
      new VerbVisitor<>() {
        @Override
        public List<List<? extends Verb>> say(Say say) {
          return List.of();
        }

        @Override
        public List<List<? extends Verb>> play(Play play) {
          return List.of();
        }

        @Override
        public List<List<? extends Verb>> pause(Pause pause) {
          return List.of();
        }

        @Override
        public List<List<? extends Verb>> gather(Gather gather) {
          List<List<? extends Verb>> nested = new ArrayList<>();
          nested.add(gather.prompts());
          gather.branches().forEach(branch -> nested.add(branch.verbs()));
          return nested;
        }

        @Override
        public List<List<? extends Verb>> record(Record record) {
          return List.of(record.prompts());
        }

        @Override
        public List<List<? extends Verb>> recordCall(RecordCall recordCall) {
          return List.of(recordCall.prompts());
        }

        @Override
        public List<List<? extends Verb>> transfer(Transfer transfer) {
          return List.of(transfer.onFailure());
        }

        @Override
        public List<List<? extends Verb>> conference(Conference conference) {
          return List.of();
        }

        @Override
        public List<List<? extends Verb>> hangup(Hangup hangup) {
          return List.of(hangup.prompts());
        }

        @Override
        public List<List<? extends Verb>> reject(Reject reject) {
          return List.of();
        }

        @Override
        public List<List<? extends Verb>> redirect(Redirect redirect) {
          return List.of();
        }
      };

  /**
   * Every verb of the flow, depth first in the order a call could meet them: prompts before the
   * verb that plays them is listed after it, branches and on-failure flows after their verb.
   * Providers use it to check a flow against their vendor's narrower rules.
   */
  public List<VerbAt> walk() {
    List<VerbAt> all = new ArrayList<>();
    walk(verbs, "verbs", all);
    return List.copyOf(all);
  }

  private static void walk(List<? extends Verb> verbs, String base, List<VerbAt> out) {
    for (int i = 0; i < verbs.size(); i++) {
      Verb verb = verbs.get(i);
      String path = base + "[" + i + "]";
      out.add(new VerbAt(path, verb, i < verbs.size() - 1));
      verb.accept(new Nested(path, out));
    }
  }

  /** Walks the verbs nested in a verb: its prompts, its branches, its on-failure flow. */
  private record Nested(String path, List<VerbAt> out) implements VerbVisitor<Void> {
    private Void walkAll(List<? extends Verb> verbs, String suffix) {
      walk(verbs, path + suffix, out);
      return null;
    }

    @Override
    public Void say(Say say) {
      return null;
    }

    @Override
    public Void play(Play play) {
      return null;
    }

    @Override
    public Void pause(Pause pause) {
      return null;
    }

    @Override
    public Void gather(Gather gather) {
      walkAll(gather.prompts(), ".prompts");
      for (Branch branch : gather.branches()) {
        walkAll(branch.verbs(), ".branches[\"" + branch.key() + "\"]");
      }
      return null;
    }

    @Override
    public Void record(Record record) {
      return walkAll(record.prompts(), ".prompts");
    }

    @Override
    public Void recordCall(RecordCall recordCall) {
      return walkAll(recordCall.prompts(), ".prompts");
    }

    @Override
    public Void transfer(Transfer transfer) {
      return walkAll(transfer.onFailure(), ".onFailure");
    }

    @Override
    public Void conference(Conference conference) {
      return null;
    }

    @Override
    public Void hangup(Hangup hangup) {
      return walkAll(hangup.prompts(), ".prompts");
    }

    @Override
    public Void reject(Reject reject) {
      return null;
    }

    @Override
    public Void redirect(Redirect redirect) {
      return null;
    }
  }

  public static CallFlow of(Verb... verbs) {
    return new CallFlow(List.of(verbs));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CallFlow} verb by verb. */
  public static final class Builder {
    private final List<Verb> verbs = new ArrayList<>();

    private Builder() {}

    public Builder verb(Verb verb) {
      verbs.add(verb);
      return this;
    }

    public Builder say(String text) {
      return verb(Say.of(text));
    }

    public Builder play(String url) {
      return verb(Play.of(url));
    }

    public Builder pause(int seconds) {
      return verb(Pause.of(seconds));
    }

    public Builder gather(Gather gather) {
      return verb(gather);
    }

    public Builder record(Record record) {
      return verb(record);
    }

    public Builder recordCall(Prompt... prompts) {
      return verb(RecordCall.after(prompts));
    }

    public Builder transfer(String... numbers) {
      return verb(Transfer.to(numbers));
    }

    public Builder conference(String room) {
      return verb(Conference.room(room));
    }

    public Builder hangup() {
      return verb(Hangup.now());
    }

    public Builder reject() {
      return verb(new Reject());
    }

    public Builder redirect(String url) {
      return verb(Redirect.to(url));
    }

    public CallFlow build() {
      return new CallFlow(verbs);
    }
  }
}
