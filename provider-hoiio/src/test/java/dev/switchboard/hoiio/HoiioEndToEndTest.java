package dev.switchboard.hoiio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Call;
import dev.switchboard.CallNotFoundException;
import dev.switchboard.CallStatus;
import dev.switchboard.PhoneNumber;
import dev.switchboard.Switchboard;
import dev.switchboard.VoiceClient;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.RecordingReady;
import dev.switchboard.event.TransferFinished;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Say;
import dev.switchboard.hoiio.internal.InMemoryCallStateStore;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.Observation.JoinedConference;
import dev.switchboard.testkit.ReferenceInterpreter;
import dev.switchboard.testkit.SeedFlows;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.junit.SimulatedVendor;
import dev.switchboard.testkit.junit.SimulatedVoice;
import dev.switchboard.testkit.simulator.HoiioSimulator;
import dev.switchboard.webhook.WebhookRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Simulator → notification → runner → next block, over real loopback HTTP. */
@SimulatedVendor("hoiio")
class HoiioEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private SimulatedVoice voice;
  private HoiioSimulator simulator;
  private final List<CallEvent> events = new CopyOnWriteArrayList<>();
  private final InMemoryCallStateStore store = new InMemoryCallStateStore();

  /** What the application does with a notification before Switchboard handles it. */
  private final AtomicReference<Consumer<WebhookRequest>> beforeHandling =
      new AtomicReference<>(request -> {});

  @BeforeEach
  void start(SimulatedVoice voice) {
    this.voice = voice;
    this.simulator = voice.simulator(HoiioSimulator.class);
    voice.beforeWebhook(request -> beforeHandling.get().accept(request));
    voice.connect(this::withStore);
  }

  /** The provider keeping its calls in {@link #store}, which tests look into. */
  private Switchboard.Builder withStore(Switchboard.Builder builder) {
    return builder.provider(new HoiioProvider(() -> Optional.of(store))).onEvent(events::add);
  }

  private Transcript run(CallFlow flow, Callee callee) {
    simulator.scriptNextCall(callee);
    Call call = voice.client().placeCall("+6560000000", "+6561234567", flow);
    return simulator.awaitTranscript(call.id(), WAIT);
  }

  @Test
  @DisplayName(
      "The voicemail example records the caller and reports the recording and the call's end")
  void voicemail() {
    Transcript transcript = run(SeedFlows.voicemail(), Callee.answering());
    assertThat(transcript.normalized())
        .isEqualTo(
            ReferenceInterpreter.run(SeedFlows.voicemail(), Callee.answering()).normalized());
    assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(RecordingReady.class));
    assertThat(events)
        .anySatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        CallEnded.class,
                        ended -> assertThat(ended.status()).isEqualTo(CallStatus.COMPLETED)));
  }

  @Test
  @DisplayName("An IVR menu takes the branch the caller keys in, gathering again inside it")
  void menu() {
    Gather pin =
        Gather.builder().numDigits(4).say("Your PIN?").branch("1111", Say.of("Welcome.")).build();
    CallFlow flow =
        CallFlow.of(
            Say.of("Hello."),
            Gather.builder()
                .say("Press 1 for sales, 2 for your account.")
                .attempts(2)
                .branch("1", Say.of("Sales is closed."))
                .branch("2", pin, Say.of("Wrong PIN."))
                .build(),
            Say.of("Goodbye."));
    for (Callee callee :
        List.of(
            Callee.builder().presses("2").presses("1111").build(),
            Callee.builder().presses("2").presses("1234").build(),
            Callee.builder().presses("1").build(),
            Callee.answering(),
            Callee.builder().presses("2").hangUpAfter(4).build())) {
      assertThat(run(flow, callee))
          .as(callee.toString())
          .isEqualTo(ReferenceInterpreter.run(flow, callee));
    }
  }

  @Test
  @DisplayName(
      "An incoming call is answered with the application's flow; without one it is rejected")
  void incoming() {
    CallFlow flow =
        CallFlow.of(Say.of("Thanks for calling."), Gather.builder().say("Press 1.").build());
    VoiceClient answering =
        voice.connect(builder -> withStore(builder).onIncomingCall(call -> flow));
    Callee caller = Callee.builder().presses("1").build();
    Transcript transcript =
        simulator.incomingCall(answering.incomingCallUrl(), "+6568888888", "+6561234567", caller);
    assertThat(transcript).isEqualTo(ReferenceInterpreter.run(flow, caller));
    assertThat(events)
        .anySatisfy(e -> assertThat(e).isInstanceOf(dev.switchboard.event.IncomingCall.class));
    VoiceClient previous = voice.connect(this::withStore);
    assertThat(
            simulator
                .incomingCall(
                    previous.incomingCallUrl(), "+6568888888", "+6561234567", Callee.answering())
                .observations())
        .containsExactly(new dev.switchboard.testkit.Observation.Rejected());
  }

  @Test
  @DisplayName(
      "Hoiio assigns room ids: the first caller to a neutral room creates it, the next joins the"
          + " same vendor room, and another name gets another room")
  void rooms() {
    Transcript first = run(CallFlow.of(Conference.room("sales")), Callee.answering());
    Transcript second = run(CallFlow.of(Conference.room("sales")), Callee.answering());
    Transcript other = run(CallFlow.of(Conference.room("support")), Callee.answering());
    assertThat(first.observations()).contains(new JoinedConference("R-1"));
    assertThat(second.observations()).contains(new JoinedConference("R-1"));
    assertThat(other.observations()).contains(new JoinedConference("R-2"));
    assertThat(events)
        .filteredOn(TransferFinished.class::isInstance)
        .extracting(e -> ((TransferFinished) e).target())
        .containsExactly("sales", "sales", "support");
  }

  @Test
  @DisplayName(
      "Hold puts the call on hold when the block playing ends, Unhold takes it off, and the flow"
          + " goes on where it was")
  void holdAndUnhold() {
    CallFlow flow =
        CallFlow.of(
            Say.of("Hello."),
            Gather.builder().say("Press 1.").branch("1", Say.of("One.")).build(),
            Say.of("Other."));
    Callee callee = Callee.builder().presses("1").build();
    simulator.scriptNextCall(callee);
    // Asked while the gather plays, as an application would: Hold goes in after it. (By the
    // gather's notification the runner knows the session from the Dial's.)
    beforeHandling.set(
        dial ->
            beforeHandling.set(
                gather -> {
                  beforeHandling.set(next -> {});
                  voice.client().hold(gather.query().get("session").get(0));
                }));
    Call call = voice.client().placeCall("+6560000000", "+6561234567", flow);
    simulator.awaitOnHold(call.id(), WAIT);
    voice.client().unhold(call.id());
    assertThat(simulator.awaitTranscript(call.id(), WAIT))
        .isEqualTo(ReferenceInterpreter.run(flow, callee));
    assertThat(simulator.wireLog())
        .extracting(w -> w.uri().getPath())
        .containsSubsequence("/open/ivr/middle/hold", "/open/ivr/middle/unhold")
        .filteredOn(path -> path.endsWith("/hold"))
        .hasSize(1);
    assertThat(events).filteredOn(CallEnded.class::isInstance).hasSize(1);
    assertThat(store.size()).isZero();
  }

  @Test
  @DisplayName(
      "A call's status comes from Hoiio's status query with the Dial's txn_ref, after the call as"
          + " well; an id this client never saw is not found")
  void callStatus() {
    CallFlow flow = CallFlow.of(Say.of("Hello."));
    run(flow, Callee.answering());
    String answered = lastCallId();
    simulator.scriptNextCall(Callee.builder().pickup(Callee.Pickup.BUSY).build());
    Call busy = voice.client().placeCall("+6560000000", "+6561234567", flow);
    simulator.awaitTranscript(busy.id(), WAIT);
    assertThat(voice.client().getCall(answered).status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(voice.client().getCall(busy.id()))
        .satisfies(
            call -> {
              assertThat(call.status()).isEqualTo(CallStatus.BUSY);
              assertThat(call.to()).hasValue(PhoneNumber.of("+6561234567"));
            });
    assertThatThrownBy(() -> voice.client().getCall("S-999"))
        .isInstanceOf(CallNotFoundException.class);
  }

  private String lastCallId() {
    return events.stream()
        .filter(CallEnded.class::isInstance)
        .reduce((first, second) -> second)
        .orElseThrow()
        .callId();
  }

  @Test
  @DisplayName("1,000 concurrent calls run to completion without errors, and leave no state behind")
  void thousandCalls() throws Exception {
    CallFlow flow =
        CallFlow.of(
            Say.of("Hello."),
            Gather.builder().say("Press 1.").branch("1", Say.of("One.")).build(),
            Say.of("Other."));
    int calls = 1000;
    // The simulator takes a scripted callee when a call starts running, in whatever order the
    // calls start; one callee for all keeps every transcript predictable.
    Callee callee = Callee.builder().presses("1").build();
    Transcript expected = ReferenceInterpreter.run(flow, callee);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<String>> placed = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      simulator.scriptNextCall(callee);
      placed.add(
          pool.submit(() -> voice.client().placeCall("+6560000000", "+6561234567", flow).id()));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> id : placed) {
      ids.add(id.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    for (String id : ids) {
      assertThat(simulator.awaitTranscript(id, WAIT)).isEqualTo(expected);
    }
    // A transcript is finished only after the call's last notification was answered, so by now
    // the runner has forgotten every call.
    assertThat(store.size()).as("calls still held by the runner").isZero();
    assertThat(events.stream().filter(e -> e instanceof CallEnded).count()).isEqualTo(calls);
  }
}
