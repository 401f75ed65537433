package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.event.CallEvent;
import dev.switchboard.event.DigitsGathered;
import dev.switchboard.event.IncomingCall;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Pause;
import dev.switchboard.flow.Say;
import dev.switchboard.state.CallbackSubject;
import dev.switchboard.state.InMemoryStateStore;
import dev.switchboard.state.StateStore;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.Versioned;
import dev.switchboard.testing.FailingProvider;
import dev.switchboard.testing.RecordingProvider;
import dev.switchboard.webhook.WebhookContext;
import dev.switchboard.webhook.WebhookRequest;
import dev.switchboard.webhook.WebhookResponse;
import dev.switchboard.webhook.WebhookResult;
import dev.switchboard.webhook.WebhookSigner;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("VoiceClient.handleWebhook")
class VoiceClientWebhookTest {
  private static final String SECRET = "a-secret-of-16-chars-or-more";
  private static final SwitchboardConfig CONFIG =
      SwitchboardConfig.of(
          Map.of(
              RecordingProvider.TOKEN_KEY, "t",
              SwitchboardConfig.WEBHOOK_BASE_URL, "http://127.0.0.1:8080/hooks",
              SwitchboardConfig.WEBHOOK_SECRET, SECRET));

  private final WebhookSigner signer = WebhookSigner.fromConfig(CONFIG).orElseThrow();
  private final List<CallEvent> events = new CopyOnWriteArrayList<>();
  private final List<VoiceClient> clients = new ArrayList<>();

  @AfterEach
  void closeClients() {
    clients.forEach(VoiceClient::close);
  }

  @SafeVarargs
  private VoiceClient client(RecordingProvider provider, Consumer<CallEvent>... listeners) {
    Switchboard.Builder builder = Switchboard.builder().provider(provider).config(CONFIG);
    for (Consumer<CallEvent> listener : listeners) {
      builder.onEvent(listener);
    }
    VoiceClient client = builder.onEvent(events::add).build();
    clients.add(client);
    return client;
  }

  /** A request to {@code url} as the server sees it: path and query, form body. */
  private static WebhookRequest post(URI url, Map<String, String> form) {
    return WebhookRequest.builder()
        .method("POST")
        .uri(url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()))
        .form(form)
        .build();
  }

  private URI signed(String reference) {
    return signer.sign("/recording/notify", reference);
  }

  /**
   * A provider whose incoming verdict takes flows of one verb only, counted in {@code checks}, and
   * which hands the flow each webhook's call is answered with to {@code given}: the call's id is
   * the form's {@code call}, its caller the form's {@code from}.
   */
  private static RecordingProvider answersOneVerb(
      AtomicInteger checks, List<Optional<CallFlow>> given) {
    return new RecordingProvider(
        "recording", Capabilities.of(Capability.SAY, Capability.PAUSE, Capability.SEQUENCE)) {
      @Override
      public FlowVerdict incomingVerdict(CallFlow flow) {
        checks.incrementAndGet();
        return flow.verbs().size() == 1
            ? FlowVerdict.runnable(id())
            : new FlowVerdict(
                id(), List.of(CapabilityGap.of("verbs[1]", "pause", Capability.PAUSE)), List.of());
      }

      @Override
      protected WebhookResult onWebhook(WebhookRequest request, WebhookContext context) {
        given.add(
            context.flowFor(
                new IncomingCall(
                    id(),
                    request.form().getOrDefault("call", List.of("c-1")).get(0),
                    Instant.EPOCH,
                    request.form().get("from").get(0),
                    "+2",
                    Map.of())));
        return WebhookResult.of(WebhookResponse.ok());
      }
    };
  }

  @Test
  @DisplayName("A grace period that is not positive is refused before any client is built.")
  void graceMustBePositive() {
    assertThatThrownBy(() -> Switchboard.builder().grace(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("grace must be positive, was PT0S");
  }

  @Nested
  @DisplayName("A correctly signed request")
  class Accepted {
    @Test
    @DisplayName("A signed request is answered 200 and its one event reaches the listener.")
    void signedRequestYieldsOneEvent() {
      RecordingProvider provider = new RecordingProvider();
      VoiceClient client = client(provider);

      WebhookResult result = client.handleWebhook(post(signed("call-1"), Map.of("digits", "42")));

      assertThat(result.response().status()).isEqualTo(200);
      assertThat(events).hasSize(1).isEqualTo(result.events());
      assertThat(events.get(0))
          .isInstanceOfSatisfying(
              DigitsGathered.class,
              e -> {
                assertThat(e.digits()).isEqualTo("42");
                assertThat(e.callId()).isEqualTo("call-1");
              });
      assertThat(provider.webhooks).hasSize(1);
    }

    @Test
    @DisplayName("Ten deliveries of one request yield one event and ten identical responses.")
    void redeliveryYieldsOneEvent() {
      RecordingProvider provider = new RecordingProvider();
      VoiceClient client = client(provider);
      WebhookRequest request = post(signed("call-1"), Map.of("digits", "42"));

      List<WebhookResponse> responses = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        responses.add(client.handleWebhook(request).response());
      }

      assertThat(responses).hasSize(10).containsOnly(responses.get(0));
      assertThat(responses.get(0).status()).isEqualTo(200);
      assertThat(events).hasSize(1);
      assertThat(provider.webhooks).hasSize(1);
    }

    @Test
    @DisplayName(
        "With the state store unreachable a delivery is answered 503, handled by nobody, and"
            + " handled once the store is back.")
    void unreachableStore() {
      RecordingProvider provider = new RecordingProvider();
      Outage store = new Outage();
      VoiceClient client =
          Switchboard.builder()
              .provider(provider)
              .config(CONFIG)
              .state(store)
              .onEvent(events::add)
              .build();
      clients.add(client);
      WebhookRequest request = post(signed("call-1"), Map.of("digits", "42"));

      store.down = true;
      assertThat(client.handleWebhook(request).response().status()).isEqualTo(503);
      assertThat(events).isEmpty();
      assertThat(provider.webhooks).isEmpty();

      store.down = false;
      assertThat(client.handleWebhook(request).response().status()).isEqualTo(200);
      assertThat(events).hasSize(1);
    }

    @Test
    @DisplayName(
        "A listener that throws neither fails the request nor hides the event from others.")
    void throwingListenerIsContained() {
      List<CallEvent> first = new CopyOnWriteArrayList<>();
      Consumer<CallEvent> throwing =
          e -> {
            first.add(e);
            throw new IllegalStateException("listener bug");
          };
      VoiceClient client = client(new RecordingProvider(), throwing);

      WebhookResult result = client.handleWebhook(post(signed("call-1"), Map.of("digits", "1")));

      assertThat(result.response().status()).isEqualTo(200);
      assertThat(first).hasSize(1);
      assertThat(events).hasSize(1);
    }
  }

  @Nested
  @DisplayName("A request that is not correctly signed")
  class Refused {
    @Test
    @DisplayName("An unsigned request gets 403, emits nothing, and never reaches the provider.")
    void unsigned() {
      RecordingProvider provider = new RecordingProvider();
      VoiceClient client = client(provider);

      WebhookResult result =
          client.handleWebhook(post(URI.create("/hooks/recording/notify"), Map.of("digits", "42")));

      assertThat(result.response()).isEqualTo(WebhookResponse.forbidden());
      assertThat(result.events()).isEmpty();
      assertThat(events).isEmpty();
      assertThat(provider.webhooks).isEmpty();
    }

    @Test
    @DisplayName("A forged token gets 403, emits nothing, and never reaches the provider.")
    void forged() {
      RecordingProvider provider = new RecordingProvider();
      VoiceClient client = client(provider);
      URI forged = URI.create("/hooks/recording/notify?sb_call=call-1&sb_sig=" + "0".repeat(64));

      assertThat(client.handleWebhook(post(forged, Map.of("digits", "42"))).response().status())
          .isEqualTo(403);
      assertThat(events).isEmpty();
      assertThat(provider.webhooks).isEmpty();
    }

    @Test
    @DisplayName("A signed URL with a changed call reference gets 403 and emits nothing.")
    void tampered() {
      RecordingProvider provider = new RecordingProvider();
      VoiceClient client = client(provider);
      URI tampered = URI.create(signed("call-1").toString().replace("call-1", "call-2"));

      assertThat(client.handleWebhook(post(tampered, Map.of("digits", "42"))).response().status())
          .isEqualTo(403);
      assertThat(events).isEmpty();
      assertThat(provider.webhooks).isEmpty();
    }

    @Test
    @DisplayName("A client configured without a webhook secret refuses every request with 403.")
    void noSignerRefusesEverything() {
      RecordingProvider provider = new RecordingProvider();
      VoiceClient client =
          Switchboard.builder()
              .provider(provider)
              .config(SwitchboardConfig.of(Map.of(RecordingProvider.TOKEN_KEY, "t")))
              .onEvent(events::add)
              .build();
      clients.add(client);

      assertThat(
              client
                  .handleWebhook(post(signed("call-1"), Map.of("digits", "42")))
                  .response()
                  .status())
          .isEqualTo(403);
      assertThat(events).isEmpty();
      assertThat(provider.webhooks).isEmpty();
    }
  }

  @Nested
  @DisplayName("A correctly signed request on the wrong path or method")
  class Routing {
    @Test
    @DisplayName("A signed path the provider declares no endpoint for gets 403.")
    void undeclaredPath() {
      RecordingProvider provider = new RecordingProvider();
      VoiceClient client = client(provider);
      URI other = signer.sign("/recording/other", "call-1");

      assertThat(client.handleWebhook(post(other, Map.of("digits", "42"))).response().status())
          .isEqualTo(403);
      assertThat(events).isEmpty();
      assertThat(provider.webhooks).isEmpty();
    }

    @Test
    @DisplayName("A method the vendor never uses gets 405 naming the allowed ones, and no event.")
    void otherMethod() {
      RecordingProvider provider = new RecordingProvider();
      VoiceClient client = client(provider);
      URI url = signed("call-1");

      for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD", "FOO")) {
        WebhookRequest request =
            WebhookRequest.builder()
                .method(method)
                .uri(url.getRawPath() + "?" + url.getRawQuery())
                .form(Map.of("digits", "42"))
                .build();
        WebhookResponse response = client.handleWebhook(request).response();
        assertThat(response.status()).as(method).isEqualTo(405);
        assertThat(response.headers()).containsEntry("Allow", "GET, POST");
      }
      assertThat(events).isEmpty();
      assertThat(provider.webhooks).isEmpty();
    }

    @Test
    @DisplayName("A path whose base prefix a proxy stripped is the same delivery, not a new one.")
    void strippedPrefixIsTheSameDelivery() {
      VoiceClient client = client(new RecordingProvider());
      URI url = signed("call-1");
      WebhookRequest full = post(url, Map.of("digits", "42"));
      WebhookRequest stripped =
          post(URI.create(url.toString().replace("/hooks/", "/")), Map.of("digits", "42"));

      assertThat(client.handleWebhook(full).events()).hasSize(1);
      assertThat(client.handleWebhook(stripped).events()).isEmpty();
      assertThat(events).hasSize(1);
    }
  }

  @Nested
  @DisplayName("What the provider is given")
  class Given {
    @Test
    @DisplayName("The provider reads the vendor's fields only: the signature's are taken out.")
    void signatureParametersTakenOut() {
      RecordingProvider provider = new RecordingProvider();
      VoiceClient client = client(provider);

      client.handleWebhook(post(URI.create(signed("call-1") + "&vendor=v"), Map.of("digits", "1")));

      assertThat(provider.webhooks).singleElement();
      assertThat(provider.webhooks.get(0).query())
          .containsOnlyKeys("vendor")
          .doesNotContainKeys(WebhookSigner.CALL_PARAMETER, WebhookSigner.SIGNATURE_PARAMETER);
    }

    @Test
    @DisplayName(
        "The flow instance an application answers every call with is checked once; a refused one"
            + " is checked each time.")
    void answerableFlowCheckedOnce() {
      AtomicInteger checks = new AtomicInteger();
      RecordingProvider provider = answersOneVerb(checks, new ArrayList<>());
      CallFlow answerable = CallFlow.of(Say.of("Hello."));
      CallFlow refused = CallFlow.of(Say.of("Hello."), Pause.of(1));
      VoiceClient client =
          Switchboard.builder()
              .provider(provider)
              .config(CONFIG)
              .onIncomingCall(call -> call.from().equals("+1") ? answerable : refused)
              .build();
      clients.add(client);

      for (int i = 0; i < 3; i++) {
        client.handleWebhook(post(signed("call-a" + i), Map.of("from", "+1", "call", "a" + i)));
      }
      assertThat(checks).hasValue(1);
      for (int i = 0; i < 3; i++) {
        client.handleWebhook(post(signed("call-r" + i), Map.of("from", "+3", "call", "r" + i)));
      }
      assertThat(checks).hasValue(4);
    }

    @Test
    @DisplayName("An incoming call's flow the provider cannot run reaches it as no flow at all.")
    void incomingFlowCheckedByCore() {
      List<Optional<CallFlow>> given = new ArrayList<>();
      RecordingProvider provider = answersOneVerb(new AtomicInteger(), given);
      CallFlow twoVerbs = CallFlow.of(Say.of("Hello."), Pause.of(1));
      VoiceClient client =
          Switchboard.builder()
              .provider(provider)
              .config(CONFIG)
              .onIncomingCall(
                  call -> call.from().equals("+1") ? twoVerbs : CallFlow.of(Say.of("Hello.")))
              .build();
      clients.add(client);

      client.handleWebhook(post(signed("call-1"), Map.of("from", "+1")));
      client.handleWebhook(post(signed("call-2"), Map.of("from", "+3")));

      assertThat(provider.verdict(twoVerbs).ok()).isTrue();
      assertThat(given)
          .containsExactly(Optional.empty(), Optional.of(CallFlow.of(Say.of("Hello."))));
    }
  }

  @Nested
  @DisplayName("A request on a URL bound to one call")
  class Bound {
    private URI bound(String reference) {
      return signer.sign(RecordingProvider.BOUND_PATH, reference);
    }

    @Test
    @DisplayName("A request naming the call its URL is bound to is handled.")
    void ownCall() {
      RecordingProvider provider = new RecordingProvider();
      VoiceClient client = client(provider);
      provider.callbackBindings.bind("ref-1", CallbackSubject.call("call-1"));

      WebhookResult result =
          client.handleWebhook(post(bound("ref-1"), Map.of("call", "call-1", "digits", "4")));

      assertThat(result.response().status()).isEqualTo(200);
      assertThat(events).hasSize(1);
    }

    @Test
    @DisplayName(
        "Another call, no call, or a URL never bound gets 403 and never reaches the provider.")
    void refused() {
      RecordingProvider provider = new RecordingProvider();
      VoiceClient client = client(provider);
      provider.callbackBindings.bind("ref-1", CallbackSubject.call("call-1"));

      List<WebhookRequest> refused =
          List.of(
              post(bound("ref-1"), Map.of("call", "call-2", "digits", "4")),
              post(bound("ref-1"), Map.of("digits", "4")),
              post(bound("ref-2"), Map.of("call", "call-1", "digits", "4")));
      for (WebhookRequest request : refused) {
        assertThat(client.handleWebhook(request).response())
            .as(request.uri() + " " + request.bodyText())
            .isEqualTo(WebhookResponse.forbidden());
      }
      assertThat(events).isEmpty();
      assertThat(provider.webhooks).isEmpty();
    }
  }

  @Nested
  @DisplayName("A request the provider cannot handle")
  class Failing {
    @Test
    @DisplayName("An unreadable request gets 400 with a short reason and emits nothing.")
    void unreadable() {
      VoiceClient client = client(new RecordingProvider());

      WebhookResponse response =
          client.handleWebhook(post(signed("call-1"), Map.of("other", "x"))).response();

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).isEqualTo("digits: is required");
      assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("A provider failure gets a fixed 500 text that reveals nothing of the failure.")
    void providerFailure() {
      VoiceClient client = client(new FailingProvider("CANARY-internal-detail"));

      WebhookResponse response =
          client.handleWebhook(post(signed("call-1"), Map.of("digits", "1"))).response();

      assertThat(response).isEqualTo(WebhookResponse.serverError());
      assertThat(response.body()).doesNotContain("CANARY");
      assertThat(events).isEmpty();
    }
  }

  /** An in-memory store that can be made unreachable, as a store whose server went away. */
  private static final class Outage implements StateStore {
    private final InMemoryStateStore memory = new InMemoryStateStore();
    volatile boolean down;

    private <T> T up(java.util.function.Supplier<T> operation) {
      if (down) {
        throw new StateUnavailableException("the test store is down", null);
      }
      return operation.get();
    }

    @Override
    public Optional<Versioned> get(String key) {
      return up(() -> memory.get(key));
    }

    @Override
    public boolean create(String key, String value, Duration ttl) {
      return up(() -> memory.create(key, value, ttl));
    }

    @Override
    public boolean replace(String key, long expected, String value, Duration ttl) {
      return up(() -> memory.replace(key, expected, value, ttl));
    }

    @Override
    public boolean delete(String key, long expected) {
      return up(() -> memory.delete(key, expected));
    }

    @Override
    public boolean claim(String identity, Duration window) {
      return up(() -> memory.claim(identity, window));
    }

    @Override
    public void unclaim(String identity) {
      up(
          () -> {
            memory.unclaim(identity);
            return null;
          });
    }

    @Override
    public void add(String key, String member, Duration ttl) {
      up(
          () -> {
            memory.add(key, member, ttl);
            return null;
          });
    }

    @Override
    public void remove(String key, String member) {
      up(
          () -> {
            memory.remove(key, member);
            return null;
          });
    }

    @Override
    public Set<String> members(String key) {
      return up(() -> memory.members(key));
    }

    @Override
    public boolean lease(String name, String holder, Duration ttl) {
      return up(() -> memory.lease(name, holder, ttl));
    }

    @Override
    public void release(String name, String holder) {
      up(
          () -> {
            memory.release(name, holder);
            return null;
          });
    }
  }
}
