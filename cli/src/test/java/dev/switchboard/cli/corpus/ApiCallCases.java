package dev.switchboard.cli.corpus;

import dev.switchboard.CallRequest;
import dev.switchboard.ConferenceDialOut;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Reject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Bad arguments to {@code VoiceClient} and its conference and number operations, on clients
 * connected to the simulated vendors: numbers that are not E.164, missing flows, tags a vendor
 * would split, and ids that are not one vendor path segment. Which operation and provider each bad
 * id meets is chosen with a fixed seed.
 */
final class ApiCallCases {
  /** The seed of every random choice: the same corpus on every run. */
  static final long SEED = 0x5EED_A91CL;

  private static final CallFlow HELLO = CallFlow.builder().say("Hello from the corpus").build();

  /** Ids that are not one vendor path segment, or not an id at all. */
  private static final List<String> BAD_IDS =
      Arrays.asList(
          "",
          ".",
          "..",
          "/",
          "a/b",
          "../calls",
          "a b",
          "a\u0000b",
          "a\nb",
          "a?b=1",
          "a#b",
          "\u00e9t\u00e9",
          "a".repeat(201),
          null);

  /** An operation on a call by its id. */
  private record Operation(String name, BiConsumer<VoiceClient, String> run) {}

  private static final List<Operation> CALL_OPERATIONS =
      List.of(
          new Operation("getCall", VoiceClient::getCall),
          new Operation("hangup", VoiceClient::hangup),
          new Operation("hold", VoiceClient::hold),
          new Operation("unhold", VoiceClient::unhold),
          new Operation("modifyCall", (client, id) -> client.modifyCall(id, HELLO)));

  private final Random random = new Random(SEED);
  private final LoopbackVendors vendors;
  private final List<BadInput> cases = new ArrayList<>();
  private int turn;

  private ApiCallCases(LoopbackVendors vendors) {
    this.vendors = vendors;
  }

  /** Every API case, in the same order on every run. */
  static List<BadInput> all(LoopbackVendors vendors) {
    ApiCallCases corpus = new ApiCallCases(vendors);
    corpus.placeCalls();
    corpus.tags();
    corpus.callIds();
    corpus.unsupportedOperations();
    corpus.nullArguments();
    corpus.conferences();
    corpus.numbers();
    return List.copyOf(corpus.cases);
  }

  private void placeCalls() {
    for (String provider : LoopbackVendors.PROVIDERS) {
      add(provider, "placeCall(null)", "call:", client -> client.placeCall(null));
      add(
          provider,
          "placeCall with a null flow",
          "call.flow",
          client -> client.placeCall(LoopbackVendors.FROM, LoopbackVendors.TO, null));
    }
    List<String> numbers =
        Arrays.asList(
            null,
            "",
            "   ",
            "5556667777",
            "+0123456789",
            "+",
            "+1234567890123456",
            "+1 555 666 7777",
            "+1-555-666-7777",
            "+1555666777a",
            "+\u0661\u0665\u0665\u0665\u0666\u0666\u0666",
            "+1\r5556667777");
    for (String number : numbers) {
      String provider = nextProvider();
      add(
          provider,
          "placeCall to " + BadInput.show(number),
          "call.to",
          client -> client.placeCall(LoopbackVendors.FROM, number, HELLO));
    }
    for (String number : Arrays.asList(null, "abc", "+0", "0044123456")) {
      String provider = nextProvider();
      add(
          provider,
          "placeCall from " + BadInput.show(number),
          "call.from",
          client -> client.placeCall(number, LoopbackVendors.TO, HELLO));
    }
    for (Duration duration :
        List.of(Duration.ZERO, Duration.ofSeconds(-30), Duration.ofMillis(1_500))) {
      add(
          "hoiio",
          "placeCall with maxDuration " + duration,
          "call.maxDuration",
          client -> client.placeCall(request().maxDuration(duration).build()));
    }
    add(
        "xoxzo",
        "placeCall with a maxDuration Xoxzo cannot limit",
        "limit a call's length",
        client -> client.placeCall(request().maxDuration(Duration.ofSeconds(60)).build()));
    add(
        "voxtelesys",
        "placeCall whose flow starts with reject",
        "verbs[0]",
        client ->
            client.placeCall(LoopbackVendors.FROM, LoopbackVendors.TO, CallFlow.of(new Reject())));
  }

  private void tags() {
    String[][] tags = {
      {"hoiio", "a,b", "call.tags[0]"},
      {"xoxzo", "a,b", "call.tags[0]"},
      {"hoiio", " lead", "call.tags[0]"},
      {"xoxzo", "trail ", "call.tags[0]"},
      {"voxtelesys", "a,b", "tags"},
      {"xoxzo", "", "call.tags[0]"},
      {"hoiio", "\t", "call.tags[0]"},
    };
    for (String[] tag : tags) {
      add(
          tag[0],
          "placeCall with tag " + BadInput.show(tag[1]),
          tag[2],
          client -> client.placeCall(request().tag(tag[1]).build()));
    }
    add(
        "xoxzo",
        "placeCall with a comma in the second tag",
        "call.tags[1]",
        client -> client.placeCall(request().tag("ok").tag("x,y").build()));
    add(
        "hoiio",
        "placeCall with a null tag",
        "call.tags[0]",
        client -> client.placeCall(request().tag(null).build()));
    add(
        "hoiio",
        "placeCall with 300 characters of tags",
        "call.tags",
        client -> client.placeCall(request().tag("t".repeat(150)).tag("u".repeat(150)).build()));
  }

  private void callIds() {
    for (String id : BAD_IDS) {
      for (int pick = 0; pick < 2; pick++) {
        Operation operation = CALL_OPERATIONS.get(random.nextInt(CALL_OPERATIONS.size()));
        String provider = nextProvider();
        String name = operation.name() + "(" + BadInput.show(id) + ") on " + provider;
        if (cases.stream().noneMatch(c -> c.name().equals(name))) {
          cases.add(
              BadInput.of(
                  Family.API_CALLS,
                  name,
                  "callId",
                  Trial.api(() -> operation.run().accept(vendors.client(provider), id))));
        }
      }
    }
  }

  private void nullArguments() {
    for (String provider : LoopbackVendors.PROVIDERS) {
      add(provider, "modifyCall with a null flow", "flow:", c -> c.modifyCall("c1", null));
      add(
          provider,
          "conference dial-out of null",
          "conference:",
          c -> c.conferences().dialOut(null));
    }
  }

  private void unsupportedOperations() {
    add("xoxzo", "hangup where unsupported", "hang up a live call", c -> c.hangup("c1"));
    add("voxtelesys", "hold where unsupported", "hold and unhold", c -> c.hold("c1"));
    add("xoxzo", "unhold where unsupported", "hold and unhold", c -> c.unhold("c1"));
    add(
        "xoxzo",
        "modifyCall where unsupported",
        "modify a live call",
        c -> c.modifyCall("c1", HELLO));
    add("hoiio", "listCalls where unsupported", "call list", VoiceClient::listCalls);
    add(
        "hoiio",
        "conference list where unsupported",
        "conference control",
        c -> c.conferences().list());
    add(
        "voxtelesys",
        "number subscriptions where unsupported",
        "manage incoming numbers",
        c -> c.numbers().subscriptions());
    add(
        "voxtelesys",
        "conference dial-out where unsupported",
        "conference dial-out",
        c ->
            c.conferences()
                .dialOut(
                    ConferenceDialOut.builder()
                        .participant("+15556667777", "+15556668888")
                        .build()));
  }

  private void conferences() {
    String[][] ids = {
      {"voxtelesys", ".."}, {"xoxzo", "a/b"}, {"voxtelesys", ""}, {"voxtelesys", "a b"}
    };
    for (String[] id : ids) {
      add(
          id[0],
          "conference get(" + BadInput.show(id[1]) + ")",
          "conferenceId",
          c -> c.conferences().get(id[1]));
    }
    add(
        "voxtelesys",
        "conference participants(\"/\")",
        "conferenceId",
        c -> c.conferences().participants("/"));
    add("voxtelesys", "conference end(\"..\")", "conferenceId", c -> c.conferences().end(".."));
    add("voxtelesys", "conference end(null)", "conferenceId", c -> c.conferences().end(null));
    add(
        "voxtelesys",
        "conference mute with participant \"..\"",
        "participantId",
        c -> c.conferences().mute("conf1", "..", true));
    add(
        "voxtelesys",
        "conference mute in conference \"a?b\"",
        "conferenceId",
        c -> c.conferences().mute("a?b", "p1", true));
    add(
        "voxtelesys",
        "conference remove participant \"a\\nb\"",
        "participantId",
        c -> c.conferences().remove("conf1", "a\nb"));
    add(
        "xoxzo",
        "conference dial-out with one participant",
        "conference.participants",
        c ->
            c.conferences()
                .dialOut(ConferenceDialOut.builder().participant("+818011112222").build()));
    add(
        "xoxzo",
        "conference dial-out with the same participant twice",
        "conference.participants",
        c ->
            c.conferences()
                .dialOut(
                    ConferenceDialOut.builder()
                        .participant("+818011112222", "+818011112222")
                        .build()));
    add(
        "xoxzo",
        "conference dial-out with a participant not in E.164",
        "conference.participants[1]",
        c ->
            c.conferences()
                .dialOut(
                    ConferenceDialOut.builder()
                        .participant("+818011112222", "08011113333")
                        .build()));
    add(
        "xoxzo",
        "conference dial-out in language 'english'",
        "conference.language",
        c ->
            c.conferences()
                .dialOut(
                    ConferenceDialOut.builder()
                        .participant("+818011112222", "+818011113333")
                        .language("english")
                        .build()));
    add(
        "xoxzo",
        "conference dial-out from 'abc'",
        "conference.from",
        c ->
            c.conferences()
                .dialOut(
                    ConferenceDialOut.builder()
                        .from("abc")
                        .participant("+818011112222", "+818011113333")
                        .build()));
  }

  private void numbers() {
    add("xoxzo", "numbers available(null)", "country:", c -> c.numbers().available(null));
    add("xoxzo", "numbers subscribe(\"..\")", "offerId", c -> c.numbers().subscribe(".."));
    add(
        "xoxzo",
        "numbers route(\"a/b\")",
        "subscriptionId",
        c -> c.numbers().route("a/b", URI.create("https://example.com/in")));
    add("xoxzo", "numbers route to a null URL", "url:", c -> c.numbers().route("s1", null));
    add(
        "xoxzo",
        "numbers route to an ftp URL",
        "url:",
        c -> c.numbers().route("s1", URI.create("ftp://example.com/in")));
    add("xoxzo", "numbers unsubscribe(\"\")", "subscriptionId", c -> c.numbers().unsubscribe(""));
  }

  // ---------------------------------------------------------------------------------------------

  private static CallRequest.Builder request() {
    return CallRequest.builder().from(LoopbackVendors.FROM).to(LoopbackVendors.TO).flow(HELLO);
  }

  private String nextProvider() {
    return LoopbackVendors.PROVIDERS.get(turn++ % LoopbackVendors.PROVIDERS.size());
  }

  /** A use of the client of {@code provider}. */
  @FunctionalInterface
  private interface Use {
    void on(VoiceClient client) throws Exception;
  }

  private void add(String provider, String name, String names, Use use) {
    VoiceClient client = vendors.client(provider);
    cases.add(
        BadInput.of(
            Family.API_CALLS, name + " on " + provider, names, Trial.api(() -> use.on(client))));
  }
}
