package dev.switchboard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.CallRequest;
import dev.switchboard.Capability;
import dev.switchboard.CapabilityGap;
import dev.switchboard.ConferenceDialOut;
import dev.switchboard.ConfigurationException;
import dev.switchboard.InvalidInputException;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.UnsupportedCapabilityException;
import dev.switchboard.VoiceClient;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.RecordingReady;
import dev.switchboard.event.WebhookRequest;
import dev.switchboard.event.WebhookResult;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.FlowJson;
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
import dev.switchboard.flow.VoiceGender;
import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ProviderClient;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.spi.WebhookSigner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance kit: proves that a provider does what the neutral model means. A provider module
 * extends it in one small class that returns a {@link ConformanceTarget}:
 *
 * <pre>{@code
 * class VoxtelesysConformanceTest extends ProviderConformanceKit {
 *   @Override
 *   protected ConformanceTarget createTarget() {
 *     return new VoxtelesysTarget();
 *   }
 * }
 * }</pre>
 *
 * <p>Every test's display name starts with its rule id ({@code [GATHER-03]}); the rules, whether
 * each is a MUST or a SHOULD, and what to check when one fails are in {@code docs/conformance.md}.
 * The central check is differential: a flow run through the real provider against its simulator
 * must give the transcript the {@link ReferenceInterpreter} gives. A rule that needs a capability
 * the provider does not declare is skipped, and {@code [CAP-01]} proves in the same run that such
 * flows are refused before any request.
 */
public abstract class ProviderConformanceKit {
  /** How many random flows {@code [DIFF-02]} runs. */
  protected static final int RANDOM_FLOWS = 200;

  private static final String CANARY = "CANARY-7f3a9-do-not-print";

  private ConformanceTarget target;
  private VoiceClient client;
  private final List<CallEvent> received = new CopyOnWriteArrayList<>();

  /** The provider under test, wired to its simulator; a fresh one for every test. */
  protected abstract ConformanceTarget createTarget();

  /** The seed {@code [DIFF-02]} starts from; override to replay a failure. */
  protected long randomSeed() {
    return 20261121L;
  }

  /**
   * How long the kit waits, after a call's transcript is complete, for the application to receive
   * its {@link CallEnded}. Override for a provider that learns of the end by polling slowly; a
   * provider that never sends it fails {@code [CALL-03]} after this long.
   */
  protected Duration callEndedWait() {
    return Duration.ofSeconds(5);
  }

  @BeforeEach
  void connect() {
    target = createTarget();
    client = connect(target.config(), this::receive);
  }

  @AfterEach
  void disconnect() throws Exception {
    if (client != null) {
      client.close();
    }
    target.close();
  }

  private VoiceClient connect(SwitchboardConfig config, Consumer<CallEvent> listener) {
    return Switchboard.builder()
        .provider(target.provider())
        .config(config)
        .onEvent(listener)
        .build();
  }

  /**
   * The events the application received for a call, once its {@link CallEnded} has arrived or
   * {@link #callEndedWait()} has passed: events may trail the end of the transcript.
   */
  private List<CallEvent> eventsOf(String callId) {
    long deadline = System.nanoTime() + callEndedWait().toNanos();
    synchronized (received) {
      while (received.stream().noneMatch(e -> e instanceof CallEnded && e.callId().equals(callId))
          && System.nanoTime() < deadline) {
        try {
          received.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return received.stream().filter(e -> e.callId().equals(callId)).toList();
    }
  }

  private void receive(CallEvent event) {
    synchronized (received) {
      received.add(event);
      received.notifyAll();
    }
  }

  private boolean declares(Capability... capabilities) {
    return Arrays.stream(capabilities).allMatch(target.provider().capabilities()::has);
  }

  /** Skips the calling rule unless every capability is declared; CAP-01 covers the rest. */
  private void requires(Capability... capabilities) {
    for (Capability capability : capabilities) {
      assumeTrue(
          declares(capability),
          () ->
              target.provider().id()
                  + " does not declare "
                  + capability
                  + "; [CAP-01] proves such flows are refused");
    }
  }

  /** Runs {@code flow} through the provider and asserts the reference interpreter's transcript. */
  private ObservedCall assertSameAsReference(CallFlow flow, Callee callee) {
    return assertSameAsReference(flow, callee, "");
  }

  private ObservedCall assertSameAsReference(CallFlow flow, Callee callee, String context) {
    Transcript expected = ReferenceInterpreter.run(flow, callee).normalized();
    ObservedCall call;
    try {
      call = target.call(client, flow, callee);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(
          "The call did not complete"
              + (context.isEmpty() ? "" : " (" + context + ")")
              + ": "
              + e.getMessage()
              + "\nflow: "
              + FlowJson.write(flow)
              + "\ncallee: "
              + callee
              + "\nexpected:\n"
              + expected.toJsonLines(),
          e);
    }
    // The call is over for the application only once its CallEnded has arrived; waiting for it
    // also lets a provider's background reads settle before the next rule counts requests.
    eventsOf(call.callId());
    Transcript actual = call.transcript().normalized();
    if (!expected.equals(actual)) {
      fail(mismatch(flow, callee, expected, actual, context));
    }
    return call;
  }

  private static String mismatch(
      CallFlow flow, Callee callee, Transcript expected, Transcript actual, String context) {
    return "The provider's transcript differs from the reference interpreter's"
        + (context.isEmpty() ? "" : " (" + context + ")")
        + "\nflow: "
        + FlowJson.write(flow)
        + "\ncallee: "
        + callee
        + "\nexpected:\n"
        + expected.toJsonLines()
        + "actual:\n"
        + actual.toJsonLines();
  }

  private void assertRefusedBeforeSending(CallFlow flow, Capability capability) {
    int before = target.vendorRequests();
    UnsupportedCapabilityException e =
        assertThrows(
            UnsupportedCapabilityException.class, () -> client.placeCall(target.requestFor(flow)));
    assertTrue(
        e.gaps().stream().anyMatch(g -> g.capability() == capability),
        () -> "the refusal should name " + capability + ", but named " + e.gaps());
    assertEquals(before, target.vendorRequests(), "no request may reach the vendor");
  }

  @Nested
  @DisplayName("Discovery and metadata")
  class DiscoveryAndMetadata {
    @Test
    @DisplayName("[DISC-01] The id is lower-case letters, digits and dashes, and stable")
    void id() {
      String id = target.provider().id();
      assertTrue(id.matches("[a-z][a-z0-9-]*"), () -> "bad id '" + id + "'");
      assertEquals(id, target.provider().id());
    }

    @Test
    @DisplayName("[DISC-02] ServiceLoader finds the provider exactly when it says it is registered")
    void discovery() {
      Class<?> type = target.provider().getClass();
      boolean found =
          ServiceLoader.load(VoiceProvider.class, type.getClassLoader()).stream()
              .anyMatch(p -> p.type().equals(type));
      assertEquals(target.registeredForDiscovery(), found);
    }

    @Test
    @DisplayName("[DISC-03] Missing configuration is reported all at once, and nothing is sent")
    void missingConfiguration() {
      List<ConfigKey> required =
          target.provider().configKeys().stream().filter(ConfigKey::required).toList();
      assumeTrue(!required.isEmpty(), "the provider requires no configuration");
      int before = target.vendorRequests();
      ConfigurationException e =
          assertThrows(
              ConfigurationException.class,
              () -> connect(SwitchboardConfig.empty(), event -> {}).close());
      for (ConfigKey key : required) {
        assertTrue(
            e.getMessage().contains(key.name()),
            () -> "the error should name " + key.name() + ": " + e.getMessage());
      }
      assertEquals(before, target.vendorRequests());
    }

    @Test
    @DisplayName("[DISC-04] Configuration keys are namespaced under switchboard.<id>.")
    void configKeys() {
      String prefix = "switchboard." + target.provider().id() + ".";
      for (ConfigKey key : target.provider().configKeys()) {
        assertTrue(
            key.name().startsWith(prefix) || key.name().startsWith("switchboard.webhook."),
            () -> key.name() + " should start with " + prefix);
      }
    }

    @Test
    @DisplayName(
        "[DISC-05] The provider places or receives calls, and a fresh instance declares the same")
    void direction() throws ReflectiveOperationException {
      assertTrue(declares(Capability.OUTBOUND_CALL) || declares(Capability.INBOUND_CALL));
      // Declarations must not depend on an instance's state: ServiceLoader makes fresh ones.
      VoiceProvider fresh = target.provider().getClass().getConstructor().newInstance();
      assertEquals(target.provider().capabilities(), fresh.capabilities());
      assertEquals(target.provider().id(), fresh.id());
    }
  }

  @Nested
  @DisplayName("Capability honesty")
  class CapabilityHonesty {
    @TestFactory
    @DisplayName(
        "[CAP-01] A flow that needs an undeclared capability is refused before any request")
    Stream<DynamicTest> undeclaredFlowCapabilities() {
      return probes().entrySet().stream()
          .map(
              probe ->
                  DynamicTest.dynamicTest(
                      "[CAP-01] " + probe.getKey().description(),
                      () -> {
                        assumeTrue(
                            !declares(probe.getKey()), () -> "declared; its own rules test it");
                        assertRefusedBeforeSending(probe.getValue(), probe.getKey());
                      }));
    }

    @Test
    @DisplayName("[CAP-02] Undeclared operations are refused before any request")
    void undeclaredOperations() {
      int before = target.vendorRequests();
      Map<Capability, Runnable> operations = new LinkedHashMap<>();
      operations.put(Capability.CALL_STATUS, () -> client.getCall("unknown"));
      operations.put(Capability.CALL_LIST, () -> client.listCalls());
      operations.put(Capability.HANGUP_CALL, () -> client.hangup("unknown"));
      operations.put(
          Capability.MODIFY_CALL, () -> client.modifyCall("unknown", CallFlow.of(Say.of("Hi"))));
      operations.put(Capability.INBOUND_CALL, () -> client.incomingCallUrl());
      operations.put(Capability.CONFERENCE_CONTROL, () -> client.listConferences());
      operations.put(
          Capability.CONFERENCE_DIAL_OUT,
          () ->
              client.dialOutConference(
                  ConferenceDialOut.builder().participant("+15556667777", "+15556668888").build()));
      operations.put(
          Capability.CALLER_ID,
          () ->
              client.placeCall(
                  CallRequest.builder()
                      .from("+15550001111")
                      .to("+15556660000")
                      .flow(CallFlow.of(Say.of("Hi")))
                      .build()));
      operations.put(
          Capability.TAGS,
          () ->
              client.placeCall(
                  CallRequest.builder()
                      .to("+15556660000")
                      .tag("t1")
                      .flow(CallFlow.of(Say.of("Hi")))
                      .build()));
      int checked = 0;
      for (Map.Entry<Capability, Runnable> op : operations.entrySet()) {
        if (!declares(op.getKey())) {
          checked++;
          UnsupportedCapabilityException e =
              assertThrows(UnsupportedCapabilityException.class, op.getValue()::run);
          assertTrue(
              e.gaps().stream().anyMatch(g -> g.capability() == op.getKey()),
              () -> op.getKey() + " should be named in " + e.gaps());
        }
      }
      assumeTrue(checked > 0, "every operation is declared");
      assertEquals(before, target.vendorRequests(), "no request may reach the vendor");
    }
  }

  /** For each capability a flow can need, the smallest flow that needs it. */
  private static Map<Capability, CallFlow> probes() {
    Map<Capability, CallFlow> probes = new LinkedHashMap<>();
    probes.put(Capability.OUTBOUND_CALL, CallFlow.of(Say.of("Hi")));
    probes.put(Capability.SAY, CallFlow.of(Say.of("Hi")));
    probes.put(Capability.SAY_LANGUAGE, CallFlow.of(Say.builder("Hola").language("es-US").build()));
    probes.put(
        Capability.SAY_GENDER, CallFlow.of(Say.builder("Hi").gender(VoiceGender.MALE).build()));
    probes.put(Capability.PLAY, CallFlow.of(Play.of("http://audio.example/a.mp3")));
    probes.put(Capability.PAUSE, CallFlow.of(Pause.of(1)));
    probes.put(Capability.LOOP, CallFlow.of(Say.builder("Hi").loop(2).build()));
    probes.put(Capability.SEQUENCE, CallFlow.of(Say.of("One"), Say.of("Two")));
    probes.put(Capability.GATHER_DTMF, CallFlow.of(Gather.builder().build()));
    probes.put(
        Capability.GATHER_SPEECH, CallFlow.of(Gather.builder().input(GatherInput.SPEECH).build()));
    probes.put(
        Capability.BRANCHING, CallFlow.of(Gather.builder().branch("1", Say.of("One")).build()));
    probes.put(Capability.RECORD, CallFlow.of(Record.of(10)));
    probes.put(Capability.RECORD_CALL, CallFlow.of(RecordCall.after()));
    probes.put(Capability.TRANSFER, CallFlow.of(Transfer.to("+15556667777")));
    probes.put(
        Capability.PARALLEL_TRANSFER, CallFlow.of(Transfer.to("+15556667777", "+15556668888")));
    probes.put(
        Capability.TRANSFER_TIMEOUT,
        CallFlow.of(Transfer.builder().to("+15556667777").timeout(20).build()));
    probes.put(
        Capability.TRANSFER_ON_FAILURE,
        CallFlow.of(Transfer.builder().to("+15556667777").onFailure(Say.of("Sorry")).build()));
    probes.put(
        Capability.CONTINUE_AFTER_BRIDGE, CallFlow.of(Transfer.to("+15556667777"), Say.of("Bye")));
    probes.put(Capability.CONFERENCE, CallFlow.of(Conference.room("room1")));
    probes.put(
        Capability.CONFERENCE_OPTIONS,
        CallFlow.of(Conference.builder("room1").muted(true).build()));
    probes.put(Capability.REDIRECT, CallFlow.of(Redirect.to("https://flows.example/next")));
    probes.put(Capability.REJECT, CallFlow.of(new Reject()));
    return probes;
  }

  @Nested
  @DisplayName("Say, play and pause")
  class Prompts {
    @Test
    @DisplayName("[SAY-01] Text is spoken in the default voice")
    void say() {
      requires(Capability.SAY);
      assertSameAsReference(CallFlow.of(Say.of("Hello from Switchboard.")), Callee.answering());
    }

    @Test
    @DisplayName("[SAY-02] Markup-looking text is spoken literally, never interpreted")
    void literal() {
      requires(Capability.SAY);
      assertSameAsReference(
          CallFlow.of(
              Say.of("<Say>Tom & \"Jerry\"</Say> <speech gender='male'>x</speech> <url>y</url>")),
          Callee.answering());
    }

    @Test
    @DisplayName("[SAY-03] Language and gender are honoured")
    void voice() {
      requires(Capability.SAY, Capability.SAY_LANGUAGE, Capability.SAY_GENDER);
      assertSameAsReference(
          CallFlow.of(Say.builder("Bonjour").language("fr-FR").gender(VoiceGender.MALE).build()),
          Callee.answering());
    }

    @Test
    @DisplayName("[SAY-04] A looped prompt is heard that many times")
    void loop() {
      requires(Capability.SAY, Capability.LOOP, Capability.SEQUENCE);
      assertSameAsReference(
          CallFlow.of(Say.builder("Again").loop(3).build(), Say.of("Done")), Callee.answering());
    }

    @Test
    @DisplayName("[PLAY-01] An audio file is played")
    void play() {
      requires(Capability.PLAY);
      assertSameAsReference(
          CallFlow.of(Play.of("http://audio.example/hello.mp3")), Callee.answering());
    }

    @Test
    @DisplayName("[PAUSE-01] A pause is heard between prompts")
    void pause() {
      requires(Capability.SAY, Capability.PAUSE, Capability.SEQUENCE);
      assertSameAsReference(
          CallFlow.of(Say.of("One"), Pause.of(2), Say.of("Two")), Callee.answering());
    }
  }

  @Nested
  @DisplayName("Gather")
  class Gathering {
    private final Gather menu =
        Gather.builder().numDigits(2).attempts(2).say("Enter two digits.").build();

    @Test
    @DisplayName("[GATHER-01] Keys entered after one pass of the prompts are collected")
    void keys() {
      requires(Capability.GATHER_DTMF, Capability.SAY);
      assertSameAsReference(CallFlow.of(menu), Callee.builder().presses("42").build());
    }

    @Test
    @DisplayName(
        "[GATHER-02] Silence replays the prompts for every attempt, then gives empty input")
    void silence() {
      requires(Capability.GATHER_DTMF, Capability.SAY);
      assertSameAsReference(CallFlow.of(menu), Callee.answering());
    }

    @Test
    @DisplayName("[GATHER-03] A finish key ends input early and is not part of it")
    void finishKey() {
      requires(Capability.GATHER_DTMF, Capability.SAY);
      Gather gather = Gather.builder().numDigits(4).say("PIN, then hash.").build();
      assertSameAsReference(CallFlow.of(gather), Callee.builder().presses("12#").build());
    }

    @Test
    @DisplayName("[GATHER-04] Keys beyond numDigits are dropped")
    void numDigits() {
      requires(Capability.GATHER_DTMF, Capability.SAY);
      assertSameAsReference(CallFlow.of(menu), Callee.builder().presses("1234").build());
    }

    @Test
    @DisplayName("[GATHER-05] Speech is recognised where speech input is declared")
    void speech() {
      requires(Capability.GATHER_SPEECH, Capability.SAY);
      Gather gather = Gather.builder().input(GatherInput.SPEECH).say("Say yes or no.").build();
      assertSameAsReference(CallFlow.of(gather), Callee.builder().says("yes").build());
    }
  }

  @Nested
  @DisplayName("Branching")
  class Branching {
    private final Gather menu =
        Gather.builder()
            .say("Press 1 or 2.")
            .branch("1", Say.of("You chose one."))
            .branch("2", Say.of("You chose two."), Hangup.after(Say.of("Bye.")))
            .build();

    @Test
    @DisplayName("[BRANCH-01] A matched branch replaces the rest of the flow")
    void replaces() {
      requires(Capability.GATHER_DTMF, Capability.BRANCHING, Capability.SAY, Capability.SEQUENCE);
      CallFlow flow = CallFlow.of(menu, Say.of("Not reached after a match."));
      assertSameAsReference(flow, Callee.builder().presses("1").build());
      assertSameAsReference(flow, Callee.builder().presses("2").build());
    }

    @Test
    @DisplayName(
        "[BRANCH-02] Input no branch matches, or no input, runs the verbs after the gather")
    void fallsThrough() {
      requires(Capability.GATHER_DTMF, Capability.BRANCHING, Capability.SAY, Capability.SEQUENCE);
      CallFlow flow = CallFlow.of(menu, Say.of("No match."));
      assertSameAsReference(flow, Callee.builder().presses("9").build());
      assertSameAsReference(flow, Callee.answering());
    }

    @Test
    @DisplayName("[BRANCH-03] A gather nested in a branch decides on its own input")
    void nested() {
      requires(Capability.GATHER_DTMF, Capability.BRANCHING, Capability.SAY, Capability.SEQUENCE);
      Gather pin =
          Gather.builder().numDigits(4).say("PIN?").branch("1111", Say.of("Welcome.")).build();
      Gather outer = Gather.builder().say("Menu.").branch("2", pin, Say.of("Bad PIN.")).build();
      CallFlow flow = CallFlow.of(outer, Say.of("No choice."));
      assertSameAsReference(flow, Callee.builder().presses("2").presses("1111").build());
      assertSameAsReference(flow, Callee.builder().presses("2").presses("2").build());
      assertSameAsReference(flow, Callee.builder().presses("2").build());
    }

    @Test
    @DisplayName("[BRANCH-04] A branch with several inputs matches any of them")
    void severalInputs() {
      requires(Capability.GATHER_DTMF, Capability.BRANCHING, Capability.SAY, Capability.SEQUENCE);
      Gather gather = Gather.builder().say("Press 1 or 3.").branch("1|3", Say.of("Odd.")).build();
      CallFlow flow = CallFlow.of(gather, Say.of("Even."));
      assertSameAsReference(flow, Callee.builder().presses("3").build());
      assertSameAsReference(flow, Callee.builder().presses("1").build());
    }
  }

  @Nested
  @DisplayName("Recording")
  class Recording {
    @Test
    @DisplayName("[RECORD-01] The caller is recorded after the prompts and the flow goes on")
    void record() {
      requires(Capability.RECORD, Capability.SAY, Capability.SEQUENCE);
      assertSameAsReference(
          CallFlow.of(Record.after(Say.of("Speak after the tone.")), Say.of("Thanks.")),
          Callee.answering());
    }

    @Test
    @DisplayName("[RECORD-02] Whole-call recording starts after its prompts and the flow goes on")
    void recordCall() {
      requires(Capability.RECORD_CALL, Capability.SAY, Capability.SEQUENCE);
      assertSameAsReference(
          CallFlow.of(RecordCall.after(Say.of("This call is recorded.")), Say.of("Go ahead.")),
          Callee.answering());
    }

    @Test
    @DisplayName("[RECORD-03] A recording is reported to the application once, with its URL")
    void recordingEvent() {
      requires(Capability.RECORD);
      ObservedCall call = assertSameAsReference(CallFlow.of(Record.of(30)), Callee.answering());
      long recordings =
          eventsOf(call.callId()).stream().filter(e -> e instanceof RecordingReady).count();
      assertEquals(1, recordings, () -> "events: " + eventsOf(call.callId()));
    }
  }

  @Nested
  @DisplayName("Transfer and conference")
  class Bridges {
    @Test
    @DisplayName("[TRANSFER-01] The caller is connected to an answering target")
    void answered() {
      requires(Capability.TRANSFER);
      assertSameAsReference(CallFlow.of(Transfer.to("+15556667777")), Callee.answering());
    }

    @Test
    @DisplayName(
        "[TRANSFER-02] Several targets ring at once and the first in order that answers wins")
    void parallel() {
      requires(Capability.TRANSFER, Capability.PARALLEL_TRANSFER);
      CallFlow flow = CallFlow.of(Transfer.to("+15556667777", "+15556668888"));
      assertSameAsReference(
          flow, Callee.builder().target("+15556667777", Callee.Target.NO_ANSWER).build());
      assertSameAsReference(flow, Callee.answering());
    }

    @Test
    @DisplayName("[TRANSFER-03] When nobody answers, the on-failure flow replaces the rest")
    void onFailure() {
      requires(Capability.TRANSFER, Capability.TRANSFER_ON_FAILURE, Capability.SAY);
      CallFlow flow =
          CallFlow.of(
              Transfer.builder()
                  .to("+15556667777")
                  .onFailure(Say.of("Nobody is available."))
                  .build());
      assertSameAsReference(
          flow, Callee.builder().target("+15556667777", Callee.Target.BUSY).build());
    }

    @Test
    @DisplayName("[TRANSFER-04] After the bridge ends, the verbs after the transfer run")
    void continueAfterBridge() {
      requires(Capability.TRANSFER, Capability.CONTINUE_AFTER_BRIDGE, Capability.SAY);
      CallFlow flow = CallFlow.of(Transfer.to("+15556667777"), Say.of("Call has ended."));
      assertSameAsReference(flow, Callee.answering());
      assertSameAsReference(
          flow, Callee.builder().target("+15556667777", Callee.Target.NO_ANSWER).build());
    }

    @Test
    @DisplayName("[CONF-01] The caller joins the conference room")
    void conference() {
      requires(Capability.CONFERENCE);
      assertSameAsReference(CallFlow.of(Conference.room("room1")), Callee.answering());
    }

    @Test
    @DisplayName("[CONF-02] Conference options are honoured and the flow goes on after leaving")
    void conferenceOptions() {
      requires(
          Capability.CONFERENCE,
          Capability.CONFERENCE_OPTIONS,
          Capability.CONTINUE_AFTER_BRIDGE,
          Capability.SAY);
      Conference moderator =
          Conference.builder("room2").startOnEnter(true).endOnExit(true).muted(false).build();
      assertSameAsReference(CallFlow.of(moderator, Say.of("Ended.")), Callee.answering());
    }
  }

  @Nested
  @DisplayName("Ending calls")
  class Ending {
    @Test
    @DisplayName("[HANGUP-01] Hangup plays its prompts and ends the call")
    void hangup() {
      requires(Capability.SAY);
      assertSameAsReference(CallFlow.of(Hangup.after(Say.of("Goodbye."))), Callee.answering());
    }

    @Test
    @DisplayName("[REJECT-01] An outbound call that would reject is refused before any request")
    void reject() {
      requires(Capability.REJECT);
      int before = target.vendorRequests();
      InvalidInputException e =
          assertThrows(
              InvalidInputException.class,
              () -> client.placeCall(target.requestFor(CallFlow.of(new Reject()))));
      assertEquals("verbs[0]", e.field());
      assertEquals(before, target.vendorRequests());
    }

    @Test
    @DisplayName(
        "[REDIRECT-01] A redirect's flow replaces the rest; a failed fetch lets the flow go on")
    void redirect() {
      requires(Capability.REDIRECT, Capability.SAY, Capability.SEQUENCE);
      String url = "https://flows.example/next";
      CallFlow flow = CallFlow.of(Redirect.to(url), Say.of("Fallback."));
      assertSameAsReference(
          flow, Callee.builder().redirect(url, CallFlow.of(Say.of("Next."))).build());
      assertSameAsReference(flow, Callee.answering());
    }

    @Test
    @DisplayName("[CALL-01] A callee who does not answer or is busy hears nothing")
    void unanswered() {
      requires(Capability.SAY);
      CallFlow flow = CallFlow.of(Say.of("Hi"));
      assertSameAsReference(flow, Callee.builder().pickup(Callee.Pickup.NO_ANSWER).build());
      assertSameAsReference(flow, Callee.builder().pickup(Callee.Pickup.BUSY).build());
    }

    @Test
    @DisplayName("[CALL-02] A callee who hangs up ends the call at once")
    void calleeHangsUp() {
      requires(Capability.SAY, Capability.SEQUENCE);
      CallFlow flow = CallFlow.of(Say.of("One"), Say.of("Two"), Say.of("Three"));
      assertSameAsReference(flow, Callee.builder().hangUpAfter(1).build());
    }

    @Test
    @DisplayName("[CALL-03] Every call ends with exactly one CallEnded event")
    void callEnded() {
      requires(Capability.SAY);
      ObservedCall call = assertSameAsReference(CallFlow.of(Say.of("Hi")), Callee.answering());
      List<CallEvent> events = eventsOf(call.callId());
      assertEquals(
          1,
          events.stream().filter(e -> e instanceof CallEnded).count(),
          () -> "events received within " + callEndedWait() + ": " + events);
    }
  }

  @Nested
  @DisplayName("Differential testing")
  class Differential {
    @TestFactory
    @DisplayName("[DIFF-01] The vendor documents' example flows behave as the reference says")
    Stream<DynamicTest> seedFlows() {
      List<Callee> callees =
          List.of(
              Callee.answering(),
              Callee.builder().presses("1").build(),
              Callee.builder().presses("2").build(),
              Callee.builder().presses("2").presses("2233").presses("1111").build(),
              Callee.builder().presses("2").presses("3344").presses("9999").build(),
              Callee.builder().presses("3").build(),
              Callee.builder().presses("2").target("+15556668888", Callee.Target.BUSY).build());
      return SeedFlows.all().entrySet().stream()
          .map(
              seed ->
                  DynamicTest.dynamicTest(
                      "[DIFF-01] " + seed.getKey(),
                      () -> {
                        List<CapabilityGap> gaps =
                            target.provider().verdict(seed.getValue()).gaps();
                        if (!gaps.isEmpty()) {
                          int before = target.vendorRequests();
                          assertThrows(
                              UnsupportedCapabilityException.class,
                              () -> client.placeCall(target.requestFor(seed.getValue())));
                          assertEquals(before, target.vendorRequests());
                          return;
                        }
                        for (Callee callee : callees) {
                          assertSameAsReference(seed.getValue(), callee, seed.getKey());
                        }
                      }));
    }

    @Test
    @DisplayName("[DIFF-02] Random flows and callees behave as the reference says")
    void randomFlows() {
      List<String> failures = new ArrayList<>();
      RandomFlows random = new RandomFlows(randomSeed(), target.provider());
      for (int i = 0; i < RANDOM_FLOWS && failures.size() < 3; i++) {
        CallFlow flow = random.nextFlow();
        Callee callee = random.nextCallee(flow);
        try {
          assertSameAsReference(flow, callee, "seed " + randomSeed() + ", case " + i);
        } catch (AssertionError | RuntimeException e) {
          failures.add(e.getMessage());
        }
      }
      if (!failures.isEmpty()) {
        fail(
            failures.size()
                + " random case(s) failed; replay by overriding randomSeed() to return "
                + randomSeed()
                + "\n\n"
                + String.join("\n\n", failures));
      }
    }
  }

  @Nested
  @DisplayName("Webhooks and events")
  class Webhooks {
    private WebhookRequest signedRequest(String body) {
      WebhookSigner signer = WebhookSigner.fromConfig(target.config()).orElseThrow();
      return WebhookRequest.builder()
          .uri(signer.sign("/" + target.provider().id() + "/events", "kit-call"))
          .body("application/json", body)
          .build();
    }

    @Test
    @DisplayName(
        "[HOOK-01] Unsigned, forged and tampered webhooks are refused with 403 and no event")
    void refused() {
      WebhookRequest signed = signedRequest("{}");
      String uri = signed.uri().toString();
      List<WebhookRequest> bad =
          List.of(
              WebhookRequest.builder().uri("/" + target.provider().id() + "/events").build(),
              WebhookRequest.builder()
                  .uri(uri.replaceAll("sb_sig=[0-9a-f]+", "sb_sig=" + "0".repeat(64)))
                  .build(),
              WebhookRequest.builder().uri(uri.replace("kit-call", "other-call")).build(),
              WebhookRequest.builder().uri(uri.replace("/events", "/other")).build());
      for (WebhookRequest request : bad) {
        WebhookResult result = client.handleWebhook(request);
        assertEquals(403, result.response().status(), () -> "for " + request.uri());
        assertTrue(result.events().isEmpty());
      }
      assertTrue(received.isEmpty(), () -> "no event may reach the application: " + received);
    }

    /**
     * Runs a call that makes the vendor call back (a gather where the provider has one), waits for
     * its end, and returns the callbacks the vendor delivered for it.
     */
    private List<WebhookRequest> deliveredCallbacks() {
      CallFlow flow =
          declares(Capability.GATHER_DTMF)
              ? CallFlow.of(Gather.builder().say("Press a key.").build(), Say.of("Thank you."))
              : CallFlow.of(Say.of("Hello."));
      int before = target.deliveredCallbacks().size();
      ObservedCall call = target.call(client, flow, Callee.builder().presses("1").build());
      eventsOf(call.callId());
      List<WebhookRequest> all = target.deliveredCallbacks();
      List<WebhookRequest> delivered = List.copyOf(all.subList(before, all.size()));
      if (delivered.isEmpty()) {
        // Only a provider that signs no callback URL may have nothing to show here.
        try (ProviderClient probe = target.provider().connect(target.config())) {
          assertTrue(
              probe.webhookEndpoints().isEmpty(),
              () ->
                  target.provider().id()
                      + " declares webhook endpoints, but the target reported no callback"
                      + " delivered for a call: implement ConformanceTarget.deliveredCallbacks()");
        }
        assumeTrue(false, () -> target.provider().id() + " signs no callback URL");
      }
      return delivered;
    }

    @Test
    @DisplayName("[HOOK-02] A redelivered webhook reaches the application at most once")
    void redelivery() {
      List<WebhookRequest> delivered = deliveredCallbacks();
      int afterCall = received.size();
      for (WebhookRequest request : delivered) {
        for (int i = 0; i < 9; i++) {
          WebhookResult again = client.handleWebhook(request);
          assertEquals(200, again.response().status(), () -> "for " + request);
          assertTrue(again.events().isEmpty(), () -> "a repeat yielded events: " + again);
        }
      }
      assertEquals(afterCall, received.size(), () -> "events after the call: " + received);
    }

    @Test
    @DisplayName(
        "[HOOK-03] A delivered webhook re-sent in any disguise yields no event, or is refused")
    void disguisedRedelivery() {
      List<WebhookRequest> delivered = deliveredCallbacks();
      int afterCall = received.size();
      String basePath =
          WebhookSigner.fromConfig(target.config()).orElseThrow().baseUrl().getRawPath();
      for (WebhookRequest request : delivered) {
        for (CallbackDisguises.Disguise disguise : CallbackDisguises.of(request, basePath)) {
          WebhookResult result = client.handleWebhook(disguise.request());
          int status = result.response().status();
          assertTrue(
              status == 200 || status == 403 || status == 405,
              () -> disguise.name() + " was answered " + status);
          assertTrue(result.events().isEmpty(), () -> disguise.name() + " yielded " + result);
        }
      }
      assertEquals(afterCall, received.size(), () -> "events after the call: " + received);
    }
  }

  @Nested
  @DisplayName("Errors")
  class Errors {
    @Test
    @DisplayName(
        "[ERR-01] Flows outside the vendor's limits are refused with the field named, before any request")
    void vendorLimits() {
      List<CallFlow> flows = target.flowsOutsideVendorLimits();
      assumeTrue(!flows.isEmpty(), "the target lists no flow outside its vendor's limits");
      int before = target.vendorRequests();
      for (CallFlow flow : flows) {
        InvalidInputException e =
            assertThrows(
                InvalidInputException.class, () -> client.placeCall(target.requestFor(flow)));
        assertFalse(e.violations().isEmpty());
        assertFalse(e.field().isBlank());
      }
      assertEquals(before, target.vendorRequests());
    }
  }

  @Nested
  @DisplayName("Secrets")
  class Secrets {
    @Test
    @DisplayName("[SEC-01] Credentials never appear in toString() or in error messages")
    void noLeaks() {
      Set<String> secretKeys = new TreeSet<>(List.of(SwitchboardConfig.WEBHOOK_SECRET));
      target.provider().configKeys().stream()
          .filter(ConfigKey::secret)
          .map(ConfigKey::name)
          .forEach(secretKeys::add);
      SwitchboardConfig config = target.config();
      for (String key : secretKeys) {
        config = config.with(key, CANARY + "-" + key);
      }
      List<String> shown = new ArrayList<>();
      shown.add(config.toString());
      try (VoiceClient canaryClient = connect(config, event -> {})) {
        shown.add(canaryClient.toString());
        shown.add(target.provider().toString());
        for (CallFlow flow : target.flowsOutsideVendorLimits()) {
          try {
            canaryClient.placeCall(target.requestFor(flow));
          } catch (RuntimeException e) {
            shown.add(String.valueOf(e.getMessage()));
          }
        }
      } catch (RuntimeException e) {
        shown.add(String.valueOf(e.getMessage()));
      }
      for (String text : shown) {
        assertFalse(text.contains(CANARY), () -> "a credential leaked: " + text);
      }
    }
  }
}
