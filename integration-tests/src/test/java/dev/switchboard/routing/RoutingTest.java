package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Call;
import dev.switchboard.CallMayExistException;
import dev.switchboard.CallNotFoundException;
import dev.switchboard.ConfigurationException;
import dev.switchboard.FlowVerdict;
import dev.switchboard.NoRouteException;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.event.CallEnded;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.GatherInput;
import dev.switchboard.flow.Say;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.EventLog;
import dev.switchboard.testkit.faults.Fault;
import dev.switchboard.testkit.faults.FaultyVendor;
import dev.switchboard.voxtelesys.VoxtelesysProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A client with several providers, over the three vendors' simulators on loopback. */
class RoutingTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final CallFlow REMINDER = CallFlow.of(Say.of("Your table is ready."));

  /** Hoiio has no Pause; Voxtelesys has. */
  private static final CallFlow PAUSED =
      CallFlow.builder().say("One moment.").pause(1).say("Thank you.").build();

  private Vendors vendors;
  private final EventLog events = new EventLog();

  @BeforeEach
  void start() throws Exception {
    vendors = new Vendors();
  }

  @AfterEach
  void stop() {
    vendors.close();
  }

  private VoiceClient connect(SwitchboardConfig config) {
    return vendors.connect(Switchboard.builder().config(config).onEvent(events));
  }

  private static Call place(VoiceClient client, CallFlow flow) {
    return client.placeCall("+6561234567", "+6569876543", flow);
  }

  /** A port on loopback where nothing listens. */
  private static URI refusing() throws Exception {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return URI.create("http://127.0.0.1:" + probe.getLocalPort());
    }
  }

  @Test
  @DisplayName("A flow only Voxtelesys can run goes to Voxtelesys from hoiio,voxtelesys")
  void onlyTheCapable() {
    VoiceClient client = connect(vendors.config("hoiio,voxtelesys"));
    assertThat(client.verdicts(PAUSED))
        .extracting(FlowVerdict::providerId, FlowVerdict::ok)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("hoiio", false),
            org.assertj.core.groups.Tuple.tuple("voxtelesys", true));
    Call call = place(client, PAUSED);
    assertThat(call.providerId()).isEqualTo("voxtelesys");
    assertThat(vendors.simulator("hoiio").requestCount()).isZero();
    assertThat(vendors.created("voxtelesys")).isEqualTo(1);
  }

  @Test
  @DisplayName("A one-message reminder goes to the first listed provider")
  void firstListed() {
    VoiceClient client = connect(vendors.config("hoiio,voxtelesys"));
    Call call = place(client, REMINDER);
    assertThat(call.providerId()).isEqualTo("hoiio");
    assertThat(vendors.created("hoiio")).isEqualTo(1);
    assertThat(vendors.created("voxtelesys")).isZero();
  }

  @Test
  @DisplayName("A vendor refusing the connection fails over, and one call is created in all")
  void refusedFailsOver() throws Exception {
    VoiceClient client =
        connect(vendors.config("hoiio,voxtelesys", Map.of("hoiio", refusing()), Map.of()));
    Call call = place(client, REMINDER);
    assertThat(call.providerId()).isEqualTo("voxtelesys");
    assertThat(vendors.created()).isEqualTo(1);
  }

  @Test
  @DisplayName("A time-out after the create was sent is not failed over: the call may exist")
  void timeoutStays() throws Exception {
    try (FaultyVendor silent = FaultyVendor.start()) {
      silent.fault(Fault.NO_ANSWER);
      VoiceClient client =
          connect(
              vendors.config(
                  "hoiio,voxtelesys",
                  Map.of("hoiio", silent.url("")),
                  Map.of("switchboard.hoiio.timeout-ms", "500")));
      assertThatThrownBy(() -> place(client, REMINDER))
          .isInstanceOf(CallMayExistException.class)
          .hasMessageContaining("the call may exist");
      assertThat(silent.requests()).hasSize(1);
      assertThat(vendors.simulator("voxtelesys").requestCount()).isZero();
    }
  }

  @Test
  @DisplayName("Live operations go to the provider that placed the call")
  void liveOperationsFollowTheCall() {
    VoiceClient client = connect(vendors.config("hoiio,voxtelesys"));
    Call onHoiio = place(client, REMINDER);
    Call onVoxtelesys = place(client, PAUSED);
    assertThat(client.getCall(onHoiio.id()).providerId()).isEqualTo("hoiio");
    assertThat(client.getCall(onVoxtelesys.id()).providerId()).isEqualTo("voxtelesys");
    assertThatThrownBy(() -> client.getCall("never-placed"))
        .isInstanceOf(CallNotFoundException.class)
        .hasMessageContaining("never-placed");
  }

  @Test
  @DisplayName("One webhook endpoint serves every provider, and events name theirs")
  void oneEndpoint() {
    VoiceClient client = connect(vendors.config("hoiio,voxtelesys"));
    CallFlow menu =
        CallFlow.of(
            Gather.builder()
                .say("Press a key.")
                .branch("1", Say.of("One."))
                .branch("2", Say.of("Two."))
                .build());
    CallFlow speechMenu =
        CallFlow.of(
            Gather.builder()
                .say("Press a key or speak.")
                .input(GatherInput.DTMF, GatherInput.SPEECH)
                .branch("2", Say.of("Two."))
                .build());
    vendors.simulator("hoiio").scriptNextCall(Callee.builder().presses("1").build());
    vendors.simulator("voxtelesys").scriptNextCall(Callee.builder().presses("2").build());
    Call onHoiio = place(client, menu);
    Call onVoxtelesys = place(client, speechMenu);
    assertThat(onHoiio.providerId()).isEqualTo("hoiio");
    assertThat(onVoxtelesys.providerId()).isEqualTo("voxtelesys");
    for (Call call : new Call[] {onHoiio, onVoxtelesys}) {
      DigitsGathered digits =
          (DigitsGathered)
              events.await(
                  e -> e instanceof DigitsGathered d && d.callId().equals(call.id()), WAIT);
      assertThat(digits.providerId()).isEqualTo(call.providerId());
      CallEnded end = events.awaitEnd(call.id(), WAIT);
      assertThat(end.providerId()).isEqualTo(call.providerId());
    }
  }

  @Test
  @DisplayName("A flow no listed provider can run is refused with every provider's reasons")
  void noRoute() {
    VoiceClient client = connect(vendors.config("hoiio,xoxzo"));
    CallFlow speech =
        CallFlow.of(
            Gather.builder()
                .say("Say yes.")
                .input(GatherInput.SPEECH)
                .branch("yes", Say.of("Good."))
                .build());
    assertThatThrownBy(() -> client.check(speech))
        .isInstanceOfSatisfying(
            NoRouteException.class,
            e ->
                assertThat(e.verdicts())
                    .extracting(FlowVerdict::providerId)
                    .containsExactly("hoiio", "xoxzo"));
    assertThatThrownBy(() -> place(client, speech))
        .isInstanceOf(NoRouteException.class)
        .hasMessageContaining("hoiio (")
        .hasMessageContaining("xoxzo (");
    assertThat(vendors.simulator("hoiio").requestCount()).isZero();
    assertThat(vendors.simulator("xoxzo").requestCount()).isZero();
  }

  @Test
  @DisplayName("Every listed provider's missing keys are reported at once")
  void configurationAsAWhole() {
    SwitchboardConfig config =
        SwitchboardConfig.of(Map.of(SwitchboardConfig.PROVIDER, "hoiio,voxtelesys,xoxzo"));
    assertThatThrownBy(() -> Switchboard.builder().config(config).build())
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(String.join("\n", e.problems()))
                    .contains(
                        "switchboard.hoiio.app-id",
                        "switchboard.voxtelesys.api-key",
                        "switchboard.xoxzo.sid"));
  }

  @Test
  @DisplayName("A provider that fails to connect is named, and the others still work")
  void brokenProviderLeftOut() {
    VoiceClient client =
        vendors.connect(
            Switchboard.builder()
                .providers(new BrokenProvider(), new VoxtelesysProvider())
                .config(vendors.config("voxtelesys")));
    assertThat(client.providerIds()).containsExactly("voxtelesys");
    assertThat(client.unavailableProviders()).containsOnlyKeys(BrokenProvider.ID);
    assertThat(place(client, REMINDER).providerId()).isEqualTo("voxtelesys");
  }
}
