package dev.switchboard.testkit.simulator;

import static dev.switchboard.testkit.simulator.HoiioTestSupport.APP_ID;
import static dev.switchboard.testkit.simulator.HoiioTestSupport.JSON;
import static dev.switchboard.testkit.simulator.HoiioTestSupport.TOKEN;
import static dev.switchboard.testkit.simulator.HoiioTestSupport.WAIT;
import static dev.switchboard.testkit.simulator.HoiioTestSupport.form;
import static dev.switchboard.testkit.simulator.HoiioTestSupport.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.Played;
import dev.switchboard.testkit.Observation.Said;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.simulator.HoiioTestSupport.Api;
import dev.switchboard.testkit.simulator.HoiioTestSupport.App;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The simulated Hoiio's answers to block requests: transport, credentials and every check. */
class HoiioSimulatorRequestTest {
  private HoiioSimulator simulator;
  private Api api;
  private App app;

  @BeforeEach
  void start() {
    simulator = new HoiioSimulator(APP_ID, TOKEN);
    simulator.start();
    api = new Api(simulator);
    app = new App();
  }

  @AfterEach
  void stop() {
    app.close();
    simulator.close();
  }

  /** A call that was answered and waits for its next block. */
  private String readySession() {
    String session = api.dial(params("notify_url", app.notifyUrl()));
    app.await(session, 1);
    return session;
  }

  private static String repeat(char c, int times) {
    return String.valueOf(c).repeat(times);
  }

  @Nested
  @DisplayName("Transport")
  class Transport {
    @Test
    @DisplayName("A Dial by POST answers HTTP 200 JSON with success_ok, a txn_ref and a session")
    void dialByPost() {
      JsonNode answer = api.post("start/dial", params("dest", "+6511111111"));
      assertThat(answer.get("status").asString()).isEqualTo("success_ok");
      assertThat(answer.get("txn_ref").asString()).matches("TX-[0-9]+");
      assertThat(answer.get("session").asString()).matches("S-[0-9]+");
      assertThat(simulator.blockRequests(answer.get("session").asString())).isEqualTo(1);
    }

    @Test
    @DisplayName("A Dial by GET with the parameters in the query string works like a POST")
    void dialByGet() {
      HttpResponse<String> response =
          api.send(
              "GET",
              "ivr/start/dial?"
                  + form(
                      params(
                          "app_id",
                          APP_ID,
                          "access_token",
                          TOKEN,
                          "dest",
                          "+6511111111",
                          "msg",
                          "Hi")),
              null,
              null);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      JsonNode answer = JSON.readTree(response.body());
      assertThat(answer.get("status").asString()).isEqualTo("success_ok");
      assertThat(simulator.awaitTranscript(answer.get("session").asString(), WAIT))
          .isEqualTo(Transcript.of(new Said("Hi", "en-US", "female"), new HungUp("flow")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
    @DisplayName("Any method but GET and POST answers error_invalid_http_method")
    void otherMethods(String method) {
      HttpResponse<String> response =
          api.send(
              method,
              "ivr/start/dial",
              "application/x-www-form-urlencoded",
              form(params("app_id", APP_ID, "access_token", TOKEN, "dest", "+6511111111"))
                  .getBytes(StandardCharsets.UTF_8));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).get("status").asString())
          .isEqualTo("error_invalid_http_method");
    }

    @Test
    @DisplayName("A path that is no block answers 404 with error_not_found")
    void unknownPath() {
      HttpResponse<String> response = api.send("POST", "ivr/middle/dance", null, null);
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(JSON.readTree(response.body()).get("status").asString())
          .isEqualTo("error_not_found");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"msg=%ZZ", "msg=%E", "msg=%C3%28", "msg=%FF"})
    @DisplayName("Escapes that are not %XX or not UTF-8 answer error_malformed_params")
    void malformedEscapes(String raw) {
      String body = form(params("app_id", APP_ID, "access_token", TOKEN, "dest", "+6511111111"));
      HttpResponse<String> response =
          api.send(
              "POST",
              "ivr/start/dial",
              "application/x-www-form-urlencoded",
              (body + "&" + raw).getBytes(StandardCharsets.UTF_8));
      assertThat(JSON.readTree(response.body()).get("status").asString())
          .isEqualTo("error_malformed_params");
    }

    @Test
    @DisplayName("A form body that is not UTF-8 answers error_malformed_params")
    void malformedBody() {
      byte[] body =
          "app_id=app-123&access_token=token-456&dest=%2B6511111111&msg=\u00ff"
              .getBytes(StandardCharsets.ISO_8859_1);
      HttpResponse<String> response =
          api.send("POST", "ivr/start/dial", "application/x-www-form-urlencoded", body);
      assertThat(JSON.readTree(response.body()).get("status").asString())
          .isEqualTo("error_malformed_params");
    }

    @Test
    @DisplayName("A query string whose escapes are not UTF-8 is refused on GET too")
    void malformedQuery() {
      HttpResponse<String> response =
          api.send(
              "GET",
              "ivr/start/dial?app_id=app-123&access_token=token-456&dest=%2B6511111111&msg=%E9t%E9",
              null,
              null);
      assertThat(JSON.readTree(response.body()).get("status").asString())
          .isEqualTo("error_malformed_params");
    }
  }

  @Nested
  @DisplayName("Credentials")
  class Credentials {
    @Test
    @DisplayName("Without app_id the answer is error_app_id_param_missing, also when it is empty")
    void appIdMissing() {
      Map<String, String> dial = params("access_token", TOKEN, "dest", "+6511111111");
      assertThat(api.postExactly("start/dial", dial).get("status").asString())
          .isEqualTo("error_app_id_param_missing");
      dial.put("app_id", "");
      assertThat(api.postExactly("start/dial", dial).get("status").asString())
          .isEqualTo("error_app_id_param_missing");
    }

    @Test
    @DisplayName("Without access_token the answer is error_access_token_param_missing")
    void tokenMissing() {
      assertThat(
              api.postExactly("start/dial", params("app_id", APP_ID, "dest", "+6511111111"))
                  .get("status")
                  .asString())
          .isEqualTo("error_access_token_param_missing");
    }

    @Test
    @DisplayName("An unknown app_id answers error_invalid_app_id")
    void wrongAppId() {
      assertThat(
              api.postExactly(
                      "start/dial",
                      params("app_id", "other", "access_token", TOKEN, "dest", "+6511111111"))
                  .get("status")
                  .asString())
          .isEqualTo("error_invalid_app_id");
    }

    @Test
    @DisplayName(
        "A wrong access_token answers error_invalid_access_token, counted for the session it"
            + " names")
    void wrongToken() {
      String session = readySession();
      assertThat(
              api.postExactly(
                      "middle/play",
                      params("app_id", APP_ID, "access_token", "nope", "session", session))
                  .get("status")
                  .asString())
          .isEqualTo("error_invalid_access_token");
      assertThat(simulator.statuses(session))
          .containsExactly("success_ok", "error_invalid_access_token");
      assertThat(simulator.blockRequests(session)).isEqualTo(2);
    }
  }

  @Nested
  @DisplayName("Required parameters")
  class Required {
    static Stream<Arguments> missing() {
      return Stream.of(
          Arguments.of("start/dial", params("msg", "Hi"), "error_dest_param_missing"),
          Arguments.of("middle/play", params("msg", "Hi"), "error_session_param_missing"),
          Arguments.of("middle/gather", params(), "error_session_param_missing"),
          Arguments.of("middle/record", params(), "error_session_param_missing"),
          Arguments.of("middle/monitor", params(), "error_session_param_missing"),
          Arguments.of("middle/hold", params(), "error_session_param_missing"),
          Arguments.of("middle/unhold", params(), "error_session_param_missing"),
          Arguments.of("end/hangup", params("session", ""), "error_session_param_missing"),
          Arguments.of(
              "end/transfer", params("dest", "+6522222222"), "error_session_param_missing"),
          Arguments.of("end/transfer", params("session", "S-9"), "error_dest_param_missing"));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("missing")
    @DisplayName("A missing (or empty) required parameter answers error_<param>_param_missing")
    void missing(String path, Map<String, String> params, String status) {
      assertThat(api.status(path, params)).isEqualTo(status);
    }
  }

  @Nested
  @DisplayName("Limits")
  class Limits {
    static Stream<Arguments> limits() {
      return Stream.of(
          Arguments.of(
              "middle/play",
              "msg",
              repeat('a', 1000),
              repeat('a', 1001),
              "error_msg_invalid_length",
              params()),
          Arguments.of(
              "middle/play",
              "msg",
              repeat('\u8acb', 1000),
              repeat('\u8acb', 1001),
              "error_msg_invalid_length",
              params()),
          Arguments.of(
              "middle/play",
              "tag",
              repeat('t', 256),
              repeat('t', 257),
              "error_tag_invalid_length",
              params()),
          Arguments.of(
              "middle/record", "max_duration", "1", "0", "error_invalid_max_duration", params()),
          Arguments.of(
              "middle/record",
              "max_duration",
              "86400",
              "86401",
              "error_invalid_max_duration",
              params()),
          Arguments.of(
              "middle/record",
              "max_duration",
              "120",
              "12s",
              "error_invalid_max_duration",
              params()),
          Arguments.of(
              "middle/gather", "max_digits", "0", "-1", "error_invalid_max_digits", params()),
          Arguments.of(
              "middle/gather", "max_digits", "255", "256", "error_invalid_max_digits", params()),
          Arguments.of("middle/gather", "timeout", "1", "0", "error_invalid_timeout", params()),
          Arguments.of(
              "middle/gather", "timeout", "3600", "3601", "error_invalid_timeout", params()),
          Arguments.of("middle/gather", "attempts", "1", "0", "error_invalid_attempts", params()),
          Arguments.of(
              "middle/gather", "attempts", "100", "101", "error_invalid_attempts", params()),
          Arguments.of(
              "end/transfer",
              "on_failure",
              "continue",
              "retry",
              "error_on_failure_invalid",
              params("dest", "+6522222222")),
          Arguments.of(
              "end/transfer",
              "on_failure",
              "hangup",
              "Hangup",
              "error_on_failure_invalid",
              params("dest", "+6522222222")),
          Arguments.of(
              "end/transfer", "dest", "+6522222222", "6522222222", "error_dest_invalid", params()),
          Arguments.of(
              "end/transfer",
              "dest",
              "+123456789012345",
              "+1234567890123456",
              "error_dest_invalid",
              params()),
          Arguments.of("end/transfer", "dest", "room:", "room:a b", "error_dest_invalid", params()),
          Arguments.of(
              "end/transfer", "dest", "room:", "room:Sales_1-a", "error_dest_invalid", params()),
          Arguments.of(
              "end/transfer",
              "dest",
              "room:",
              "room:" + repeat('r', 65),
              "error_dest_invalid",
              params()),
          Arguments.of(
              "end/transfer",
              "caller_id",
              "private",
              "+0123",
              "error_caller_id_invalid",
              params("dest", "+6522222222")),
          Arguments.of(
              "end/transfer",
              "caller_id",
              "+6500000000",
              "Private",
              "error_caller_id_invalid",
              params("dest", "+6522222222")),
          Arguments.of("end/hangup", "force", "enabled", "yes", "error_force_invalid", params()));
    }

    @ParameterizedTest(name = "{0} {1}: {4}")
    @MethodSource("limits")
    @DisplayName(
        "Just outside a limit the block is refused with its code; just inside it is accepted")
    void limit(
        String path,
        String name,
        String inside,
        String outside,
        String status,
        Map<String, String> extra) {
      String session = readySession();
      Map<String, String> params = params("session", session, "notify_url", app.notifyUrl());
      params.putAll(extra);
      params.put(name, outside);
      assertThat(api.status(path, params)).isEqualTo(status);
      params.put(name, inside);
      assertThat(api.status(path, params)).isEqualTo("success_ok");
      assertThat(simulator.statuses(session)).containsExactly("success_ok", status, "success_ok");
    }

    static Stream<Arguments> dialLimits() {
      return Stream.of(
          Arguments.of("dest", "+6511111111", "6511111111", "error_dest_invalid"),
          Arguments.of("dest", "+6511111111", "room:abc", "error_dest_invalid"),
          Arguments.of("dest", "+6511111111", "+65 1111 1111", "error_dest_invalid"),
          Arguments.of("caller_id", "private", "anonymous", "error_caller_id_invalid"),
          Arguments.of("max_duration", "86400", "86401", "error_invalid_max_duration"),
          Arguments.of("max_duration", "1", "0", "error_invalid_max_duration"),
          Arguments.of("msg", repeat('m', 1000), repeat('m', 1001), "error_msg_invalid_length"),
          Arguments.of("tag", repeat('t', 256), repeat('t', 257), "error_tag_invalid_length"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("dialLimits")
    @DisplayName("Dial's parameters are checked the same way")
    void dialLimit(String name, String inside, String outside, String status) {
      Map<String, String> params = params("dest", "+6511111111");
      params.put(name, outside);
      assertThat(api.status("start/dial", params)).isEqualTo(status);
      params.put(name, inside);
      assertThat(api.status("start/dial", params)).isEqualTo("success_ok");
    }

    @Test
    @DisplayName("notify_url may hold 4000 characters; one more is error_invalid_notify_url")
    void notifyUrlLength() {
      String base = app.url("/notify?pad=");
      String inside = base + repeat('p', 4000 - base.length());
      String session = readySession();
      Map<String, String> params = params("session", session, "notify_url", inside + "p");
      assertThat(api.status("middle/play", params)).isEqualTo("error_invalid_notify_url");
      params.put("notify_url", inside);
      assertThat(api.status("middle/play", params)).isEqualTo("success_ok");
      assertThat(app.await(session, 2).get(1).get("pad")).hasSize(4000 - base.length());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"notify_url", "monitor_notify_url"})
    @DisplayName(
        "A notify URL that is not absolute http(s) is invalid; a host under .invalid cannot be"
            + " resolved")
    void notifyUrls(String name) {
      String session = readySession();
      for (String bad :
          new String[] {"ftp://example.com/n", "/notify", "http://", "not a url", "mailto:a@b"}) {
        assertThat(api.status("middle/monitor", params("session", session, name, bad)))
            .as(bad)
            .isEqualTo("error_invalid_" + name);
      }
      assertThat(
              api.status(
                  "middle/monitor", params("session", session, name, "http://hooks.invalid/n")))
          .isEqualTo("error_unable_to_resolve_" + name);
      String tooLong = "http://example.com/" + repeat('x', 4000 - 18);
      assertThat(api.status("middle/monitor", params("session", session, name, tooLong)))
          .isEqualTo("error_invalid_" + name);
      assertThat(api.status("middle/monitor", params("session", session, name, app.notifyUrl())))
          .isEqualTo("success_ok");
    }

    @Test
    @DisplayName("A forced Hangup with msg answers error_force_invalid")
    void forceWithMsg() {
      String session = readySession();
      assertThat(
              api.status(
                  "end/hangup", params("session", session, "force", "enabled", "msg", "Bye")))
          .isEqualTo("error_force_invalid");
    }
  }

  @Nested
  @DisplayName("msg markup")
  class Markup {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "<speech>unclosed",
          "a & b",
          "<foo>x</foo>",
          "<Speech>x</Speech>",
          "<speech voice=\"Joanna\">x</speech>",
          "<speech><url>http://h/a.mp3</url></speech>",
          "<url type=\"mp3\">http://h/a.mp3</url>",
          "<!DOCTYPE msg [<!ENTITY e \"x\">]>&e;",
          "&nbsp;"
        })
    @DisplayName("Markup that is not well-formed or not Hoiio's answers error_msg_invalid_xml")
    void invalidXml(String msg) {
      assertThat(api.status("start/dial", params("dest", "+6511111111", "msg", msg)))
          .isEqualTo("error_msg_invalid_xml");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(
        strings = {"english", "en_US", "EN-us", "", "en-USA", "eng-US", "en", "en-US", "fr-FR"})
    @DisplayName(
        "A language the block pages do not show (only zh-HK, English being the default without"
            + " one) answers error_msg_invalid_language")
    void invalidLanguage(String language) {
      String msg = "<speech language=\"" + language + "\">Hi</speech>";
      assertThat(api.status("start/dial", params("dest", "+6511111111", "msg", msg)))
          .isEqualTo("error_msg_invalid_language");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"robot", "Female", "", "f"})
    @DisplayName("A gender other than female and male answers error_msg_invalid_gender")
    void invalidGender(String gender) {
      String msg = "<speech gender=\"" + gender + "\">Hi</speech>";
      assertThat(api.status("start/dial", params("dest", "+6511111111", "msg", msg)))
          .isEqualTo("error_msg_invalid_gender");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {"ftp://h/a.mp3", "h/a.mp3", "http:///a.mp3", "http://h/a b.mp3", "file:/a.mp3"})
    @DisplayName("A <url> that is not http(s) answers error_msg_invalid_url")
    void invalidUrl(String url) {
      String msg = "<url>" + url + "</url>";
      assertThat(api.status("start/dial", params("dest", "+6511111111", "msg", msg)))
          .isEqualTo("error_msg_invalid_url");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {"http://h/a.ogg", "http://h/a.mp3.txt", "http://h/mp3", "https://h/a.mp4"})
    @DisplayName("A <url> not ending in .mp3, .wav or .gsm answers error_msg_invalid_file_format")
    void invalidFormat(String url) {
      String msg = "<url>" + url + "</url>";
      assertThat(api.status("start/dial", params("dest", "+6511111111", "msg", msg)))
          .isEqualTo("error_msg_invalid_file_format");
    }

    @Test
    @DisplayName(
        "Valid markup is observed segment by segment, entities decoded, plain text in the"
            + " default voice, whitespace between segments silent")
    void segments() {
      String msg =
          "Hello &amp; welcome <speech language=\"zh-HK\" gender=\"male\">請稍等</speech>"
              + " <url> https://example.com/a.WAV?v=1 </url>\n<speech>&lt;b&gt; bye</speech>"
              + "<!-- a comment --><speech gender=\"female\" language=\"zh-HK\"></speech>"
              + "<url>http://example.com/x.gsm</url><![CDATA[1 < 2]]>";
      JsonNode answer = api.post("start/dial", params("dest", "+6511111111", "msg", msg));
      assertThat(simulator.awaitTranscript(answer.get("session").asString(), WAIT))
          .isEqualTo(
              Transcript.of(
                  new Said("Hello & welcome ", "en-US", "female"),
                  new Said("請稍等", "zh-HK", "male"),
                  new Played("https://example.com/a.WAV?v=1"),
                  new Said("<b> bye", "en-US", "female"),
                  new Played("http://example.com/x.gsm"),
                  new Said("1 < 2", "en-US", "female"),
                  new HungUp("flow")));
    }
  }
}
