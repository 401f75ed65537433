package dev.switchboard.testkit.simulator;

import static dev.switchboard.testkit.simulator.HoiioTestSupport.APP_ID;
import static dev.switchboard.testkit.simulator.HoiioTestSupport.TOKEN;
import static dev.switchboard.testkit.simulator.HoiioTestSupport.WAIT;
import static dev.switchboard.testkit.simulator.HoiioTestSupport.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.VoiceGender;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.CalleeInput;
import dev.switchboard.testkit.Observation;
import dev.switchboard.testkit.Observation.Gathered;
import dev.switchboard.testkit.Observation.HungUp;
import dev.switchboard.testkit.Observation.JoinedConference;
import dev.switchboard.testkit.Observation.Played;
import dev.switchboard.testkit.Observation.Recorded;
import dev.switchboard.testkit.Observation.RecordingCall;
import dev.switchboard.testkit.Observation.Rejected;
import dev.switchboard.testkit.Observation.Said;
import dev.switchboard.testkit.Observation.Transferred;
import dev.switchboard.testkit.Observation.Unanswered;
import dev.switchboard.testkit.ReferenceInterpreter;
import dev.switchboard.testkit.Transcript;
import dev.switchboard.testkit.simulator.HoiioTestSupport.Api;
import dev.switchboard.testkit.simulator.HoiioTestSupport.App;
import dev.switchboard.testkit.simulator.HoiioTestSupport.Block;
import dev.switchboard.testkit.simulator.HoiioTestSupport.Notification;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Calls through the simulated Hoiio: an application on loopback answers each notification with the
 * next block, and the callee's transcript and the notifications are checked.
 */
class HoiioSimulatorCallTest {
  private static final HungUp BY_FLOW = new HungUp("flow");
  private static final HungUp BY_CALLEE = new HungUp("callee");
  private static final String DEST = "+6511111111";
  private static final String RECORDING = "http://recordings\\.hoiio\\.example/rec-[0-9]+\\.mp3";
  private static final String DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}";

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

  private static Said say(String text) {
    return new Said(text, "en-US", "female");
  }

  private static Gathered keys(String digits) {
    return new Gathered(digits, "");
  }

  /** Dials {@code callee} with {@code msg} (or none), the application running {@code script}. */
  private String call(Callee callee, String msg, Block... script) {
    app.running(api, script);
    simulator.scriptNextCall(callee);
    Map<String, String> params = params("notify_url", app.notifyUrl(), "tag", "dial-tag");
    if (msg != null) {
      params.put("msg", msg);
    }
    return api.dial(params);
  }

  /** The session's notifications once the call is over and every notification was sent. */
  private List<Notification> notifications(String session) {
    simulator.awaitTranscript(session, WAIT);
    return app.of(session);
  }

  private static List<String> blocks(List<Notification> notifications) {
    return notifications.stream().map(n -> n.get("ivr_block")).toList();
  }

  /** Sends a block to {@code session} with the application's notify URL; returns the status. */
  private String send(String session, String path, String... namesAndValues) {
    Map<String, String> params = params("session", session, "notify_url", app.notifyUrl());
    params.putAll(params(namesAndValues));
    return api.status(path, params);
  }

  @Nested
  @DisplayName("With a clock")
  class Clock {
    @Test
    @DisplayName(
        "A block sent without waiting for the notification of the one before answers"
            + " error_session_not_ready")
    void notWaiting() {
      simulator.blockTime(Duration.ofSeconds(2));
      String session = call(Callee.answering(), "Hello");
      assertThat(send(session, "middle/play", "msg", "Too soon"))
          .isEqualTo("error_session_not_ready");
      assertThat(app.await(n -> n.size() == 1).get(0).get("ivr_block")).isEqualTo("dial");
      assertThat(send(session, "end/hangup")).isEqualTo("success_ok");
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(say("Hello"), BY_FLOW));
    }

    @Test
    @DisplayName(
        "A plain Hangup while a block plays is accepted, skips its msg and ends the call at once;"
            + " the interrupted block sends no notification")
    void hangupMidBlock() {
      simulator.blockTime(Duration.ofSeconds(2));
      String session = call(Callee.answering(), null);
      app.await(n -> n.size() == 1);
      assertThat(send(session, "middle/play", "msg", "A long message")).isEqualTo("success_ok");
      // Hung up once the message is heard, while the block still plays (the clock holds it).
      simulator.awaitObservations(session, 1, WAIT);
      assertThat(send(session, "end/hangup", "msg", "Never heard")).isEqualTo("success_ok");
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(say("A long message"), BY_FLOW));
      assertThat(blocks(notifications(session))).containsExactly("dial", "hangup");
    }
  }

  @Nested
  @DisplayName("A chain of blocks")
  class Chain {
    @Test
    @DisplayName(
        "Dial, Play, Gather, Record and Hangup give the reference interpreter's transcript and"
            + " one notification each with the documented fields")
    void chain() {
      Callee callee = Callee.builder().presses("2").build();
      String session =
          call(
              callee,
              "Welcome",
              Block.of(
                  "middle/play",
                  "msg",
                  "<speech language=\"zh-HK\" gender=\"male\">請稍等</speech>"
                      + "<url>https://example.com/wait.mp3</url>",
                  "tag",
                  "play-tag"),
              Block.of(
                  "middle/gather",
                  "msg",
                  "Press 1 or 2",
                  "max_digits",
                  "1",
                  "timeout",
                  "5",
                  "attempts",
                  "2"),
              Block.of("middle/record", "msg", "Speak after the tone", "max_duration", "60"),
              Block.of("end/hangup", "msg", "Goodbye"));
      Transcript transcript = simulator.awaitTranscript(session, WAIT);

      CallFlow flow =
          CallFlow.of(
              Say.of("Welcome"),
              Say.builder("請稍等").language("zh-HK").gender(VoiceGender.MALE).build(),
              Play.of("https://example.com/wait.mp3"),
              Gather.builder().say("Press 1 or 2").numDigits(1).timeout(5).attempts(2).build(),
              Record.after(Say.of("Speak after the tone")),
              new Hangup(List.of(Say.of("Goodbye"))));
      assertThat(transcript.normalized())
          .isEqualTo(ReferenceInterpreter.run(flow, callee).normalized());
      Recorded recorded = (Recorded) transcript.observations().get(6);
      assertThat(recorded.url()).matches(RECORDING);
      assertThat(transcript)
          .isEqualTo(
              Transcript.of(
                  say("Welcome"),
                  new Said("請稍等", "zh-HK", "male"),
                  new Played("https://example.com/wait.mp3"),
                  say("Press 1 or 2"),
                  keys("2"),
                  say("Speak after the tone"),
                  recorded,
                  say("Goodbye"),
                  BY_FLOW));

      List<Notification> notes = notifications(session);
      assertThat(blocks(notes)).containsExactly("dial", "play", "gather", "record", "hangup");
      assertThat(notes)
          .allSatisfy(
              n -> {
                assertThat(n.method()).isEqualTo("POST");
                // In the body too, where Hoiio's SDKs and IVR samples read them.
                assertThat(n.body())
                    .startsWith("ivr_block=")
                    .contains("&session=" + session)
                    .doesNotContain("sb_sig");
                assertThat(n.path()).isEqualTo("/notify");
                assertThat(n.get("sb_call")).isEqualTo("c1");
                assertThat(n.get("sb_sig")).isEqualTo("abc");
                assertThat(n.get("session")).isEqualTo(session);
                assertThat(n.get("dest")).isEqualTo(DEST);
                assertThat(n.params()).doesNotContainKeys("from", "to");
              });
      assertThat(notes.stream().map(n -> n.get("txn_ref")).distinct()).hasSize(1);
      assertThat(notes.get(0).params().keySet())
          .containsExactly(
              "sb_call",
              "sb_sig",
              "ivr_block",
              "session",
              "txn_ref",
              "dest",
              "tag",
              "call_state",
              "dial_status");
      assertThat(notes.get(0).params())
          .containsEntry("tag", "dial-tag")
          .containsEntry("call_state", "ongoing")
          .containsEntry("dial_status", "answered");
      assertThat(notes.get(1).params())
          .containsEntry("tag", "play-tag")
          .containsEntry("call_state", "ongoing");
      assertThat(notes.get(2).params())
          .doesNotContainKey("tag")
          .containsEntry("digits", "2")
          .containsEntry("call_state", "ongoing");
      assertThat(notes.get(3).params())
          .containsEntry("record_status", "success")
          .containsEntry("record_url", recorded.url())
          .containsEntry("call_state", "ongoing")
          .doesNotContainKeys("date", "duration", "debit");
      Notification hangup = notes.get(4);
      assertThat(hangup.params().keySet())
          .containsExactly(
              "sb_call",
              "sb_sig",
              "ivr_block",
              "session",
              "txn_ref",
              "dest",
              "call_state",
              "date",
              "duration",
              "currency",
              "rate",
              "debit");
      assertThat(hangup.params())
          .containsEntry("call_state", "ended")
          .containsEntry("duration", "1")
          .containsEntry("currency", "SGD")
          .containsEntry("rate", "0.025")
          .containsEntry("debit", "0.025");
      assertThat(hangup.get("date")).matches(DATE);
      assertThat(app.answers(session))
          .containsExactly("success_ok", "success_ok", "success_ok", "success_ok");
      assertThat(simulator.blockRequests(session)).isEqualTo(5);
      List<WireExchange> sent =
          simulator.wireLog().stream()
              .filter(w -> w.direction() == WireExchange.Direction.TO_APPLICATION)
              .toList();
      assertThat(sent).hasSize(5);
      assertThat(sent)
          .allSatisfy(
              w -> {
                assertThat(w.method()).isEqualTo("POST");
                assertThat(w.uri().getRawQuery()).startsWith("sb_call=c1&sb_sig=abc&ivr_block=");
                assertThat(w.uri().getRawQuery()).endsWith(w.requestBody());
                assertThat(w.headers())
                    .containsEntry("Content-Type", List.of("application/x-www-form-urlencoded"));
                assertThat(w.status()).isEqualTo(200);
              });
      // Each block the application sent while answering a notification is logged after it.
      assertThat(simulator.wireLog().stream().map(WireExchange::direction).toList())
          .containsExactly(
              WireExchange.Direction.TO_VENDOR,
              WireExchange.Direction.TO_APPLICATION,
              WireExchange.Direction.TO_VENDOR,
              WireExchange.Direction.TO_APPLICATION,
              WireExchange.Direction.TO_VENDOR,
              WireExchange.Direction.TO_APPLICATION,
              WireExchange.Direction.TO_VENDOR,
              WireExchange.Direction.TO_APPLICATION,
              WireExchange.Direction.TO_VENDOR,
              WireExchange.Direction.TO_APPLICATION);
      assertThat(
              simulator.wireLog().stream()
                  .filter(w -> w.direction() == WireExchange.Direction.TO_VENDOR)
                  .map(w -> w.uri().getPath()))
          .containsExactly(
              "/open/ivr/start/dial",
              "/open/ivr/middle/play",
              "/open/ivr/middle/gather",
              "/open/ivr/middle/record",
              "/open/ivr/end/hangup");
    }

    @Test
    @DisplayName("A Dial without notify_url plays its msg and hangs up; nothing is notified")
    void dialWithoutNotifyUrl() {
      JsonNode answer = api.post("start/dial", params("dest", DEST, "msg", "Your code is 1234"));
      String session = answer.get("session").asString();
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(say("Your code is 1234"), BY_FLOW));
      assertThat(app.received()).isEmpty();
    }

    @Test
    @DisplayName(
        "A Play (or Record) without notify_url plays its msg, then the call hangs up unnotified")
    void middleBlockWithoutNotifyUrl() {
      String session =
          call(
              Callee.answering(),
              null,
              Block.of("middle/play", "msg", "Last words").silent(),
              Block.of("end/hangup", "msg", "Never sent"));
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(say("Last words"), BY_FLOW));
      assertThat(blocks(notifications(session))).containsExactly("dial");

      String recordSession =
          call(Callee.answering(), null, Block.of("middle/record", "msg", "Speak").silent());
      assertThat(simulator.awaitTranscript(recordSession, WAIT))
          .isEqualTo(Transcript.of(say("Speak"), BY_FLOW));
    }

    @Test
    @DisplayName(
        "When no block comes within the idle timeout the call hangs up, and later blocks find it"
            + " ended")
    void idle() {
      simulator.idleTimeout(Duration.ofMillis(200));
      String session = call(Callee.answering(), "Hello");
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(say("Hello"), BY_FLOW));
      assertThat(send(session, "middle/play", "msg", "Late")).isEqualTo("error_session_ended");
      assertThat(blocks(app.of(session))).containsExactly("dial");
    }
  }

  @Nested
  @DisplayName("Session order")
  class SessionOrder {
    @Test
    @DisplayName(
        "A block sent before the previous block's notification answers"
            + " error_session_not_ready")
    void notReady() {
      List<String> early = new CopyOnWriteArrayList<>();
      app.reacting(
          n -> {
            if (n.get("ivr_block").equals("dial")) {
              early.add(send(n.get("session"), "middle/play", "msg", "Too early"));
              // A Hangup would be taken at any point (see hangupMidBlock); other blocks wait.
              early.add(send(n.get("session"), "middle/gather", "msg", "Too early"));
            }
          });
      String session =
          call(
              Callee.answering(),
              null,
              Block.of("middle/play", "msg", "One"),
              Block.of("end/hangup"));
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(say("One"), BY_FLOW));
      assertThat(early).containsExactly("error_session_not_ready", "error_session_not_ready");
      assertThat(simulator.statuses(session))
          .containsExactly(
              "success_ok",
              "success_ok",
              "error_session_not_ready",
              "error_session_not_ready",
              "success_ok");
      assertThat(simulator.blockRequests(session)).isEqualTo(5);
    }

    @Test
    @DisplayName(
        "After the call ended every block, forced Hangup included, answers error_session_ended")
    void ended() {
      String session = call(Callee.answering(), null, Block.of("end/hangup", "msg", "Bye"));
      assertThat(blocks(notifications(session))).containsExactly("dial", "hangup");
      assertThat(send(session, "middle/play", "msg", "Hello?")).isEqualTo("error_session_ended");
      assertThat(send(session, "end/hangup", "force", "enabled")).isEqualTo("error_session_ended");
      assertThat(send(session, "middle/unhold")).isEqualTo("error_session_ended");
    }

    @Test
    @DisplayName("A session nobody created answers error_invalid_session, counted under its name")
    void invalidSession() {
      assertThat(send("S-999", "middle/play", "msg", "Hi")).isEqualTo("error_invalid_session");
      assertThat(send("S-999", "end/hangup", "force", "enabled"))
          .isEqualTo("error_invalid_session");
      assertThat(simulator.blockRequests("S-999")).isEqualTo(2);
      assertThat(simulator.statuses("S-999"))
          .containsExactly("error_invalid_session", "error_invalid_session");
      assertThat(simulator.blockRequests("S-1000")).isZero();
    }

    @Test
    @DisplayName(
        "After Hold only Unhold is accepted; Unhold when not on hold answers"
            + " error_session_not_on_hold; Unhold notifies")
    void hold() {
      List<String> statuses = new CopyOnWriteArrayList<>();
      app.reacting(
          n -> {
            String session = n.get("session");
            if (n.get("ivr_block").equals("dial")) {
              statuses.add(send(session, "middle/unhold"));
              statuses.add(
                  api.status(
                      "middle/hold", params("session", session, "msg", "Please hold", "tag", "h")));
              statuses.add(send(session, "middle/play", "msg", "Not now"));
              statuses.add(send(session, "middle/monitor"));
              statuses.add(send(session, "middle/unhold", "tag", "u"));
              statuses.add(send(session, "middle/unhold"));
            } else if (n.get("ivr_block").equals("unhold")) {
              statuses.add(send(session, "end/hangup", "msg", "Thanks for waiting"));
            }
          });
      String session = call(Callee.answering(), "Hi");
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(
              Transcript.of(say("Hi"), say("Please hold"), say("Thanks for waiting"), BY_FLOW));
      assertThat(statuses)
          .containsExactly(
              "error_session_not_on_hold",
              "success_ok",
              "error_session_not_ready",
              "error_session_not_ready",
              "success_ok",
              "error_session_not_on_hold",
              "success_ok");
      List<Notification> notes = notifications(session);
      assertThat(blocks(notes)).containsExactly("dial", "unhold", "hangup");
      assertThat(notes.get(1).params())
          .containsEntry("tag", "u")
          .containsEntry("call_state", "ongoing");
    }

    @Test
    @DisplayName("A second Monitor on the same call answers error_monitor_in_progress")
    void monitorTwice() {
      List<String> statuses = new CopyOnWriteArrayList<>();
      app.reacting(
          n -> {
            if (n.get("ivr_block").equals("monitor") && !n.ended()) {
              statuses.add(send(n.get("session"), "middle/monitor"));
              statuses.add(send(n.get("session"), "end/hangup"));
            }
          });
      String session = call(Callee.answering(), null, Block.of("middle/monitor"));
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(new RecordingCall(), BY_FLOW));
      assertThat(statuses).containsExactly("error_monitor_in_progress", "success_ok");
    }
  }

  @Nested
  @DisplayName("Gather")
  class GatherBlock {
    static Stream<Arguments> inputs() {
      return Stream.of(
          Arguments.of("silence, 3 attempts", CalleeInput.silence(), "0", "3", "", 3),
          Arguments.of("words only count as silence", CalleeInput.speech("one"), "0", "2", "", 2),
          Arguments.of("# first is an empty answer", CalleeInput.keys("#12"), "0", "3", "", 1),
          Arguments.of("# ends the input", CalleeInput.keys("12#34"), "0", "3", "12", 1),
          Arguments.of("max_digits drops extra keys", CalleeInput.keys("1234"), "2", "3", "12", 1),
          Arguments.of(
              "max_digits 0 takes every key", CalleeInput.keys("98*7"), "0", "1", "98*7", 1),
          Arguments.of("fewer keys at the timeout", CalleeInput.keys("5"), "4", "3", "5", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    @DisplayName(
        "The prompt plays once before usable input, attempts times for silence; digits are"
            + " notified and the call goes on")
    void gather(
        String name,
        CalleeInput input,
        String maxDigits,
        String attempts,
        String digits,
        int passes) {
      String session =
          call(
              Callee.builder().input(input).build(),
              null,
              Block.of(
                  "middle/gather",
                  "msg",
                  "Enter your PIN",
                  "max_digits",
                  maxDigits,
                  "attempts",
                  attempts),
              Block.of("end/hangup", "msg", "Bye"));
      List<Observation> expected = new ArrayList<>();
      for (int i = 0; i < passes; i++) {
        expected.add(say("Enter your PIN"));
      }
      expected.add(keys(digits));
      expected.add(say("Bye"));
      expected.add(BY_FLOW);
      assertThat(simulator.awaitTranscript(session, WAIT)).isEqualTo(new Transcript(expected));
      Notification gather = notifications(session).get(1);
      assertThat(gather.get("ivr_block")).isEqualTo("gather");
      assertThat(gather.params())
          .containsEntry("digits", digits)
          .containsEntry("call_state", "ongoing");
    }

    @Test
    @DisplayName("Two gathers consume the scripted inputs in order")
    void inputsInOrder() {
      String session =
          call(
              Callee.builder().presses("1").presses("22").build(),
              null,
              Block.of("middle/gather", "max_digits", "1"),
              Block.of("middle/gather", "max_digits", "2"),
              Block.of("middle/gather"),
              Block.of("end/hangup"));
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(keys("1"), keys("22"), keys(""), BY_FLOW));
    }

    @Test
    @DisplayName("A callee who hangs up during the prompts ends the gather without digits")
    void hangUpDuringPrompt() {
      String session =
          call(
              Callee.builder().hangUpAfter(2).build(),
              null,
              Block.of("middle/gather", "msg", "Anyone there?", "attempts", "3"));
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(say("Anyone there?"), say("Anyone there?"), BY_CALLEE));
      Notification gather = notifications(session).get(1);
      assertThat(gather.params()).containsEntry("call_state", "ended").doesNotContainKey("digits");
      assertThat(gather.get("duration")).isEqualTo("1");
    }
  }

  @Nested
  @DisplayName("Transfer")
  class TransferBlock {
    private static final String TARGET = "+6522222222";

    @Test
    @DisplayName(
        "An answered transfer is observed, the call ends with the bridge, transfer_status is"
            + " answered")
    void answered() {
      String session =
          call(
              Callee.answering(),
              null,
              Block.of(
                  "end/transfer", "dest", TARGET, "msg", "Connecting", "caller_id", "+6500000000"));
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(
              Transcript.of(
                  say("Connecting"),
                  new Transferred(List.of(TARGET), "answered", TARGET),
                  BY_FLOW));
      Notification transfer = notifications(session).get(1);
      assertThat(transfer.params())
          .containsEntry("ivr_block", "transfer")
          .containsEntry("transfer_status", "answered")
          .containsEntry("call_state", "ended")
          .containsKeys("date", "duration", "currency", "rate", "debit");
    }

    @Test
    @DisplayName(
        "A failed transfer without on_failure=continue hangs up: transfer_status unanswered")
    void failedHangsUp() {
      String session =
          call(
              Callee.builder().target(TARGET, Callee.Target.NO_ANSWER).build(),
              null,
              Block.of("end/transfer", "dest", TARGET, "on_failure", "hangup"));
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(new Transferred(List.of(TARGET), "unanswered", ""), BY_FLOW));
      assertThat(notifications(session).get(1).params())
          .containsEntry("transfer_status", "unanswered")
          .containsEntry("call_state", "ended");
      CallFlow flow = CallFlow.of(Transfer.to(TARGET));
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(
              ReferenceInterpreter.run(
                  flow, Callee.builder().target(TARGET, Callee.Target.NO_ANSWER).build()));
    }

    @Test
    @DisplayName(
        "A busy target with on_failure=continue keeps the call up: transfer_status busy, the"
            + " next block runs")
    void failedContinues() {
      Callee callee = Callee.builder().target(TARGET, Callee.Target.BUSY).build();
      String session =
          call(
              callee,
              null,
              Block.of("end/transfer", "dest", TARGET, "on_failure", "continue"),
              Block.of("end/hangup", "msg", "Nobody is free"));
      Transcript transcript = simulator.awaitTranscript(session, WAIT);
      assertThat(transcript)
          .isEqualTo(
              Transcript.of(
                  new Transferred(List.of(TARGET), "unanswered", ""),
                  say("Nobody is free"),
                  BY_FLOW));
      List<Notification> notes = notifications(session);
      assertThat(notes.get(1).params())
          .containsEntry("transfer_status", "busy")
          .containsEntry("call_state", "ongoing")
          .doesNotContainKey("duration");
      assertThat(notes.get(2).params()).containsEntry("call_state", "ended");
      CallFlow flow =
          CallFlow.of(Transfer.builder().to(TARGET).onFailure(Say.of("Nobody is free")).build());
      assertThat(transcript).isEqualTo(ReferenceInterpreter.run(flow, callee));
    }

    @Test
    @DisplayName(
        "A transfer to room: gets a generated room; the caller joins it, and the call ends when"
            + " they leave")
    void room() {
      List<JsonNode> answers = new CopyOnWriteArrayList<>();
      app.reacting(
          n -> {
            if (n.get("ivr_block").equals("dial")) {
              answers.add(
                  api.post(
                      "end/transfer",
                      params(
                          "session",
                          n.get("session"),
                          "dest",
                          "room:",
                          "notify_url",
                          app.notifyUrl())));
            }
          });
      String session = call(Callee.answering(), null);
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(new JoinedConference("R-1"), BY_FLOW));
      assertThat(answers).hasSize(1);
      assertThat(answers.get(0).get("status").asString()).isEqualTo("success_ok");
      assertThat(answers.get(0).get("room").asString()).isEqualTo("R-1");
      assertThat(notifications(session).get(1).params())
          .containsEntry("transfer_status", "answered")
          .containsEntry("call_state", "ended");
    }

    @Test
    @DisplayName(
        "A room id Hoiio gave is joined by a later call; an id it never gave answers"
            + " error_dest_invalid")
    void givenRoomsOnly() {
      List<JsonNode> answers = new CopyOnWriteArrayList<>();
      app.reacting(
          n -> {
            if (n.get("ivr_block").equals("dial")) {
              String dest = answers.isEmpty() ? "room:" : "room:R-1";
              answers.add(
                  api.post(
                      "end/transfer",
                      params("session", n.get("session"), "dest", dest, "msg", "Joining")));
            }
          });
      String first = call(Callee.answering(), null);
      assertThat(simulator.awaitTranscript(first, WAIT))
          .isEqualTo(Transcript.of(say("Joining"), new JoinedConference("R-1"), BY_FLOW));
      String second = call(Callee.answering(), null);
      assertThat(simulator.awaitTranscript(second, WAIT))
          .isEqualTo(Transcript.of(say("Joining"), new JoinedConference("R-1"), BY_FLOW));
      assertThat(answers).extracting(a -> a.get("room").asString()).containsExactly("R-1", "R-1");
      assertThat(
              api.status(
                  "end/transfer", params("session", "S-1", "dest", "room:sales-2", "msg", "x")))
          .as("values are checked before the session's state")
          .isEqualTo("error_dest_invalid");
    }
  }

  @Nested
  @DisplayName("Monitor")
  class MonitorBlock {
    @Test
    @DisplayName(
        "monitor_notify_url hears when the block is done; notify_url gets the recording after"
            + " the call")
    void twoNotifications() {
      String session =
          call(
              Callee.answering(),
              null,
              Block.of(
                  "middle/monitor",
                  "msg",
                  "This call is recorded",
                  "tag",
                  "mon",
                  "monitor_notify_url",
                  app.url("/monitor-ready"),
                  "notify_url",
                  app.url("/monitor-file?k=v")),
              Block.of("middle/play", "msg", "Hello"),
              Block.of("end/hangup"));
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(
              Transcript.of(
                  say("This call is recorded"), new RecordingCall(), say("Hello"), BY_FLOW));
      List<Notification> notes = app.of(session);
      assertThat(notes.stream().map(Notification::path))
          .containsExactly("/notify", "/monitor-ready", "/notify", "/notify", "/monitor-file");
      assertThat(notes.get(1).params())
          .containsEntry("ivr_block", "monitor")
          .containsEntry("tag", "mon")
          .containsEntry("call_state", "ongoing")
          .doesNotContainKeys("monitor_status", "monitor_url");
      assertThat(notes.get(3).params()).containsEntry("ivr_block", "hangup");
      Notification file = notes.get(4);
      assertThat(file.params().keySet())
          .containsExactly(
              "k",
              "ivr_block",
              "session",
              "txn_ref",
              "dest",
              "tag",
              "call_state",
              "monitor_status",
              "monitor_url");
      assertThat(file.params())
          .containsEntry("ivr_block", "monitor")
          .containsEntry("call_state", "ended")
          .containsEntry("monitor_status", "success");
      assertThat(file.get("monitor_url")).matches(RECORDING);
    }

    @Test
    @DisplayName("Without monitor_notify_url both notifications go to notify_url")
    void notifyUrlOnly() {
      String session =
          call(Callee.answering(), null, Block.of("middle/monitor"), Block.of("end/hangup"));
      List<Notification> notes = notifications(session);
      assertThat(blocks(notes)).containsExactly("dial", "monitor", "hangup", "monitor");
      assertThat(notes.get(3).params()).containsEntry("monitor_status", "success");
    }

    @Test
    @DisplayName("A Monitor without either URL plays its msg and hangs up without recording")
    void noUrls() {
      String session =
          call(Callee.answering(), null, Block.of("middle/monitor", "msg", "Recorded").silent());
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(say("Recorded"), BY_FLOW));
      assertThat(blocks(app.of(session))).containsExactly("dial");
    }
  }

  @Nested
  @DisplayName("Hanging up")
  class HangingUp {
    @Test
    @DisplayName(
        "A forced Hangup while on hold ends the call at once and notifies call_state=ended")
    void forcedOnHold() {
      String session =
          call(Callee.answering(), null, Block.of("middle/hold", "msg", "Hold music").silent());
      assertThat(simulator.awaitObservations(session, 1, WAIT))
          .isEqualTo(Transcript.of(say("Hold music")));
      assertThat(
              api.status(
                  "end/hangup",
                  params(
                      "session",
                      session,
                      "force",
                      "enabled",
                      "tag",
                      "f",
                      "notify_url",
                      app.url("/forced"))))
          .isEqualTo("success_ok");
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(say("Hold music"), BY_FLOW));
      List<Notification> notes = app.of(session);
      assertThat(blocks(notes)).containsExactly("dial", "hangup");
      assertThat(notes.get(1).path()).isEqualTo("/forced");
      assertThat(notes.get(1).params())
          .containsEntry("tag", "f")
          .containsEntry("call_state", "ended")
          .containsEntry("duration", "1");
      assertThat(send(session, "middle/unhold")).isEqualTo("error_session_ended");
    }

    @Test
    @DisplayName(
        "A forced Hangup cuts off an accepted block before it plays: that block never notifies")
    void forcedCutsBlock() {
      List<String> statuses = new CopyOnWriteArrayList<>();
      app.reacting(
          n -> {
            if (n.get("ivr_block").equals("dial")) {
              statuses.add(send(n.get("session"), "middle/record", "msg", "Never played"));
              statuses.add(send(n.get("session"), "end/hangup", "force", "enabled"));
              statuses.add(send(n.get("session"), "middle/play"));
            }
          });
      String session = call(Callee.answering(), "Hello");
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(say("Hello"), BY_FLOW));
      assertThat(statuses).containsExactly("success_ok", "success_ok", "error_session_ended");
      List<Notification> notes = app.of(session);
      assertThat(blocks(notes)).containsExactly("dial", "hangup");
      assertThat(notes.get(1).params()).containsEntry("call_state", "ended");
    }

    @Test
    @DisplayName(
        "A callee who hangs up while being recorded leaves a partial recording: success with"
            + " call_state=ended")
    void calleeHangsUpMidRecord() {
      String session =
          call(
              Callee.builder().hangUpAfter(2).build(),
              null,
              Block.of("middle/record", "msg", "Leave a message"),
              Block.of("end/hangup"));
      Transcript transcript = simulator.awaitTranscript(session, WAIT);
      assertThat(transcript.observations()).hasSize(3);
      Recorded recorded = (Recorded) transcript.observations().get(1);
      assertThat(transcript).isEqualTo(Transcript.of(say("Leave a message"), recorded, BY_CALLEE));
      List<Notification> notes = notifications(session);
      assertThat(blocks(notes)).containsExactly("dial", "record");
      assertThat(notes.get(1).params())
          .containsEntry("record_status", "success")
          .containsEntry("record_url", recorded.url())
          .containsEntry("call_state", "ended")
          .containsEntry("duration", "1");
    }

    @Test
    @DisplayName(
        "A callee who hangs up before the recording starts gives record_status=failed and no"
            + " record_url")
    void calleeHangsUpBeforeRecord() {
      String session =
          call(
              Callee.builder().hangUpAfter(1).build(),
              null,
              Block.of("middle/record", "msg", "Leave a message"));
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(say("Leave a message"), BY_CALLEE));
      assertThat(notifications(session).get(1).params())
          .containsEntry("record_status", "failed")
          .containsEntry("call_state", "ended")
          .doesNotContainKey("record_url");
    }

    @Test
    @DisplayName("A callee who hangs up during Dial's msg ends the call in the dial notification")
    void calleeHangsUpDuringDial() {
      String session = call(Callee.builder().hangUpAfter(1).build(), "Hello. Hello?");
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(say("Hello. Hello?"), BY_CALLEE));
      assertThat(notifications(session).get(0).params())
          .containsEntry("dial_status", "answered")
          .containsEntry("call_state", "ended");
    }
  }

  @Nested
  @DisplayName("Unanswered calls")
  class UnansweredCalls {
    static Stream<Arguments> pickups() {
      return Stream.of(
          Arguments.of(Callee.Pickup.NO_ANSWER, "no-answer", "unanswered"),
          Arguments.of(Callee.Pickup.BUSY, "busy", "busy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pickups")
    @DisplayName(
        "A callee who does not pick up observes only unanswered; the dial notification ends the"
            + " call")
    void unanswered(Callee.Pickup pickup, String reason, String dialStatus) {
      String session =
          call(Callee.builder().pickup(pickup).build(), "Never heard", Block.of("end/hangup"));
      assertThat(simulator.awaitTranscript(session, WAIT))
          .isEqualTo(Transcript.of(new Unanswered(reason)));
      List<Notification> notes = notifications(session);
      assertThat(notes).hasSize(1);
      assertThat(notes.get(0).params())
          .containsEntry("ivr_block", "dial")
          .containsEntry("dial_status", dialStatus)
          .containsEntry("call_state", "ended")
          .containsEntry("duration", "0")
          .containsEntry("debit", "0.000")
          .containsEntry("currency", "SGD");
      assertThat(send(session, "middle/play")).isEqualTo("error_session_ended");
    }
  }

  @Nested
  @DisplayName("Incoming calls")
  class Incoming {
    @Test
    @DisplayName(
        "An incoming call posts answer/ringing with from and to; the first block answers it")
    void answered() {
      app.running(
          api,
          Block.of("middle/gather", "msg", "Press 1", "max_digits", "1"),
          Block.of("end/hangup", "msg", "Thanks"));
      Transcript transcript =
          simulator.incomingCall(
              URI.create(app.url("/incoming?sb_call=in1")),
              "+6588888888",
              "+6566666666",
              Callee.builder().presses("1").build());
      assertThat(transcript)
          .isEqualTo(Transcript.of(say("Press 1"), keys("1"), say("Thanks"), BY_FLOW));
      List<Notification> notes = app.received();
      assertThat(blocks(notes)).containsExactly("answer", "gather", "hangup");
      Notification answer = notes.get(0);
      assertThat(answer.path()).isEqualTo("/incoming");
      assertThat(answer.params().keySet())
          .containsExactly(
              "sb_call", "ivr_block", "session", "txn_ref", "from", "to", "call_state");
      assertThat(answer.params())
          .containsEntry("from", "+6588888888")
          .containsEntry("to", "+6566666666")
          .containsEntry("call_state", "ringing");
      assertThat(notes.get(1).params())
          .containsEntry("from", "+6588888888")
          .containsEntry("to", "+6566666666")
          .containsEntry("digits", "1")
          .doesNotContainKey("dest");
      assertThat(notes.get(2).params())
          .containsEntry("call_state", "ended")
          .containsEntry("duration", "1");
      assertThat(simulator.awaitTranscript(answer.get("session"), WAIT)).isEqualTo(transcript);
    }

    @Test
    @DisplayName("A first Hangup without msg rejects the call: the caller observes reject only")
    void rejected() {
      app.running(api, Block.of("end/hangup"));
      Transcript transcript =
          simulator.incomingCall(
              URI.create(app.url("/incoming")), "+6588888888", "+6566666666", Callee.answering());
      assertThat(transcript).isEqualTo(Transcript.of(new Rejected()));
      List<Notification> notes = app.received();
      assertThat(blocks(notes)).containsExactly("answer", "hangup");
      assertThat(notes.get(1).params())
          .containsEntry("call_state", "ended")
          .containsEntry("duration", "0");
    }

    @Test
    @DisplayName("A first Hangup with msg answers the call, plays the msg and hangs up")
    void hangupWithMsg() {
      app.running(api, Block.of("end/hangup", "msg", "We are closed"));
      assertThat(
              simulator.incomingCall(
                  URI.create(app.url("/incoming")),
                  "+6588888888",
                  "+6566666666",
                  Callee.answering()))
          .isEqualTo(Transcript.of(say("We are closed"), BY_FLOW));
    }

    @Test
    @DisplayName("An incoming call the application never answers is unanswered for the caller")
    void neverAnswered() {
      simulator.idleTimeout(Duration.ofMillis(200));
      assertThat(
              simulator.incomingCall(
                  URI.create(app.url("/incoming")),
                  "+6588888888",
                  "+6566666666",
                  Callee.answering()))
          .isEqualTo(Transcript.of(new Unanswered("no-answer")));
    }
  }

  @Nested
  @DisplayName("Load")
  class Load {
    @Test
    @DisplayName("Fifty concurrent calls all complete with the right transcripts and notifications")
    void concurrent() throws Exception {
      int calls = 50;
      app.running(
          api,
          Block.of("middle/play", "msg", "Hello"),
          Block.of("middle/gather", "msg", "Press a key", "max_digits", "1"),
          Block.of("middle/record"),
          Block.of("end/hangup", "msg", "Bye"));
      for (int i = 0; i < calls; i++) {
        simulator.scriptNextCall(Callee.builder().presses("7").build());
      }
      ExecutorService dialers = Executors.newFixedThreadPool(10);
      List<Future<String>> sessions = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      try {
        for (int i = 0; i < calls; i++) {
          sessions.add(
              dialers.submit(() -> api.dial(params("notify_url", app.notifyUrl(), "msg", "Hi"))));
        }
        for (Future<String> future : sessions) {
          String session = future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
          ids.add(session);
          Transcript transcript = simulator.awaitTranscript(session, WAIT);
          assertThat(transcript.normalized())
              .isEqualTo(
                  Transcript.of(
                      say("Hi"),
                      say("Hello"),
                      say("Press a key"),
                      keys("7"),
                      new Recorded("recording-1"),
                      say("Bye"),
                      BY_FLOW));
          assertThat(blocks(app.of(session)))
              .containsExactly("dial", "play", "gather", "record", "hangup");
          assertThat(app.answers(session)).containsOnly("success_ok").hasSize(4);
        }
      } finally {
        dialers.shutdownNow();
      }
      assertThat(ids).doesNotHaveDuplicates().hasSize(calls);
    }
  }
}
