package dev.switchboard.example;

import dev.switchboard.Call;
import dev.switchboard.CallRequest;
import dev.switchboard.InvalidInputException;
import dev.switchboard.VoiceClient;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Gather;
import dev.switchboard.flow.Hangup;
import dev.switchboard.flow.Say;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /reminders} with {@code {"to": "+15556667777"}} calls that number with a reminder.
 */
@RestController
public class Reminders {
  static final CallFlow REMINDER =
      CallFlow.of(
          Say.of("This is a reminder of your appointment tomorrow at ten."),
          Gather.builder()
              .say("Press 1 to confirm.")
              .branch("1", Hangup.after(Say.of("Thank you. Goodbye.")))
              .build(),
          Say.of("We did not get your answer. We will call again."));

  private final VoiceClient voice;
  private final String from;

  public Reminders(VoiceClient voice, @Value("${reminders.from}") String from) {
    this.voice = voice;
    this.from = from;
  }

  /** The request's body: whom to call. */
  public record Reminder(String to) {}

  @PostMapping("/reminders")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, String> remind(@RequestBody Reminder reminder) {
    Call call =
        voice.placeCall(CallRequest.builder().from(from).to(reminder.to()).flow(REMINDER).build());
    return Map.of("callId", call.id());
  }

  /** A number or flow Switchboard refuses is the caller's mistake, named field by field. */
  @ExceptionHandler(InvalidInputException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public Map<String, String> invalid(InvalidInputException e) {
    return Map.of("error", e.getMessage());
  }
}
