package dev.switchboard.testkit;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Conference;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.GatherInput;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Play;
import dev.switchboard.flow.Record;
import dev.switchboard.flow.Say;
import dev.switchboard.flow.Transfer;
import dev.switchboard.flow.Verb;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vendor documents' own examples as neutral flows: both VoxXML IVRs of the Voxtelesys document,
 * a voicemail (Hoiio Record), reminders by text-to-speech and by MP3 (Xoxzo), and a conference. The
 * conformance kit runs every one a provider accepts.
 */
public final class SeedFlows {
  private SeedFlows() {}

  /** The Voxtelesys document's Simple IVR. */
  public static CallFlow simpleIvr() {
    return CallFlow.builder()
        .say("Thank you for calling")
        .gather(
            Gather.builder()
                .numDigits(1)
                .timeout(60)
                .attempts(3)
                .say("For United States support, press 1.")
                .say("For Canadian support, press 2.")
                .branch(
                    "2",
                    Say.of("Dialing Canadian support. Please wait."),
                    Transfer.to("+15556668888"),
                    Say.of("Call has ended. Goodbye."),
                    Hangup.now())
                .build())
        .say("Dialing United States support. Please wait.")
        .transfer("+15556667777")
        .say("Call has ended. Goodbye.")
        .hangup()
        .build();
  }

  /** The Voxtelesys document's Complex IVR: gathers nested in branches, conferences, a play. */
  public static CallFlow complexIvr() {
    return CallFlow.builder()
        .say("Hello, and welcome.")
        .gather(
            Gather.builder()
                .numDigits(1)
                .timeout(60)
                .attempts(3)
                .say("For support, press one.")
                .say("To join a conference, press two.")
                .say("For updates on hours of operation, press three.")
                .branch(
                    "1",
                    Say.of("Dialing support. Please wait."),
                    Transfer.to("+15556667777"),
                    Say.of("Call has ended. Goodbye."),
                    Hangup.now())
                .branch(
                    "2",
                    Gather.builder()
                        .numDigits(4)
                        .timeout(30)
                        .say("Please enter conference ID")
                        .branch("2233", pinMenu("2233"))
                        .branch("3344", pinMenu("3344"))
                        .build(),
                    Say.of("Invalid conference. Goodbye."),
                    Hangup.now())
                .branch("3", Play.of("https://example.com/hours-of-operation.mp3"), Hangup.now())
                .build())
        .say("No option selected. Goodbye.")
        .build();
  }

  private static Verb[] pinMenu(String room) {
    Conference listener = Conference.builder(room).startOnEnter(false).build();
    Conference moderator = Conference.builder(room).startOnEnter(true).endOnExit(true).build();
    return new Verb[] {
      Gather.builder()
          .numDigits(4)
          .timeout(10)
          .input(GatherInput.DTMF, GatherInput.SPEECH)
          .say("Please enter pin")
          .branch("1111", listener, Say.of("Conference has ended. Thank you"), Hangup.now())
          .branch("9999", moderator, Say.of("Conference has ended. Thank you"), Hangup.now())
          .build(),
      Say.of("Invalid pin. Goodbye."),
      Hangup.now()
    };
  }

  /** A voicemail: a greeting, a recording of up to two minutes ended by #, a thank-you. */
  public static CallFlow voicemail() {
    return CallFlow.builder()
        .record(
            Record.after(Say.of("Please leave a message after the tone. Press hash when done.")))
        .verb(Hangup.after(Say.of("Thank you. Goodbye.")))
        .build();
  }

  /** A reminder by text-to-speech, as Xoxzo's simple playback with tts_message sends it. */
  public static CallFlow reminderByVoice() {
    return CallFlow.of(
        Say.of("This is a reminder of your appointment tomorrow at ten."), Hangup.now());
  }

  /** A reminder by MP3, as Xoxzo's simple playback with recording_url sends it. */
  public static CallFlow reminderByMp3() {
    return CallFlow.of(Play.of("http://www.mysite.com/123.mp3"));
  }

  /** A conference: a greeting, then the room. */
  public static CallFlow conference() {
    return CallFlow.of(Say.of("You are joining the conference."), Conference.room("room1"));
  }

  /** Every seed flow by name, in a stable order. */
  public static Map<String, CallFlow> all() {
    Map<String, CallFlow> all = new LinkedHashMap<>();
    all.put("simple-ivr", simpleIvr());
    all.put("complex-ivr", complexIvr());
    all.put("voicemail", voicemail());
    all.put("reminder-tts", reminderByVoice());
    all.put("reminder-mp3", reminderByMp3());
    all.put("conference", conference());
    return all;
  }
}
