package dev.switchboard.flow;

import dev.switchboard.InvalidInputException;
import dev.switchboard.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plays its prompts and collects the caller's input. The input is reported as an event; when it
 * equals a branch's input, that branch <em>replaces the rest of the flow</em>; with no match or no
 * input, the verbs after the gather run.
 *
 * <p>Prompts play once per attempt. Silence through a whole attempt plays them again until {@code
 * attempts} passes are used; then the gather ends with empty input. Keys short of {@code numDigits}
 * when the timeout passes are the input; keys beyond it are dropped; a finish key ends input early
 * and is not part of it.
 *
 * @param prompts what plays while waiting
 * @param numDigits how many keys complete the input, 1 to {@value #MAX_DIGITS}
 * @param timeout seconds to wait for input after the prompts, 1 to {@value #MAX_TIMEOUT}
 * @param finishOnKey keys that end input early (among 0-9, * and #); empty for none
 * @param attempts how many times the prompts play when the caller stays silent, 1 to {@value
 *     #MAX_ATTEMPTS}
 * @param input how to listen: DTMF, speech, or both
 * @param language BCP-47 tag of the language speech input is recognised in, {@value
 *     #DEFAULT_LANGUAGE} by default; only speech input uses it
 * @param speechTimeout seconds of silence after the caller speaks that end speech input, 1 to
 *     {@value #MAX_SPEECH_TIMEOUT}; only speech input uses it
 * @param branches where the flow goes for given inputs, in order; inputs are distinct
 */
public record Gather(
    List<Prompt> prompts,
    int numDigits,
    int timeout,
    String finishOnKey,
    int attempts,
    Set<GatherInput> input,
    String language,
    int speechTimeout,
    List<Branch> branches)
    implements Verb {
  private static final Pattern KEYS = Pattern.compile("[0-9*#]+");

  public static final int DEFAULT_NUM_DIGITS = 1;
  public static final int DEFAULT_TIMEOUT = 5;
  public static final String DEFAULT_FINISH_ON_KEY = "#";
  public static final int DEFAULT_ATTEMPTS = 1;
  public static final Set<GatherInput> DEFAULT_INPUT =
      Collections.unmodifiableSet(EnumSet.of(GatherInput.DTMF));
  public static final int MAX_DIGITS = 255;
  public static final int MAX_TIMEOUT = 3600;
  public static final int MAX_ATTEMPTS = 100;
  public static final String DEFAULT_LANGUAGE = Say.DEFAULT_LANGUAGE;
  public static final int DEFAULT_SPEECH_TIMEOUT = 3;
  public static final int MAX_SPEECH_TIMEOUT = 60;

  public Gather {
    prompts = Checks.list(prompts, "gather.prompts");
    Checks.range(numDigits, 1, MAX_DIGITS, "gather.numDigits");
    Checks.range(timeout, 1, MAX_TIMEOUT, "gather.timeout");
    Checks.finishKeys(Checks.notNull(finishOnKey, "gather.finishOnKey"), "gather.finishOnKey");
    Checks.range(attempts, 1, MAX_ATTEMPTS, "gather.attempts");
    Checks.notNull(input, "gather.input");
    for (GatherInput value : input) {
      // Iterate rather than contains(null): Set.of and friends throw on contains(null).
      if (value == null) {
        throw new InvalidInputException("gather.input", "must not contain null");
      }
    }
    if (input.isEmpty()) {
      throw new InvalidInputException("gather.input", "must name dtmf, speech or both");
    }
    input = Collections.unmodifiableSet(EnumSet.copyOf(input));
    Checks.languageTag(language, "gather.language");
    Checks.range(speechTimeout, 1, MAX_SPEECH_TIMEOUT, "gather.speechTimeout");
    branches = Checks.list(branches, "gather.branches");
    checkBranches(branches, numDigits, finishOnKey, input);
  }

  private static void checkBranches(
      List<Branch> branches, int numDigits, String finishOnKey, Set<GatherInput> input) {
    Set<String> seen = new HashSet<>();
    for (Branch branch : branches) {
      String field = "gather.branches[\"" + branch.key() + "\"]";
      for (String value : branch.inputs()) {
        if (!seen.add(value)) {
          throw new InvalidInputException(field, "input '" + value + "' is in two branches");
        }
        if (value.chars().anyMatch(c -> finishOnKey.indexOf(c) >= 0)) {
          throw new InvalidInputException(
              field,
              "input '"
                  + value
                  + "' contains a finish key ("
                  + finishOnKey
                  + ") and never matches");
        }
        if (!input.contains(GatherInput.SPEECH)) {
          // With keys alone, some inputs can never be entered: say so instead of never matching.
          if (!KEYS.matcher(value).matches()) {
            throw new InvalidInputException(
                field,
                "input '" + value + "' needs speech input; this gather listens to dtmf only");
          }
          if (value.length() > numDigits) {
            throw new InvalidInputException(
                field,
                "input '"
                    + value
                    + "' is longer than numDigits ("
                    + numDigits
                    + ") and never matches");
          }
        }
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The branch that {@code value} selects, if any. */
  public Optional<Branch> branchFor(String value) {
    return branches.stream().filter(b -> b.matches(value)).findFirst();
  }

  @Override
  public String name() {
    return "gather";
  }

  /** Builds a {@link Gather}, starting from the defaults. */
  public static final class Builder {
    private final List<Prompt> prompts = new ArrayList<>();
    private int numDigits = DEFAULT_NUM_DIGITS;
    private int timeout = DEFAULT_TIMEOUT;
    private String finishOnKey = DEFAULT_FINISH_ON_KEY;
    private int attempts = DEFAULT_ATTEMPTS;
    private Set<GatherInput> input = DEFAULT_INPUT;
    private String language = DEFAULT_LANGUAGE;
    private int speechTimeout = DEFAULT_SPEECH_TIMEOUT;
    private final List<Branch> branches = new ArrayList<>();

    private Builder() {}

    public Builder prompt(Prompt prompt) {
      prompts.add(prompt);
      return this;
    }

    /** Adds a {@link Say} of {@code text} in the default voice. */
    public Builder say(String text) {
      return prompt(Say.of(text));
    }

    public Builder numDigits(int numDigits) {
      this.numDigits = numDigits;
      return this;
    }

    public Builder timeout(int seconds) {
      this.timeout = seconds;
      return this;
    }

    public Builder finishOnKey(String keys) {
      this.finishOnKey = keys;
      return this;
    }

    public Builder attempts(int attempts) {
      this.attempts = attempts;
      return this;
    }

    public Builder input(GatherInput first, GatherInput... rest) {
      this.input = EnumSet.of(first, rest);
      return this;
    }

    /** The BCP-47 language speech input is recognised in. */
    public Builder language(String language) {
      this.language = language;
      return this;
    }

    /** Seconds of silence after the caller speaks that end speech input. */
    public Builder speechTimeout(int seconds) {
      this.speechTimeout = seconds;
      return this;
    }

    public Builder branch(Branch branch) {
      branches.add(branch);
      return this;
    }

    /** Adds a branch keyed as in flow files, e.g. {@code 2} or {@code 1|english}. */
    public Builder branch(String key, Verb... verbs) {
      return branch(Branch.of(key, verbs));
    }

    public Gather build() {
      return new Gather(
          prompts,
          numDigits,
          timeout,
          finishOnKey,
          attempts,
          input,
          language,
          speechTimeout,
          branches);
    }
  }

  @Override
  public <R> R accept(VerbVisitor<R> visitor) {
    return visitor.gather(this);
  }
}
