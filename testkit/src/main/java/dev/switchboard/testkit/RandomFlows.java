package dev.switchboard.testkit;

import dev.switchboard.Capabilities;
import dev.switchboard.Capability;
import dev.switchboard.InvalidInputException;
import dev.switchboard.PhoneNumber;
import dev.switchboard.flow.Branch;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.ConferenceBeep;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.GatherInput;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Prompt;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.RecordCall;
import dev.switchboard.flow.Redirect;
import dev.switchboard.flow.RedirectMethod;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import dev.switchboard.flow.VoiceGender;
import dev.switchboard.spi.VoiceProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random outbound flows and callees for differential testing (so never a {@code reject},
 * which only refuses incoming calls). Flows use only what a provider accepts (its declared
 * capabilities, its narrower rules, its vendor limits), so a failure is a disagreement about
 * meaning, not a refusal. The same seed always gives the same sequence, so a failing case can be
 * replayed from the seed printed with it.
 */
public final class RandomFlows {
  private static final int MAX_TRIES = 2_000;
  private static final String[] WORDS = {
    "Hello",
    "Press one",
    "Goodbye",
    "Tom & Jerry",
    "<b>bold</b>",
    "\"quoted\"",
    "it's 5 < 6",
    "Welcome to support",
    "Your code is 1234",
    "Please hold"
  };
  private static final String[] LANGUAGES = {"en-US", "en-GB", "es-US", "fr-FR", "ja-JP"};
  private static final String[] NUMBERS = {"+15556667777", "+15556668888", "+6561234567"};
  private static final String[] SPEECH = {"yes", "no", "english", "sales"};

  private final Random random;
  private final VoiceProvider provider;
  private final Capabilities caps;
  private final List<String> redirectUrls = new ArrayList<>();

  public RandomFlows(long seed, VoiceProvider provider) {
    this.random = new Random(seed);
    this.provider = provider;
    this.caps = provider.capabilities();
  }

  /** The next flow the provider accepts. */
  public CallFlow nextFlow() {
    for (int i = 0; i < MAX_TRIES; i++) {
      CallFlow flow;
      try {
        flow = new CallFlow(sequence(0, true));
      } catch (InvalidInputException e) {
        continue; // an unlucky combination of values, e.g. a branch longer than numDigits
      }
      if (accepted(flow)) {
        return flow;
      }
    }
    throw new IllegalStateException(
        "no acceptable flow in " + MAX_TRIES + " tries for provider " + provider.id());
  }

  private boolean accepted(CallFlow flow) {
    return provider.verdict(flow).ok();
  }

  /**
   * A callee for {@code flow}, likely to take its branches, sometimes silent, busy or hanging up.
   */
  public Callee nextCallee(CallFlow flow) {
    Callee.Builder callee = Callee.builder();
    int pickup = random.nextInt(10);
    if (pickup == 0) {
      callee.pickup(Callee.Pickup.NO_ANSWER);
    } else if (pickup == 1) {
      callee.pickup(Callee.Pickup.BUSY);
    }
    List<String> keys = new ArrayList<>(branchKeys(flow.verbs()));
    for (int i = 0, n = random.nextInt(5); i < n; i++) {
      int kind = random.nextInt(6);
      if (kind <= 1 && !keys.isEmpty()) {
        String key = keys.get(random.nextInt(keys.size()));
        if (key.matches("[0-9*#]+")) {
          callee.presses(key + (random.nextBoolean() ? "#" : ""));
        } else {
          callee.says(key);
        }
      } else if (kind == 2) {
        callee.presses(digits(1 + random.nextInt(5)));
      } else if (kind == 3) {
        callee.says(pick(SPEECH));
      } else {
        callee.silent();
      }
    }
    if (random.nextInt(5) == 0) {
      callee.hangUpAfter(1 + random.nextInt(6));
    }
    for (String number : NUMBERS) {
      int behaviour = random.nextInt(4);
      callee.target(
          number,
          behaviour == 0
              ? Callee.Target.NO_ANSWER
              : behaviour == 1 ? Callee.Target.BUSY : Callee.Target.ANSWERS);
    }
    for (String url : redirectUrls) {
      if (random.nextBoolean()) {
        callee.redirect(
            url, CallFlow.of(Say.of("Redirected to " + url.substring(url.length() - 1))));
      }
    }
    return callee.build();
  }

  private List<Verb> sequence(int depth, boolean topLevel) {
    List<Verb> verbs = new ArrayList<>();
    if (!caps.has(Capability.SEQUENCE) && topLevel) {
      verbs.add(prompt());
      if (random.nextBoolean()) {
        verbs.add(Hangup.now());
      }
      return verbs;
    }
    int length = 1 + random.nextInt(depth == 0 ? 5 : 3);
    for (int i = 0; i < length; i++) {
      Verb verb = verb(depth);
      verbs.add(verb);
      boolean bridge = verb instanceof Transfer || verb instanceof Conference;
      if (verb instanceof Hangup || (bridge && !caps.has(Capability.CONTINUE_AFTER_BRIDGE))) {
        return verbs;
      }
    }
    if (random.nextInt(4) == 0) {
      verbs.add(Hangup.after(prompts(2).toArray(Prompt[]::new)));
    }
    return verbs;
  }

  private Verb verb(int depth) {
    List<Capability> options = new ArrayList<>();
    for (Capability c :
        EnumSet.of(
            Capability.SAY,
            Capability.PLAY,
            Capability.PAUSE,
            Capability.GATHER_DTMF,
            Capability.GATHER_SPEECH,
            Capability.RECORD,
            Capability.RECORD_CALL,
            Capability.TRANSFER,
            Capability.CONFERENCE,
            Capability.REDIRECT)) {
      if (caps.has(c)) {
        options.add(c);
      }
    }
    if (options.isEmpty()) {
      return Hangup.now();
    }
    switch (options.get(random.nextInt(options.size()))) {
      case GATHER_DTMF:
      case GATHER_SPEECH:
        return gather(depth);
      case RECORD:
        return new Record(prompts(2), 1 + random.nextInt(300), random.nextBoolean() ? "#" : "");
      case RECORD_CALL:
        return new RecordCall(prompts(1));
      case TRANSFER:
        return transfer(depth);
      case CONFERENCE:
        return conference();
      case REDIRECT:
        String url = "https://flows.example/next" + random.nextInt(3);
        redirectUrls.add(url);
        return new Redirect(
            URI.create(url), random.nextBoolean() ? RedirectMethod.GET : RedirectMethod.POST);
      default:
        return prompt();
    }
  }

  private Prompt prompt() {
    List<Capability> kinds = new ArrayList<>();
    for (Capability c : List.of(Capability.SAY, Capability.PLAY, Capability.PAUSE)) {
      if (caps.has(c)) {
        kinds.add(c);
      }
    }
    Capability kind = kinds.isEmpty() ? Capability.SAY : kinds.get(random.nextInt(kinds.size()));
    int loop = caps.has(Capability.LOOP) && random.nextInt(4) == 0 ? 2 : 1;
    if (kind == Capability.PLAY) {
      return new Play(URI.create("http://audio.example/clip" + random.nextInt(5) + ".mp3"), loop);
    }
    if (kind == Capability.PAUSE) {
      return new Pause(1 + random.nextInt(5));
    }
    String language =
        caps.has(Capability.SAY_LANGUAGE) && random.nextInt(4) == 0
            ? pick(LANGUAGES)
            : Say.DEFAULT_LANGUAGE;
    VoiceGender gender =
        caps.has(Capability.SAY_GENDER) && random.nextInt(4) == 0
            ? VoiceGender.MALE
            : Say.DEFAULT_GENDER;
    return new Say(pick(WORDS), language, gender, loop);
  }

  private List<Prompt> prompts(int max) {
    List<Prompt> prompts = new ArrayList<>();
    for (int i = 0, n = random.nextInt(max + 1); i < n; i++) {
      prompts.add(prompt());
    }
    return prompts;
  }

  private Gather gather(int depth) {
    Set<GatherInput> input = EnumSet.noneOf(GatherInput.class);
    if (caps.has(Capability.GATHER_DTMF)) {
      input.add(GatherInput.DTMF);
    }
    if (caps.has(Capability.GATHER_SPEECH) && (input.isEmpty() || random.nextInt(3) == 0)) {
      input.add(GatherInput.SPEECH);
    }
    int numDigits = 1 + random.nextInt(4);
    List<Branch> branches = new ArrayList<>();
    if (caps.has(Capability.BRANCHING) && depth < 3) {
      Set<String> used = new LinkedHashSet<>();
      for (int i = 0, n = random.nextInt(4); i < n; i++) {
        List<String> keys = new ArrayList<>();
        if (input.contains(GatherInput.DTMF)) {
          keys.add(digits(1 + random.nextInt(numDigits)));
        }
        if (input.contains(GatherInput.SPEECH) && (keys.isEmpty() || random.nextBoolean())) {
          keys.add(pick(SPEECH));
        }
        keys.removeIf(k -> !used.add(k));
        if (!keys.isEmpty()) {
          branches.add(new Branch(keys, sequence(depth + 1, false)));
        }
      }
    }
    String finish = random.nextInt(4) == 0 ? "" : random.nextInt(4) == 0 ? "*" : "#";
    List<Prompt> prompts = prompts(2);
    int timeout = 1 + random.nextInt(30);
    int attempts = 1 + random.nextInt(3);
    boolean speech = input.contains(GatherInput.SPEECH);
    String language = speech && random.nextInt(4) == 0 ? pick(LANGUAGES) : Gather.DEFAULT_LANGUAGE;
    int speechTimeout =
        speech ? 1 + random.nextInt(Gather.MAX_SPEECH_TIMEOUT) : Gather.DEFAULT_SPEECH_TIMEOUT;
    return new Gather(
        prompts, numDigits, timeout, finish, attempts, input, language, speechTimeout, branches);
  }

  private Transfer transfer(int depth) {
    int count = caps.has(Capability.PARALLEL_TRANSFER) ? 1 + random.nextInt(2) : 1;
    List<PhoneNumber> to = new ArrayList<>();
    List<String> numbers = new ArrayList<>(List.of(NUMBERS));
    for (int i = 0; i < count; i++) {
      to.add(PhoneNumber.of(numbers.remove(random.nextInt(numbers.size()))));
    }
    Optional<PhoneNumber> callerId =
        caps.has(Capability.CALLER_ID) && random.nextInt(3) == 0
            ? Optional.of(PhoneNumber.of("+15550001111"))
            : Optional.empty();
    OptionalInt timeout =
        caps.has(Capability.TRANSFER_TIMEOUT) && random.nextInt(3) == 0
            ? OptionalInt.of(5 + random.nextInt(30))
            : OptionalInt.empty();
    List<Verb> onFailure =
        caps.has(Capability.TRANSFER_ON_FAILURE) && depth < 3 && random.nextBoolean()
            ? sequence(depth + 1, false)
            : List.of();
    return new Transfer(to, callerId, timeout, onFailure);
  }

  private Conference conference() {
    String room = "room" + random.nextInt(3);
    if (!caps.has(Capability.CONFERENCE_OPTIONS) || random.nextBoolean()) {
      return Conference.room(room);
    }
    return new Conference(
        room,
        random.nextBoolean(),
        ConferenceBeep.values()[random.nextInt(ConferenceBeep.values().length)],
        random.nextBoolean(),
        random.nextBoolean(),
        random.nextBoolean() ? "" : "p" + random.nextInt(9));
  }

  private String digits(int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static Set<String> branchKeys(List<? extends Verb> verbs) {
    Set<String> keys = new LinkedHashSet<>();
    for (Verb verb : verbs) {
      if (verb instanceof Gather g) {
        for (Branch b : g.branches()) {
          keys.addAll(b.inputs());
          keys.addAll(branchKeys(b.verbs()));
        }
      } else if (verb instanceof Transfer t) {
        keys.addAll(branchKeys(t.onFailure()));
      }
    }
    return keys;
  }
}
