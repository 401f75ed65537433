package dev.switchboard.testkit.simulator;

import static dev.switchboard.testkit.simulator.XoxzoTestSupport.CALLER;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.JSON;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.MP3;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.RECIPIENT;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.SID;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.TOKEN;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.UUID;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.body;
import static dev.switchboard.testkit.simulator.XoxzoTestSupport.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testkit.simulator.XoxzoTestSupport.Api;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The simulator's REST surface over real HTTP: authentication, routing and field validation. */
class XoxzoSimulatorRestTest {
  private static final String PHONE =
      "Enter a valid phone number in E.164 format: '+', the country code and the number, e.g."
          + " +818011234567.";
  private static final String REQUIRED = "This field is required.";
  private static final String BLANK = "This field may not be blank.";
  private static final String INVALID_URL = "Enter a valid URL.";
  private static final String HTTPS = "https is not supported at this moment; use an http URL.";
  private static final String PATH =
      "The URL may only contain ASCII letters, digits, underscores, slashes, hyphens and dots"
          + " after the host (no query or fragment).";
  private static final String TRUNK_ZERO =
      "Leave out the trunk 0 of a Japanese number: +81 then the number without its leading 0,"
          + " e.g. +818011234567.";

  private XoxzoSimulator simulator;
  private Api api;

  @BeforeEach
  void start() {
    simulator = new XoxzoSimulator(SID, TOKEN);
    simulator.start();
    api = new Api(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  /** Expected errors in order: field, its messages, field, its messages, ... */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> errors(Object... fieldsAndMessages) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndMessages.length; i += 2) {
      errors.put((String) fieldsAndMessages[i], (List<String>) fieldsAndMessages[i + 1]);
    }
    return errors;
  }

  private static void assertErrors(HttpResponse<String> response, Map<String, List<String>> want) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = body(response);
    Map<String, List<String>> got = new LinkedHashMap<>();
    body.properties()
        .forEach(
            e -> got.put(e.getKey(), e.getValue().valueStream().map(JsonNode::asString).toList()));
    assertThat(got).isEqualTo(want);
  }

  private static Map<String, String> mp3(String recordingUrl) {
    return fields("caller", CALLER, "recipient", RECIPIENT, "recording_url", recordingUrl);
  }

  private static Map<String, String> tts(String message, String lang) {
    return fields(
        "caller", CALLER, "recipient", RECIPIENT, "tts_message", message, "tts_lang", lang);
  }

  @Nested
  @DisplayName("Authentication and routing")
  class Routing {
    @Test
    @DisplayName(
        "Every endpoint answers 401 with the detail when Basic credentials are missing, wrong or"
            + " malformed, and accepts nothing")
    void unauthorized() {
      List<Api> strangers =
          List.of(
              new Api(simulator.baseUrl(), null),
              new Api(simulator.baseUrl(), Api.basic(SID, "wrong")),
              new Api(simulator.baseUrl(), Api.basic("other", TOKEN)),
              new Api(simulator.baseUrl(), "Basic not-base64!"),
              new Api(simulator.baseUrl(), "Bearer " + TOKEN));
      for (Api stranger : strangers) {
        for (HttpResponse<String> response :
            List.of(
                stranger.playback(mp3(MP3)),
                stranger.conference(fields("caller", CALLER, "participants", "+8111,+8122")),
                stranger.get("/voice/calls/x/"),
                stranger.get("/voice/simple/conferences/x/"))) {
          assertThat(response.statusCode()).isEqualTo(401);
          assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
          assertThat(body(response))
              .isEqualTo(JSON.createObjectNode().put("detail", "Invalid username/password."));
        }
      }
      assertThat(simulator.createdCalls()).isZero();
    }

    @Test
    @DisplayName("The scheme name is not case-sensitive")
    void schemeCase() {
      Api lowerCase = new Api(simulator.baseUrl(), Api.basic(SID, TOKEN).replace("Basic", "basic"));
      assertThat(lowerCase.playback(mp3(MP3)).statusCode()).isEqualTo(201);
    }

    @Test
    @DisplayName("Paths without the documented trailing slash and unknown paths are 404 {}")
    void trailingSlash() {
      Api stranger = new Api(simulator.baseUrl(), null);
      for (Api client : List.of(api, stranger)) {
        for (HttpResponse<String> response :
            List.of(
                client.post("/voice/simple/playbacks", mp3(MP3)),
                client.post("/voice/simple/conferences", fields()),
                client.get("/voice/calls/x"),
                client.get("/voice/simple/conferences/x"),
                client.get("/voice/simple/playback/"),
                client.get("/voice/calls/"),
                client.get("/voice/calls/x/y/"))) {
          assertThat(response.statusCode()).as(response.request().uri().toString()).isEqualTo(404);
          assertThat(response.body()).isEqualTo("{}");
        }
      }
      assertThat(simulator.createdCalls()).isZero();
    }

    @Test
    @DisplayName("A method an endpoint does not serve is 405, after authentication")
    void methodNotAllowed() {
      HttpResponse<String> get = api.get("/voice/simple/playbacks/");
      assertThat(get.statusCode()).isEqualTo(405);
      assertThat(body(get))
          .isEqualTo(JSON.createObjectNode().put("detail", "Method \"GET\" not allowed."));
      assertThat(api.post("/voice/calls/x/", fields()).statusCode()).isEqualTo(405);
      assertThat(api.send("DELETE", "/voice/simple/conferences/x/", null).statusCode())
          .isEqualTo(405);
      assertThat(new Api(simulator.baseUrl(), null).get("/voice/simple/playbacks/").statusCode())
          .isEqualTo(401);
    }

    @Test
    @DisplayName("The status of an unknown call or conference is 404 {}")
    void unknownIds() {
      for (String path :
          List.of("/voice/calls/no-such-call/", "/voice/simple/conferences/no-such-conference/")) {
        HttpResponse<String> response = api.get(path);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{}");
      }
      String callId = api.callMp3();
      assertThat(api.get("/voice/simple/conferences/" + callId + "/").statusCode())
          .as("a call id is not a conference id")
          .isEqualTo(404);
    }

    @Test
    @DisplayName("The constructor refuses blank credentials and a SID Basic auth cannot carry")
    void constructor() {
      assertThatThrownBy(() -> new XoxzoSimulator(" ", TOKEN))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new XoxzoSimulator("a:b", TOKEN))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new XoxzoSimulator(SID, null))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("Playback fields")
  class PlaybackFields {
    @Test
    @DisplayName("A playback is accepted with 201 and a JSON array holding the new call id")
    void accepted() {
      HttpResponse<String> response = api.playback(mp3(MP3));
      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      JsonNode body = body(response);
      assertThat(body.isArray()).isTrue();
      assertThat(body).hasSize(1);
      assertThat(body.get(0).propertyNames()).containsExactly("callid");
      assertThat(body.get(0).get("callid").asString()).matches(UUID);
      assertThat(simulator.createdCalls()).isEqualTo(1);
    }

    @Test
    @DisplayName("An empty form reports caller, recipient and the message as required, at once")
    void empty() {
      assertErrors(
          api.playback(fields()),
          errors(
              "caller",
              List.of(REQUIRED),
              "recipient",
              List.of(REQUIRED),
              "recording_url",
              List.of(REQUIRED)));
      assertThat(simulator.createdCalls()).isZero();
    }

    @Test
    @DisplayName("Several bad fields are reported together, each with every rule it breaks")
    void several() {
      assertErrors(
          api.playback(
              fields(
                  "caller", "8190123456789",
                  "recipient", "+08011234567",
                  "recording_url", "https://www.mysite.com/my file.wav",
                  "callbackurl", "ftp://app.example/callback",
                  "tags", "a, b")),
          errors(
              "caller",
              List.of(PHONE),
              "recipient",
              List.of(PHONE),
              "recording_url",
              List.of(INVALID_URL),
              "callbackurl",
              List.of(INVALID_URL)));
      assertErrors(
          api.playback(
              fields(
                  "caller", "",
                  "recipient", "+81 80 1123 4567",
                  "recording_url", "https://www.mysite.com/my%20file.wav",
                  "callbackurl", "")),
          errors(
              "caller",
              List.of(BLANK),
              "recipient",
              List.of(PHONE),
              "recording_url",
              List.of(HTTPS, PATH),
              "callbackurl",
              List.of(BLANK)));
      assertThat(simulator.createdCalls()).isZero();
    }

    @Test
    @DisplayName("An https recording_url is refused: https is not supported")
    void https() {
      assertErrors(
          api.playback(mp3("https://www.mysite.com/123.mp3")),
          errors("recording_url", List.of(HTTPS)));
      assertErrors(
          api.playback(mp3("HTTPS://www.mysite.com/123.mp3")),
          errors("recording_url", List.of(HTTPS)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "http://www.mysite.com/my%20file.mp3",
          "http://www.mysite.com/caf%C3%A9.mp3",
          "http://www.mysite.com/a~b.mp3",
          "http://www.mysite.com/a(1).mp3",
          "http://www.mysite.com/a+b.mp3",
          "http://www.mysite.com/a.mp3?version=2",
          "http://www.mysite.com/a.mp3#start"
        })
    @DisplayName("A recording_url with other characters after the host is refused")
    void pathCharacters(String url) {
      assertErrors(api.playback(mp3(url)), errors("recording_url", List.of(PATH)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "http://www.mysite.com/123.mp3",
          "http://www.mysite.com/dir_1/sub-dir/hello.world.mp3",
          "http://127.0.0.1:8080/A/b/C.mp3",
          "HTTP://www.mysite.com/x.mp3"
        })
    @DisplayName(
        "A recording_url of letters, digits, '_', '/', '-' and '.' ending in .mp3 is taken")
    void goodPaths(String url) {
      assertThat(api.playback(mp3(url)).statusCode()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "http://www.mysite.com/hello.wav",
          "http://www.mysite.com/hello.MP3",
          "http://www.mysite.com/hello.mp3/",
          "http://www.mysite.com/audio/hello",
          "http://www.mysite.com"
        })
    @DisplayName("A recording_url need not end in .mp3: the document sets no such rule")
    void anySuffix(String url) {
      assertThat(api.playback(mp3(url)).statusCode()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"www.mysite.com/a.mp3", "ftp://www.mysite.com/a.mp3", "http:a.mp3"})
    @DisplayName("A recording_url that is no http URL at all is not a valid URL")
    void notUrl(String url) {
      assertErrors(api.playback(mp3(url)), errors("recording_url", List.of(INVALID_URL)));
    }

    @Test
    @DisplayName("tts_lang takes any language: the en/ja list belongs to the conference's lang")
    void ttsLang() {
      assertThat(api.playback(tts("Hello", "en")).statusCode()).isEqualTo(201);
      assertThat(api.playback(tts("こんにちは", "ja")).statusCode()).isEqualTo(201);
      assertThat(api.playback(tts("Bonjour", "fr")).statusCode()).isEqualTo(201);
      assertThat(api.playback(tts("Hallo", "de")).statusCode()).isEqualTo(201);
      assertErrors(api.playback(tts("Hello", "")), errors("tts_lang", List.of(BLANK)));
    }

    @Test
    @DisplayName(
        "A Japanese number that keeps its trunk 0 is refused in every number field; others keep"
            + " theirs")
    void trunkZero() {
      assertErrors(
          api.playback(
              fields("caller", "+81031234567", "recipient", "+81080111122", "recording_url", MP3)),
          errors("caller", List.of(TRUNK_ZERO), "recipient", List.of(TRUNK_ZERO)));
      assertThat(api.playback(mp3(MP3)).statusCode()).isEqualTo(201);
      assertThat(
              api.playback(
                      fields("caller", CALLER, "recipient", "+390612345678", "recording_url", MP3))
                  .statusCode())
          .as("Italy keeps its 0 after the country code")
          .isEqualTo(201);
      assertThat(simulator.createdCalls()).isEqualTo(2);
    }

    @Test
    @DisplayName("Either text-to-speech field without the other makes the other required")
    void ttsPairs() {
      assertErrors(
          api.playback(fields("caller", CALLER, "recipient", RECIPIENT, "tts_message", "Hi")),
          errors("tts_lang", List.of(REQUIRED)));
      assertErrors(
          api.playback(fields("caller", CALLER, "recipient", RECIPIENT, "tts_lang", "xx")),
          errors("tts_message", List.of(REQUIRED)));
      assertErrors(api.playback(tts("  ", "en")), errors("tts_message", List.of(BLANK)));
    }

    @Test
    @DisplayName("A recording_url and a text-to-speech message at once are refused")
    void bothMessages() {
      Map<String, String> both = tts("Hello", "de");
      both.put("recording_url", "https://www.mysite.com/x.mp3");
      assertErrors(
          api.playback(both),
          errors(
              "recording_url",
              List.of(HTTPS),
              "non_field_errors",
              List.of("Give either recording_url or tts_message and tts_lang, not both.")));
    }

    @Test
    @DisplayName("callbackurl must be an http or https URL; tags are free text")
    void callbackUrl() {
      Map<String, String> form = mp3(MP3);
      form.put("callbackurl", "https://app.example/xoxzo/callback?token=1");
      form.put("tags", " , ,");
      assertThat(api.playback(form).statusCode()).isEqualTo(201);
      form.put("callbackurl", "/relative/callback");
      assertErrors(api.playback(form), errors("callbackurl", List.of(INVALID_URL)));
    }

    @Test
    @DisplayName("Only a form body is read: JSON carries no fields")
    void jsonBody() {
      HttpResponse<String> response =
          api.sendRaw(
              "POST",
              "/voice/simple/playbacks/",
              "application/json",
              JSON.writeValueAsString(
                  JSON.createObjectNode()
                      .put("caller", CALLER)
                      .put("recipient", RECIPIENT)
                      .put("recording_url", MP3)));
      assertErrors(
          response,
          errors(
              "caller",
              List.of(REQUIRED),
              "recipient",
              List.of(REQUIRED),
              "recording_url",
              List.of(REQUIRED)));
    }
  }

  @Nested
  @DisplayName("Conference fields")
  class ConferenceFields {
    @Test
    @DisplayName("A missing caller and missing participants are reported together")
    void empty() {
      assertErrors(
          api.conference(fields()),
          errors("caller", List.of(REQUIRED), "participants", List.of(REQUIRED)));
    }

    @Test
    @DisplayName("Each bad participant is named, and so is a repeated one")
    void badParticipants() {
      assertErrors(
          api.conference(
              fields("caller", CALLER, "participants", "0312345678,+818011234567,,+818011234567")),
          errors(
              "participants",
              List.of(
                  "'0312345678' is not a valid phone number in E.164 format: '+', the country"
                      + " code and the number, e.g. +818011234567.",
                  "'' is not a valid phone number in E.164 format: '+', the country code and the"
                      + " number, e.g. +818011234567.",
                  "Ensure this field has no more than 3 elements.",
                  "Each participant must be a different number; +818011234567 is repeated.")));
      assertErrors(
          api.conference(fields("caller", CALLER, "participants", "+818011234567,+818011234567")),
          errors(
              "participants",
              List.of("Each participant must be a different number; +818011234567 is repeated.")));
    }

    @Test
    @DisplayName("A Japanese participant that keeps its trunk 0 is named")
    void participantTrunkZero() {
      assertErrors(
          api.conference(fields("caller", CALLER, "participants", "+818011234567,+81080111122")),
          errors(
              "participants",
              List.of(
                  "'+81080111122' keeps the trunk 0 of a Japanese number: +81 then the number"
                      + " without its leading 0, e.g. +818011234567.")));
      assertThat(simulator.createdCalls()).isZero();
    }

    @Test
    @DisplayName("lang is en or ja when given")
    void lang() {
      Map<String, String> form =
          fields("caller", CALLER, "participants", "+818011234567,+818011234568", "lang", "fr");
      assertErrors(api.conference(form), errors("lang", List.of("\"fr\" is not a valid choice.")));
      form.put("lang", "en");
      assertThat(api.conference(form).statusCode()).isEqualTo(201);
      form.remove("lang");
      assertThat(api.conference(form).statusCode()).isEqualTo(201);
      assertThat(simulator.createdCalls()).isEqualTo(2);
    }
  }
}
