package dev.switchboard.xoxzo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.CallNotFoundException;
import dev.switchboard.InvalidInputException;
import dev.switchboard.NumberOffer;
import dev.switchboard.NumberSubscription;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.testkit.simulator.WireExchange;
import dev.switchboard.testkit.simulator.XoxzoSimulator;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** DIN management through {@code VoiceClient.numbers()}, over real HTTP against the simulator. */
class XoxzoNumbersTest {
  private static final URI ACTION = URI.create("https://app.example/xoxzo/incoming?sb_call=x");

  private XoxzoSimulator simulator;
  private VoiceClient voice;

  @BeforeEach
  void start() {
    simulator = new XoxzoSimulator(XoxzoConformanceTest.SID, XoxzoConformanceTest.TOKEN);
    simulator.start();
    voice =
        Switchboard.builder()
            .provider(XoxzoProvider.ID)
            .config(
                SwitchboardConfig.of(
                    Map.of(
                        XoxzoProvider.SID, XoxzoConformanceTest.SID,
                        XoxzoProvider.AUTH_TOKEN, XoxzoConformanceTest.TOKEN,
                        XoxzoProvider.BASE_URL, simulator.baseUrl().toString())))
            .build();
  }

  @AfterEach
  void stop() {
    voice.close();
    simulator.close();
  }

  private List<String> requests() {
    return simulator.wireLog().stream()
        .filter(w -> w.direction() == WireExchange.Direction.TO_VENDOR)
        .map(w -> w.method() + " " + w.uri().getRawPath() + queryOf(w))
        .toList();
  }

  private static String queryOf(WireExchange exchange) {
    return exchange.uri().getRawQuery() == null ? "" : "?" + exchange.uri().getRawQuery();
  }

  @Test
  @DisplayName("The DINs on offer are listed everywhere or in one country, with GET /voice/dins/")
  void available() {
    List<NumberOffer> everywhere = voice.numbers().available("");
    List<NumberOffer> japan = voice.numbers().available("jp");
    assertThat(japan).isNotEmpty().allSatisfy(o -> assertThat(o.country()).isEqualTo("JP"));
    assertThat(everywhere).containsAll(japan).hasSizeGreaterThan(japan.size());
    assertThat(japan)
        .allSatisfy(
            o -> {
              assertThat(o.providerId()).isEqualTo(XoxzoProvider.ID);
              assertThat(o.id()).isNotBlank();
              assertThat(o.number().e164()).startsWith("+81");
            });
    assertThat(requests()).containsExactly("GET /voice/dins/", "GET /voice/dins/?country=JP");
  }

  @Test
  @DisplayName("A country that is no ISO 3166 alpha-2 code is refused, named, before sending")
  void badCountry() {
    for (String country : List.of("JPN", "j", "1A", " JP")) {
      assertThatThrownBy(() -> voice.numbers().available(country))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("country"));
    }
    assertThat(simulator.requestCount()).isZero();
  }

  @Test
  @DisplayName(
      "A DIN is rented once, routed to the application, listed with its URL, and given back")
  void lifecycle() {
    NumberOffer offer = voice.numbers().available("JP").get(0);
    NumberSubscription rented = voice.numbers().subscribe(offer.id());
    assertThat(rented)
        .isEqualTo(
            new NumberSubscription(offer.id(), XoxzoProvider.ID, offer.number(), Optional.empty()));
    assertThat(voice.numbers().available("JP")).doesNotContain(offer);

    voice.numbers().route(rented.id(), ACTION);
    assertThat(voice.numbers().subscriptions())
        .containsExactly(
            new NumberSubscription(
                offer.id(), XoxzoProvider.ID, offer.number(), Optional.of(ACTION)));

    voice.numbers().unsubscribe(rented.id());
    assertThat(voice.numbers().subscriptions()).isEmpty();
    assertThat(requests())
        .filteredOn(r -> !r.startsWith("GET"))
        .containsExactly(
            "POST /voice/dins/subscriptions/",
            "POST /voice/dins/subscriptions/" + offer.id() + "/",
            "DELETE /voice/dins/subscriptions/" + offer.id() + "/");
  }

  @Test
  @DisplayName(
      "Xoxzo's refusals come back typed: a DIN not on offer is invalid input, an unrented one"
          + " not found")
  void refusals() {
    assertThatThrownBy(() -> voice.numbers().subscribe("no-such-din"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("din_uid"));
    assertThatThrownBy(() -> voice.numbers().route("no-such-din", ACTION))
        .isInstanceOf(CallNotFoundException.class);
    assertThatThrownBy(() -> voice.numbers().unsubscribe("no-such-din"))
        .isInstanceOf(CallNotFoundException.class);
  }

  @Test
  @DisplayName("A subscription id that would change the request's path is refused before sending")
  void pathChangingId() {
    assertThatThrownBy(() -> voice.numbers().unsubscribe("../../calls/x"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("subscriptionId"));
    assertThat(requests()).isEmpty();
  }
}
