package dev.switchboard.voxtelesys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.AuthenticationException;
import dev.switchboard.Call;
import dev.switchboard.CallStatus;
import dev.switchboard.InvalidInputException;
import dev.switchboard.LiveConference;
import dev.switchboard.Participant;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.UnsupportedCapabilityException;
import dev.switchboard.VoiceClient;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.CallEvent;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.GatherInput;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.Say;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.Observation;
import dev.switchboard.testkit.ReferenceInterpreter;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.junit.SimulatedVendor;
import dev.switchboard.testkit.junit.SimulatedVoice;
import dev.switchboard.testkit.simulator.VoxtelesysSimulator;
import dev.switchboard.testkit.simulator.WireExchange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The provider end to end over loopback HTTP: simulator, webhook server, client. */
@SimulatedVendor("voxtelesys")
class VoxtelesysClientTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SimulatedVoice voice;
  private VoxtelesysSimulator simulator;
  private final List<CallEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start(SimulatedVoice voice) {
    this.voice = voice;
    this.simulator = voice.simulator(VoxtelesysSimulator.class);
  }

  /** The client built as {@code customize} says, its events recorded here. */
  private VoiceClient connect(UnaryOperator<Switchboard.Builder> customize) {
    return voice.connect(builder -> customize.apply(builder).onEvent(this::record));
  }

  private VoiceClient connect() {
    return connect(UnaryOperator.identity());
  }

  private Call place(VoiceClient client, CallFlow flow) {
    return client.placeCall("+15550001111", "+15556667777", flow);
  }

  private void record(CallEvent event) {
    synchronized (events) {
      events.add(event);
      events.notifyAll();
    }
  }

  private CallEnded awaitEnded(String callId) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    synchronized (events) {
      while (System.nanoTime() < deadline) {
        for (CallEvent event : events) {
          if (event instanceof CallEnded ended && ended.callId().equals(callId)) {
            return ended;
          }
        }
        try {
          events.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new AssertionError("no CallEnded for " + callId + "; events: " + events);
  }

  @Nested
  @DisplayName("Calls")
  class Calls {
    @Test
    @DisplayName(
        "A placed call runs its flow, reports its input and its end, and is then listed as completed")
    void placed() {
      VoiceClient client = connect();
      simulator.scriptNextCall(Callee.builder().presses("4").build());
      CallFlow flow = CallFlow.of(Gather.builder().say("Press a key.").build(), Say.of("Bye."));
      Call call = place(client, flow);
      assertThat(simulator.awaitTranscript(call.id(), WAIT))
          .isEqualTo(ReferenceInterpreter.run(flow, Callee.builder().presses("4").build()));
      CallEnded ended = awaitEnded(call.id());
      assertThat(ended.status()).isEqualTo(CallStatus.COMPLETED);
      assertThat(ended.duration()).isPresent();
      assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(DigitsGathered.class));
      assertThat(client.getCall(call.id()).status()).isEqualTo(CallStatus.COMPLETED);
      assertThat(client.listCalls()).extracting(Call::id).contains(call.id());
    }

    @Test
    @DisplayName(
        "A live call can be given a new flow from an event, and runs it instead of the rest")
    void modifyLive() {
      AtomicReference<String> callId = new AtomicReference<>();
      VoiceClient client =
          connect(
              builder ->
                  builder.onEvent(
                      e -> {
                        if (e instanceof DigitsGathered) {
                          voice.client().modifyCall(callId.get(), CallFlow.of(Say.of("Changed.")));
                        }
                      }));
      simulator.scriptNextCall(Callee.builder().presses("1").build());
      Call call = place(client, CallFlow.of(Gather.builder().build(), Say.of("Original.")));
      callId.set(call.id());
      Transcript transcript = simulator.awaitTranscript(call.id(), WAIT);
      assertThat(transcript.observations())
          .contains(new Observation.Said("Changed.", "en-US", "female"))
          .doesNotContain(new Observation.Said("Original.", "en-US", "female"));
    }

    @Test
    @DisplayName("A live call can be hung up from an event")
    void hangupLive() {
      AtomicReference<String> callId = new AtomicReference<>();
      VoiceClient client =
          connect(
              builder ->
                  builder.onEvent(
                      e -> {
                        if (e instanceof DigitsGathered) {
                          voice.client().hangup(callId.get());
                        }
                      }));
      Call call = place(client, CallFlow.of(Gather.builder().build(), Say.of("Never heard.")));
      callId.set(call.id());
      assertThat(simulator.awaitTranscript(call.id(), WAIT).observations())
          .doesNotContain(new Observation.Said("Never heard.", "en-US", "female"));
      awaitEnded(call.id());
    }

    @Test
    @DisplayName("A French speech menu is listened to in French, with its speech timeout")
    void frenchSpeechMenu() {
      VoiceClient client = connect();
      Callee callee = Callee.builder().says("oui").build();
      simulator.scriptNextCall(callee);
      CallFlow flow =
          CallFlow.of(
              Gather.builder()
                  .input(GatherInput.SPEECH)
                  .language("fr-FR")
                  .speechTimeout(10)
                  .prompt(Say.builder("Dites oui ou non.").language("fr-FR").build())
                  .branch("oui", Say.builder("Merci.").language("fr-FR").build())
                  .build());
      Call call = place(client, flow);
      assertThat(simulator.awaitTranscript(call.id(), WAIT))
          .isEqualTo(ReferenceInterpreter.run(flow, callee));
      assertThat(simulator.speechGathers(call.id()))
          .containsExactly(new VoxtelesysSimulator.SpeechGather("fr-FR", 10));
    }

    @Test
    @DisplayName("A Voxtelesys server error names the error_id the vendor asks to be quoted")
    void serverErrorId() {
      VoiceClient client = connect();
      simulator.failNext("GET", "/calls", 500, 1);
      assertThatThrownBy(() -> client.listCalls().toList())
          .isInstanceOfSatisfying(
              ProviderUnavailableException.class,
              e -> {
                String errorId =
                    JSON.readTree(simulator.wireLog().get(0).responseBody())
                        .get("error_id")
                        .asString();
                assertThat(e.vendorCode()).hasValue("6100");
                assertThat(e.getMessage()).contains("error_id " + errorId);
              });
    }

    @Test
    @DisplayName("A busy callee ends the call as busy")
    void busy() {
      VoiceClient client = connect();
      simulator.scriptNextCall(Callee.builder().pickup(Callee.Pickup.BUSY).build());
      Call call = place(client, CallFlow.of(Say.of("Hi")));
      assertThat(awaitEnded(call.id()).status()).isEqualTo(CallStatus.BUSY);
    }
  }

  @Nested
  @DisplayName("Refused before sending")
  class Refused {
    @Test
    @DisplayName(
        "Out-of-range attributes, unsupported verbs and a missing caller number never reach the vendor")
    void refused() {
      VoiceClient client = connect();
      assertThatThrownBy(() -> place(client, CallFlow.of(Pause.of(61))))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("verbs[0].pause.seconds"));
      assertThatThrownBy(() -> place(client, CallFlow.of(Gather.builder().timeout(90).build())))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> place(client, CallFlow.of(Record.of(30))))
          .isInstanceOf(UnsupportedCapabilityException.class)
          .hasMessageContaining("verbs[0] record");
      assertThatThrownBy(
              () ->
                  client.placeCall(
                      dev.switchboard.CallRequest.builder()
                          .to("+15556667777")
                          .flow(CallFlow.of(Say.of("Hi")))
                          .build()))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("call.from"));
      assertThatThrownBy(
              () -> client.placeCall("+15550001111", "5556667777", CallFlow.of(Say.of("Hi"))))
          .isInstanceOf(InvalidInputException.class);
      assertThat(simulator.requestCount()).isZero();
    }

    @Test
    @DisplayName("A wrong API key is an authentication error that does not show the key")
    void wrongKey() {
      VoiceClient client =
          connect(
              builder ->
                  builder.config(
                      voice
                          .config()
                          .withOverrides(
                              SwitchboardConfig.of(
                                  Map.of(VoxtelesysProvider.API_KEY, "wrong-key-canary")))));
      assertThatThrownBy(() -> place(client, CallFlow.of(Say.of("Hi"))))
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> {
                assertThat(e.vendorCode()).hasValue("401");
                assertThat(e.getMessage()).doesNotContain("wrong-key-canary");
              });
    }
  }

  @Nested
  @DisplayName("Incoming calls")
  class Incoming {
    @Test
    @DisplayName(
        "An incoming call is answered with the application's flow, and reported as an event")
    void answered() {
      CallFlow flow =
          CallFlow.of(Say.of("Thanks for calling."), Gather.builder().say("Press 1.").build());
      VoiceClient client = connect(builder -> builder.onIncomingCall(call -> flow));
      Callee caller = Callee.builder().presses("1").build();
      Transcript transcript =
          simulator.incomingCall(client.incomingCallUrl(), "15556668888", "15556667777", caller);
      assertThat(transcript).isEqualTo(ReferenceInterpreter.run(flow, caller));
      assertThat(events)
          .anySatisfy(
              e ->
                  assertThat(e)
                      .isInstanceOfSatisfying(
                          IncomingCall.class, c -> assertThat(c.from()).isEqualTo("+15556668888")));
    }

    @Test
    @DisplayName("Without an incoming-call handler, or with a rejecting flow, the call is rejected")
    void rejected() {
      VoiceClient client = connect();
      assertThat(
              simulator
                  .incomingCall(
                      client.incomingCallUrl(), "15556668888", "15556667777", Callee.answering())
                  .observations())
          .containsExactly(new Observation.Rejected());
    }

    @Test
    @DisplayName("A request to the incoming URL without the signature is refused with 403")
    void unsigned() throws Exception {
      connect();
      Request request =
          new Request.Builder()
              .url(voice.webhookBaseUrl() + "/voxtelesys/incoming")
              .post(
                  RequestBody.create(
                      "{\"type\":\"api\",\"event\":\"incoming_call\"}",
                      MediaType.get("application/json")))
              .build();
      try (Response response = new OkHttpClient().newCall(request).execute()) {
        assertThat(response.code()).isEqualTo(403);
      }
      assertThat(events).isEmpty();
    }
  }

  @Nested
  @DisplayName("A signed URL speaks only for its own request and call")
  class Binding {
    private dev.switchboard.webhook.WebhookRequest post(java.net.URI url, String json) {
      return dev.switchboard.webhook.WebhookRequest.builder()
          .uri(url.getRawPath() + "?" + url.getRawQuery())
          .body("application/json", json)
          .build();
    }

    @Test
    @DisplayName("A placed call's callback URL cannot report another call once the call is known")
    void placedCallBound() {
      VoiceClient client = connect();
      simulator.scriptNextCall(Callee.builder().presses("1").build());
      Call call = place(client, CallFlow.of(Gather.builder().build()));
      simulator.awaitTranscript(call.id(), WAIT);
      String body =
          simulator.wireLog().stream()
              .filter(w -> w.method().equals("POST") && w.uri().getPath().equals("/calls"))
              .findFirst()
              .orElseThrow()
              .requestBody();
      String voxXml =
          tools.jackson.databind.json.JsonMapper.builder()
              .build()
              .readTree(body)
              .get("voxXML")
              .asString();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("statusCallback=\"([^\"]+)\"").matcher(voxXml);
      assertThat(m.find()).as(voxXml).isTrue();
      java.net.URI url = java.net.URI.create(m.group(1).replace("&amp;", "&"));
      String forged =
          "{\"type\":\"gather\",\"event\":\"complete_input\",\"call_id\":\"someone-else\",\"complete_input\":\"9\",\"input_method\":\"dtmf\"}";
      assertThat(client.handleWebhook(post(url, forged)).response().status()).isEqualTo(403);
    }
  }

  @Test
  @DisplayName("Conferences and participants can be listed, muted, removed and ended")
  void conferenceControl() {
    VoiceClient client = connect();
    String id = simulator.openConference("room9", "alice", "bob");
    assertThat(client.conferences().list())
        .anySatisfy(
            c -> assertThat(c).isEqualTo(new LiveConference(id, "voxtelesys", "room9", true)));
    List<Participant> participants = client.conferences().participants(id);
    assertThat(participants)
        .extracting(Participant::label)
        .containsExactlyInAnyOrder("alice", "bob");
    Participant alice =
        participants.stream().filter(p -> p.label().equals("alice")).findFirst().orElseThrow();
    client.conferences().mute(id, alice.id(), true);
    assertThat(simulator.wireLog())
        .filteredOn(
            w -> w.direction() == WireExchange.Direction.TO_VENDOR && w.method().equals("POST"))
        .last()
        .satisfies(
            w -> assertThat(w.requestBody()).contains("SetMute").contains("muted=\\\"true\\\""));
    client.conferences().remove(id, alice.id());
    assertThat(client.conferences().participants(id))
        .extracting(Participant::label)
        .containsExactly("bob");
    client.conferences().end(id);
    assertThat(client.conferences().list())
        .filteredOn(c -> c.id().equals(id))
        .singleElement()
        .satisfies(c -> assertThat(c.active()).isFalse());
  }
}
